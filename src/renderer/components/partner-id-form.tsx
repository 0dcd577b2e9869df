/** Partner ID field with save button; shows the main process's validation message under the field. */
import { Button, Field, Input } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useAppStore } from '../store';
import { useFieldFormStyles } from './field-form-styles';

export function PartnerIdForm() {
  const styles = useFieldFormStyles();
  const saved = useAppStore((s) => s.settings?.partnerId ?? '');
  const savePartnerId = useAppStore((s) => s.savePartnerId);
  const [value, setValue] = useState(saved);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const failure = await savePartnerId(value);
    setBusy(false);
    setError(failure?.message ?? null);
    setDone(failure === null);
  };

  return (
    <form className={styles.form} onSubmit={submit} aria-label="Partner ID">
      <Field
        className={styles.field}
        label="Partner ID (Associated MPN ID)"
        hint="Shown on your Partner Center profile, e.g. 1234567."
        validationState={error ? 'error' : done ? 'success' : 'none'}
        validationMessage={error ?? (done ? 'Saved.' : undefined)}
      >
        <Input
          value={value}
          onChange={(_, data) => {
            setValue(data.value);
            setDone(false);
          }}
          inputMode="numeric"
          autoComplete="off"
        />
      </Field>
      <Button className={styles.button} appearance="primary" type="submit" disabled={busy}>
        Save
      </Button>
    </form>
  );
}

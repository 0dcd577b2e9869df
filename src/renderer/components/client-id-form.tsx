/** The sign-in application (client) ID field; empty means the default client. */
import { Button, Field, Input } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { api } from '../api';
import { useAppStore } from '../store';
import { useFieldFormStyles } from './field-form-styles';

export function ClientIdForm() {
  const styles = useFieldFormStyles();
  const saved = useAppStore((s) => s.settings?.clientId ?? '');
  const run = useAppStore((s) => s.run);
  const [value, setValue] = useState(saved);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const bridge = api;
    if (!bridge) return;
    const result = await run(() => bridge.settings.setClientId({ clientId: value.trim() || null }));
    setMessage(result.ok ? { error: false, text: 'Saved. Restart PAL Desk to sign in with it.' } : { error: true, text: result.error.message });
  };

  return (
    <form className={styles.form} onSubmit={submit} aria-label="Sign-in application">
      <Field
        className={styles.field}
        label="Application (client) ID"
        validationState={message ? (message.error ? 'error' : 'success') : 'none'}
        validationMessage={message?.text}
      >
        <Input value={value} onChange={(_, d) => setValue(d.value)} placeholder="default" autoComplete="off" />
      </Field>
      <Button className={styles.button} type="submit">
        Save
      </Button>
    </form>
  );
}

/** The sign-in application (client) ID field; empty means the default client. */
import { Button, Field, Input } from '@fluentui/react-components';
import { useAppStore } from '../store';
import { useFieldFormStyles } from './field-form-styles';
import { useSettingForm } from './use-setting-form';

export function ClientIdForm() {
  const styles = useFieldFormStyles();
  const saved = useAppStore((s) => s.settings?.clientId ?? '');
  const { value, setValue, submit, validation } = useSettingForm(
    saved,
    (bridge, v) => bridge.settings.setClientId({ clientId: v.trim() || null }),
    () => 'Saved. Restart PAL Desk to sign in with it.',
  );

  return (
    <form className={styles.form} onSubmit={submit} aria-label="Sign-in application">
      <Field
        className={styles.field}
        label="Application (client) ID"
        {...validation}
      >
        <Input value={value} onChange={(_, d) => setValue(d.value)} placeholder="default" autoComplete="off" />
      </Field>
      <Button className={styles.button} type="submit">
        Save
      </Button>
    </form>
  );
}

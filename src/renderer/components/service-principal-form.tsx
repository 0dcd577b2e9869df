/** Adds a service principal next to a tenant's other accounts: client ID and secret (the secret goes only to the OS keychain). */
import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { AppError } from '../../shared/result';
import { api } from '../api';
import { useAppStore } from '../store';

const useStyles = makeStyles({ form: { display: 'grid', gap: tokens.spacingVerticalS } });

/** `onDone` gets the error to show, or null once the service principal is saved. */
export function ServicePrincipalForm({ tenantId, onDone }: { tenantId: string; onDone(error: AppError | null): void }) {
  const styles = useStyles();
  const run = useAppStore((s) => s.run);
  const [clientId, setClientId] = useState('');
  const [secret, setSecret] = useState('');
  const bridge = api;
  if (!bridge) return null;

  return (
    <form
      className={styles.form}
      aria-label="Service principal"
      onSubmit={(event) => {
        event.preventDefault();
        void run(() => bridge.auth.addServicePrincipal({ tenantId, clientId: clientId.trim(), clientSecret: secret })).then((result) => {
          setSecret('');
          onDone(result.ok ? null : result.error);
        });
      }}
    >
      <Field label="Application (client) ID">
        <Input value={clientId} onChange={(_, d) => setClientId(d.value)} autoComplete="off" />
      </Field>
      <Field label="Client secret" hint="Kept only in your OS keychain.">
        <Input type="password" value={secret} onChange={(_, d) => setSecret(d.value)} autoComplete="off" />
      </Field>
      <Button type="submit" appearance="primary">
        Save and connect
      </Button>
    </form>
  );
}

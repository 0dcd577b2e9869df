/** The account PAL Desk uses in one tenant: state, sign in (system browser) with cancel, a service principal, sign out. */
import { Body1, Button, Card, CardHeader, Field, Input, MessageBar, MessageBarBody, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Result } from '../../shared/result';
import type { TenantView } from '../../shared/view-types';
import { api } from '../api';
import { useAppStore } from '../store';
import { SignInBadge } from './status-badges';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  sp: { display: 'grid', gap: tokens.spacingVerticalS },
});

export function IdentityCard({ tenant }: { tenant: TenantView }) {
  const styles = useStyles();
  const run = useAppStore((s) => s.run);
  const signIn = useAppStore((s) => s.signIn);
  const [error, setError] = useState<string | null>(null);
  const [showSp, setShowSp] = useState(false);
  const [clientId, setClientId] = useState('');
  const [secret, setSecret] = useState('');
  const waiting = signIn?.tenantId === tenant.tenantId;
  const identity = tenant.identity;

  const call = async <T,>(fn: () => Promise<Result<T>>) => {
    const result = await run(fn);
    setError(result.ok ? null : result.error.message);
    return result.ok;
  };
  if (!api) return null;
  const bridge = api;
  const ref = { tenantId: tenant.tenantId };

  return (
    <Card aria-label="Account">
      <CardHeader
        header={<Text weight="semibold">Account in this tenant</Text>}
        description={<Text size={200}>{identity?.username ?? 'Nobody signed in yet'}</Text>}
        action={<SignInBadge state={identity?.signIn ?? 'signed-out'} />}
      />
      {identity?.objectId && <Body1>Object ID: {identity.objectId}</Body1>}
      {waiting && (
        <MessageBar intent="info">
          <MessageBarBody>
            {signIn.state === 'queued'
              ? `Waiting for another sign-in to finish (position ${signIn.position ?? 1}).`
              : 'Finish signing in in your browser (MFA included), then come back.'}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        {waiting ? (
          <Button onClick={() => void bridge.auth.cancelSignIn()}>Cancel sign-in</Button>
        ) : (
          <Button appearance="primary" onClick={() => void call(() => bridge.auth.signIn(ref))}>
            {identity?.signIn === 'signed-in' ? 'Sign in again' : 'Sign in'}
          </Button>
        )}
        {identity?.kind === 'service-principal' && <Button onClick={() => void call(() => bridge.auth.testConnection(ref))}>Test connection</Button>}
        <Button onClick={() => setShowSp(!showSp)}>Use a service principal</Button>
        {identity && <Button onClick={() => void call(() => bridge.auth.signOut(ref))}>Sign out</Button>}
        {identity?.kind === 'user' && <Button onClick={() => void call(() => bridge.auth.signOutEverywhere(ref))}>Sign out everywhere</Button>}
      </div>
      {showSp && (
        <form
          className={styles.sp}
          aria-label="Service principal"
          onSubmit={(event) => {
            event.preventDefault();
            void call(() => bridge.auth.addServicePrincipal({ tenantId: tenant.tenantId, clientId: clientId.trim(), clientSecret: secret })).then((saved) => {
              setSecret('');
              if (saved) setShowSp(false);
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
      )}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </Card>
  );
}

/** The tenant's accounts as a whole: partner-link summary, "Link all accounts" with each account's outcome, adding a user (browser) or a service principal. */
import { Button, Card, CardHeader, MessageBar, MessageBarBody, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { linkedShare } from '../../shared/pal-status';
import type { TenantView } from '../../shared/view-types';
import { api } from '../api';
import { useAppStore } from '../store';
import { accountName } from './account-name';
import { describeAccountResult, type Message } from './link-messages';
import { ServicePrincipalForm } from './service-principal-form';
import { PalBadge } from './status-badges';

const useStyles = makeStyles({ actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' } });

export function TenantAccountsCard({ tenant }: { tenant: TenantView }) {
  const styles = useStyles();
  const run = useAppStore((s) => s.run);
  const link = useAppStore((s) => s.link);
  const signIn = useAppStore((s) => s.signIn);
  const partnerId = useAppStore((s) => s.settings?.partnerId ?? null);
  const [messages, setMessages] = useState<Message[]>([]);
  const [showSp, setShowSp] = useState(false);
  const [busy, setBusy] = useState(false);
  const bridge = api;
  if (!bridge) return null;
  const waiting = signIn?.tenantId === tenant.tenantId ? signIn : null;
  const tenantId = tenant.tenantId;

  const linkAll = async () => {
    setBusy(true);
    const result = await link(tenantId);
    setBusy(false);
    if (!result.ok) return setMessages([{ intent: 'error', text: result.error.message }]);
    setMessages(
      result.value.accounts.map((r) => {
        const account = tenant.accounts.find((a) => a.identityId === r.identityId);
        return describeAccountResult(account ? accountName(account) : r.account, r);
      }),
    );
  };
  const addUser = async () => {
    const result = await run(() => bridge.auth.signIn({ tenantId }));
    setMessages(result.ok ? [] : [{ intent: 'error', text: result.error.message }]);
  };

  return (
    <Card aria-label="Accounts">
      <CardHeader
        header={<Text weight="semibold">Our accounts in this tenant</Text>}
        description={<Text size={200}>{tenant.accounts.length === 0 ? 'Nobody signed in yet' : linkedShare(tenant.pal)}</Text>}
        action={<PalBadge status={tenant.pendingActions > 0 ? 'pending' : tenant.pal.status} />}
      />
      {waiting && (
        <MessageBar intent="info">
          <MessageBarBody>
            {waiting.state === 'queued'
              ? `Waiting for another sign-in to finish (position ${waiting.position ?? 1}).`
              : 'Finish signing in in your browser (MFA included), then come back.'}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        {tenant.accounts.length > 0 && (
          <Button appearance="primary" disabled={busy || !partnerId} onClick={() => void linkAll()}>
            Link all accounts
          </Button>
        )}
        {waiting ? (
          <Button onClick={() => void bridge.auth.cancelSignIn()}>Cancel sign-in</Button>
        ) : (
          <Button appearance={tenant.accounts.length === 0 ? 'primary' : 'secondary'} onClick={() => void addUser()}>
            {tenant.accounts.length === 0 ? 'Sign in' : 'Add another account'}
          </Button>
        )}
        <Button onClick={() => setShowSp(!showSp)}>Add a service principal</Button>
      </div>
      {showSp && (
        <ServicePrincipalForm
          tenantId={tenantId}
          onDone={(error) => {
            setMessages(error ? [{ intent: 'error', text: error.message }] : []);
            if (!error) setShowSp(false);
          }}
        />
      )}
      {messages.map((m, i) => (
        <MessageBar key={`${i}-${m.text}`} intent={m.intent}>
          <MessageBarBody>{m.text}</MessageBarBody>
        </MessageBar>
      ))}
    </Card>
  );
}

/** One of our accounts in a tenant: kind, object id, sign-in state (and what to do about an error), default marker, its own actions and partner link. */
import { Badge, Body1, Button, Card, CardHeader, MessageBar, MessageBarBody, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Result } from '../../shared/result';
import type { AccountView, TenantView } from '../../shared/view-types';
import { api } from '../api';
import { useAppStore } from '../store';
import { accountName } from './account-name';
import { useCardHeaderStyles } from './card-header-styles';
import { PalCard } from './pal-card';
import { SignInBadge } from './status-badges';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  badges: { display: 'flex', gap: tokens.spacingHorizontalXS, flexShrink: 0 },
  objectId: { overflowWrap: 'anywhere' },
});

/** What a person can do when an account cannot reach the tenant. */
const remedy = (account: AccountView) =>
  account.kind === 'user' ? 'Click Sign in again to fix it.' : 'Check the client secret (add the service principal again with a new one), then Test connection.';

export function AccountCard({ tenant, account }: { tenant: TenantView; account: AccountView }) {
  const styles = useStyles();
  const headerStyles = useCardHeaderStyles();
  const run = useAppStore((s) => s.run);
  const waiting = useAppStore((s) => s.signIn?.tenantId === tenant.tenantId);
  const [error, setError] = useState<string | null>(null);
  if (!api) return null;
  const bridge = api;
  const ref = { tenantId: tenant.tenantId, identityId: account.identityId };
  const name = accountName(account);
  const user = account.kind === 'user';

  const call = async <T,>(fn: () => Promise<Result<T>>) => {
    const result = await run(fn);
    setError(result.ok ? null : result.error.message);
  };

  return (
    <Card aria-label={name}>
      <CardHeader
        className={headerStyles.header}
        header={
          <Text weight="semibold" className={headerStyles.line} title={account.displayName ?? name}>
            <bdi>{account.displayName ?? name}</bdi>
          </Text>
        }
        description={
          <Text size={200} className={headerStyles.line} title={account.username ?? undefined}>
            {user ? 'User' : 'Service principal'} · {account.username ?? 'unknown'}
          </Text>
        }
        action={
          <div className={styles.badges}>
            {account.isDefault && (
              <Badge appearance="filled" color="brand">
                Default
              </Badge>
            )}
            <SignInBadge state={account.signIn} />
          </div>
        }
      />
      <Body1 className={styles.objectId}>Object ID in this tenant: {account.objectId ?? 'not known yet'}</Body1>
      {account.lastError && account.signIn !== 'signed-in' && (
        <MessageBar intent={account.signIn === 'error' ? 'error' : 'warning'}>
          <MessageBarBody>
            {account.lastError.message} {remedy(account)}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        {!account.isDefault && <Button onClick={() => void call(() => bridge.auth.setDefaultAccount(ref))}>Make default</Button>}
        {user && (
          <Button disabled={waiting} onClick={() => void call(() => bridge.auth.signIn(ref))}>
            Sign in again
          </Button>
        )}
        <Button onClick={() => void call(() => bridge.auth.testConnection(ref))}>Test connection</Button>
        <Button onClick={() => void call(() => bridge.auth.signOut(ref))}>Sign out</Button>
        {user && <Button onClick={() => void call(() => bridge.auth.signOutEverywhere(ref))}>Sign out everywhere</Button>}
      </div>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <PalCard tenant={tenant} account={account} />
    </Card>
  );
}

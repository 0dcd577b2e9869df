/** Our accounts and service principals across every tenant: where each is, its sign-in state there, "Sign out everywhere", adding a service principal. */
import { Button, Card, CardHeader, Field, makeStyles, MessageBar, MessageBarBody, Select, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { AccountView, TenantView } from '../../shared/view-types';
import { api } from '../api';
import { accountName } from '../components/account-name';
import { ServicePrincipalForm } from '../components/service-principal-form';
import { useAppStore } from '../store';

const SIGN_IN_WORDS: Record<AccountView['signIn'], string> = {
  'signed-in': 'signed in',
  'needs-sign-in': 'needs sign-in',
  error: 'sign-in failed',
  'signed-out': 'signed out',
};

interface AccountRow {
  account: AccountView;
  places: { tenant: TenantView; account: AccountView }[];
}

/** One row per account of ours (by its PAL Desk id), with every tenant it is in. */
export function accountsAcross(tenants: readonly TenantView[]): AccountRow[] {
  const rows = new Map<string, AccountRow>();
  for (const tenant of tenants) {
    for (const account of tenant.accounts) {
      const row = rows.get(account.identityId) ?? { account, places: [] };
      row.places.push({ tenant, account });
      rows.set(account.identityId, row);
    }
  }
  return [...rows.values()].sort((a, b) => accountName(a.account).localeCompare(accountName(b.account)));
}

const useStyles = makeStyles({ add: { display: 'grid', gap: tokens.spacingVerticalS, maxWidth: '480px' } });

export function AccountsCard() {
  const styles = useStyles();
  const tenants = useAppStore((s) => s.tenants);
  const run = useAppStore((s) => s.run);
  const [message, setMessage] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);
  const [spTenant, setSpTenant] = useState('');
  const rows = accountsAcross(tenants);
  const bridge = api;
  if (!bridge) return null;

  const signOutEverywhere = async (row: AccountRow) => {
    const name = accountName(row.account);
    const places = row.places.map((p) => p.tenant.tenantId);
    const result =
      row.account.kind === 'user'
        ? await run(() => bridge.auth.signOutEverywhere({ tenantId: places[0] ?? '', identityId: row.account.identityId }))
        : await signOutServicePrincipal(places, row.account.identityId);
    setMessage(result.ok ? { intent: 'success', text: `${name} is signed out of every tenant.` } : { intent: 'error', text: result.error.message });
  };
  const signOutServicePrincipal = async (tenantIds: string[], identityId: string) => {
    for (const tenantId of tenantIds) {
      const result = await run(() => bridge.auth.signOut({ tenantId, identityId }));
      if (!result.ok) return result;
    }
    return { ok: true as const, value: null };
  };

  return (
    <Card role="region" aria-label="Accounts and service principals">
      <CardHeader header={<Subtitle2 as="h2">Accounts and service principals</Subtitle2>} />
      {rows.length === 0 ? (
        <Text>No account yet: add a customer and sign in, or add a service principal to a customer.</Text>
      ) : (
        <Table aria-label="Accounts" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Account</TableHeaderCell>
              <TableHeaderCell>Tenants and sign-in</TableHeaderCell>
              <TableHeaderCell>Actions</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.account.identityId}>
                <TableCell>
                  <Text>{accountName(row.account)}</Text> <Text size={200}>({row.account.kind === 'user' ? 'user' : 'service principal'})</Text>
                </TableCell>
                <TableCell>
                  <Text>{row.places.map((p) => `${p.tenant.label ?? p.tenant.displayName}: ${SIGN_IN_WORDS[p.account.signIn]}`).join(' · ')}</Text>
                </TableCell>
                <TableCell>
                  <Button size="small" aria-label={`Sign out everywhere: ${accountName(row.account)}`} onClick={() => void signOutEverywhere(row)}>
                    Sign out everywhere
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {message && (
        <MessageBar intent={message.intent}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      {tenants.length > 0 && (
        <div className={styles.add}>
          <Subtitle2 as="h3">Add a service principal</Subtitle2>
          <Field label="Customer tenant">
            <Select value={spTenant} onChange={(_, d) => setSpTenant(d.value)}>
              <option value="">Choose a tenant…</option>
              {tenants.map((t) => (
                <option key={t.tenantId} value={t.tenantId}>
                  {t.label ?? t.displayName}
                </option>
              ))}
            </Select>
          </Field>
          {spTenant && (
            <ServicePrincipalForm
              key={spTenant}
              tenantId={spTenant}
              onDone={(error) => setMessage(error ? { intent: 'error', text: error.message } : { intent: 'success', text: 'The service principal is connected.' })}
            />
          )}
        </div>
      )}
    </Card>
  );
}

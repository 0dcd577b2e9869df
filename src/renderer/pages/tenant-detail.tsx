/** One customer tenant: stale-fact warnings, its accounts (each with its own partner link), a read-only connection check, its queued actions, its environments, its attribution checklist, and housekeeping (rename, archive, remove). */
import { Button, DrawerBody, DrawerHeader, DrawerHeaderTitle, Field, InlineDrawer, Input, makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { ConfirmDialog } from '../components/confirm-dialog';
import { AccountCard } from '../components/account-card';
import { accountName } from '../components/account-name';
import { ChecklistSection } from '../components/checklist-section';
import { ConnectionCheck } from '../components/connection-check';
import { EnvironmentsCard } from '../components/environments-card';
import { StaleFacts } from '../components/stale-facts';
import { TenantAccountsCard } from '../components/tenant-accounts-card';
import { realCloud } from '../../shared/cloud-profile';
import { api } from '../api';
import { useAppStore } from '../store';

const useStyles = makeStyles({
  drawer: { flexShrink: 0, height: 'auto' },
  body: { display: 'grid', gap: tokens.spacingVerticalM, alignContent: 'start', gridAutoRows: 'max-content', gridTemplateColumns: 'minmax(0, 1fr)' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
});

export function TenantDetail({ tenantId }: { tenantId: string }) {
  const styles = useStyles();
  const tenant = useAppStore((s) => s.tenants.find((t) => t.tenantId === tenantId));
  const allPending = useAppStore((s) => s.pending);
  const pending = allPending.filter((p) => p.tenantId === tenantId && p.status !== 'done');
  const selectTenant = useAppStore((s) => s.selectTenant);
  const run = useAppStore((s) => s.run);
  const checklist = useAppStore((s) => (s.checklist?.tenantId === tenantId ? s.checklist : null));
  const runningCloud = useAppStore((s) => s.info?.cloud ?? null);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const [label, setLabel] = useState<string | null>(null);
  if (!tenant || !api) return null;
  const bridge = api;
  const name = tenant.label ?? tenant.displayName;
  const accountOf = (identityId: string | null) => {
    const account = tenant.accounts.find((a) => a.identityId === identityId);
    return account ? ` for ${accountName(account)}` : '';
  };

  return (
    <InlineDrawer open position="end" separator size="medium" className={styles.drawer} aria-label={`Tenant ${name}`}>
      <DrawerHeader>
        <DrawerHeaderTitle action={<Button appearance="subtle" aria-label="Close" icon={<DismissRegular />} onClick={() => selectTenant(null)} />}>
          <bdi>{name}</bdi>
        </DrawerHeaderTitle>
        <Text size={200}>
          {tenant.defaultDomain ?? ''} · {tenant.tenantId}
        </Text>
      </DrawerHeader>
      <DrawerBody className={styles.body}>
        {runningCloud && tenant.cloudId !== runningCloud.id && (
          <MessageBar intent="warning">
            <MessageBarBody>
              Added in {realCloud(tenant.cloudId)?.label ?? tenant.cloudId}; PAL Desk runs on {runningCloud.label} now, so this tenant is not synced or linked.
              Choose its cloud in Settings (Cloud profile) and restart to work on it.
            </MessageBarBody>
          </MessageBar>
        )}
        <StaleFacts stale={tenant.stale} />
        <TenantAccountsCard tenant={tenant} />
        <ConnectionCheck tenantId={tenantId} name={name} />
        {tenant.accounts.map((account) => (
          <AccountCard key={account.identityId} tenant={tenant} account={account} />
        ))}
        {pending.map((action) => (
          <Text key={action.id} role="status">
            Queued: {action.kind} {action.partnerId}{accountOf(action.identityId)} ({action.status}, {action.attempts} attempt{action.attempts === 1 ? '' : 's'})
            {action.lastError ? ` — ${action.lastError}` : ''}
          </Text>
        ))}
        {checklist && <EnvironmentsCard environments={checklist.environments} scopes={checklist.scopes} />}
        <ChecklistSection checklist={checklist} />
        <form
          className={styles.actions}
          aria-label="Local name"
          onSubmit={(event) => {
            event.preventDefault();
            void run(() => bridge.tenants.rename({ tenantId, label: label?.trim() || null })).then(() => setLabel(null));
          }}
        >
          <Field label="Your name for this customer" hint={`Directory name: ${tenant.displayName}`}>
            <Input value={label ?? tenant.label ?? ''} onChange={(_, d) => setLabel(d.value)} />
          </Field>
          <Button type="submit">Rename</Button>
        </form>
        <div className={styles.actions}>
          <Button onClick={() => void run(() => bridge.tenants.archive({ tenantId, archived: !tenant.archived }))}>
            {tenant.archived ? 'Unarchive' : 'Archive'}
          </Button>
          <Button onClick={() => setConfirmRemove(true)}>Remove from PAL Desk</Button>
        </div>
      </DrawerBody>
      <ConfirmDialog
        open={confirmRemove}
        title={`Remove ${name} from PAL Desk?`}
        body="Its inventory, queued actions and sign-in are forgotten on this computer. The partner link in Azure is not changed; the audit log keeps its entries."
        confirmLabel="Remove"
        onCancel={() => setConfirmRemove(false)}
        onConfirm={() => {
          setConfirmRemove(false);
          selectTenant(null);
          void run(() => bridge.tenants.remove({ tenantId }));
        }}
      />
    </InlineDrawer>
  );
}

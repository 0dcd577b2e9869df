/** What a person can do on a tenant of the bulk-work panel: sign in where the job needed one, then retry; review another partner's ID before replacing it. */
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { api } from '../api';
import { useJobPanel, type JobRow } from '../state/job-store';
import { useAppStore } from '../store';
import { ConfirmDialog } from './confirm-dialog';
import { rowFromLink } from './job-words';

const useStyles = makeStyles({ actions: { display: 'flex', gap: tokens.spacingHorizontalS } });

export function JobRowActions({ row, kind }: { row: JobRow; kind: 'sync' | 'link-all' }) {
  const styles = useStyles();
  const tenant = useAppStore((s) => s.tenants.find((t) => t.tenantId === row.tenantId));
  const partnerId = useAppStore((s) => s.settings?.partnerId ?? null);
  const link = useAppStore((s) => s.link);
  const run = useAppStore((s) => s.run);
  const updateRow = useJobPanel((s) => s.updateRow);
  const begin = useJobPanel((s) => s.begin);
  const [busy, setBusy] = useState(false);
  const [reviewing, setReviewing] = useState(false);
  const bridge = api;
  if (!bridge) return null;

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    await work();
    setBusy(false);
  };
  const signIn = () =>
    act(async () => {
      const waiting = tenant?.accounts.find((a) => a.kind === 'user' && a.signIn !== 'signed-in');
      const result = await run(() => bridge.auth.signIn({ tenantId: row.tenantId, ...(waiting ? { identityId: waiting.identityId } : {}) }));
      if (!result.ok) return updateRow(row.tenantId, { message: result.error.message });
      updateRow(row.tenantId, { status: 'signed-in', message: `Signed in. Retry to ${kind === 'link-all' ? 'link' : 'sync'} ${row.tenantName}.` });
    });
  const linkTenant = (confirmReplaceOf?: string) =>
    act(async () => {
      updateRow(row.tenantId, { status: 'running', message: null });
      const result = await link(row.tenantId, confirmReplaceOf ? { confirmReplaceOf } : {});
      updateRow(row.tenantId, result.ok ? rowFromLink(result.value) : { status: 'failed', message: result.error.message });
    });
  const retry = () => {
    if (kind === 'link-all') return linkTenant();
    return act(async () => {
      const result = await run(() => bridge.jobs.sync({ tenantIds: [row.tenantId] }));
      if (result.ok) begin(result.value.jobId, 'sync', [{ tenantId: row.tenantId, name: row.tenantName }]);
      else updateRow(row.tenantId, { message: result.error.message });
    });
  };

  return (
    <div className={styles.actions}>
      {row.status === 'needs-sign-in' && (
        <Button size="small" appearance="primary" disabled={busy} aria-label={`Sign in to ${row.tenantName}`} onClick={() => void signIn()}>
          Sign in
        </Button>
      )}
      {(row.status === 'signed-in' || row.status === 'failed') && (
        <Button size="small" appearance={row.status === 'signed-in' ? 'primary' : 'secondary'} disabled={busy} aria-label={`Retry ${row.tenantName}`} onClick={() => void retry()}>
          Retry
        </Button>
      )}
      {row.status === 'needs-confirmation' && row.otherPartnerId && (
        <Button size="small" disabled={busy || !partnerId} aria-label={`Review ${row.tenantName}`} onClick={() => setReviewing(true)}>
          Review
        </Button>
      )}
      <ConfirmDialog
        open={reviewing}
        title="Replace another partner's ID?"
        body={`An account of ours in ${row.tenantName} is linked to partner ID ${row.otherPartnerId}. Replacing it moves the credit for that account's work in this customer's tenant to ${partnerId}. Do this only if the customer agreed.`}
        confirmLabel={`Replace ${row.otherPartnerId}`}
        onCancel={() => setReviewing(false)}
        onConfirm={() => {
          setReviewing(false);
          void linkTenant(row.otherPartnerId ?? undefined);
        }}
      />
    </div>
  );
}

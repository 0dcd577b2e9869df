/** The partner-link card of one account in one tenant: status with its age, Link / Replace / Remove, the read-back result, and confirmations. */
import { Body1, Button, Card, CardHeader, MessageBar, MessageBarBody, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { formatAge } from '../../shared/age';
import type { AccountLinkView, AccountView, StaleFact, TenantView } from '../../shared/view-types';
import { useAppStore } from '../store';
import { ConfirmDialog } from './confirm-dialog';
import { describeLink, describeUnlink, type Message } from './link-messages';
import { PalBadge } from './status-badges';

const useStyles = makeStyles({ actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' } });

export function PalCard({ tenant, account }: { tenant: TenantView; account: AccountView }) {
  const styles = useStyles();
  const partnerId = useAppStore((s) => s.settings?.partnerId ?? null);
  const pending = useAppStore((s) =>
    s.pending.some(
      (p) => p.tenantId === tenant.tenantId && p.status !== 'done' && (p.identityId === account.identityId || (p.identityId === null && account.isDefault)),
    ),
  );
  const link = useAppStore((s) => s.link);
  const unlink = useAppStore((s) => s.unlink);
  const [message, setMessage] = useState<Message | null>(null);
  const [confirmReplace, setConfirmReplace] = useState<string | null>(null);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const [busy, setBusy] = useState(false);
  const partnerLinkNote = useAppStore((s) => s.info?.cloud.partnerLinkNote ?? null);
  const { identityId, pal } = account;

  const doLink = async (confirmReplaceOf?: string) => {
    setBusy(true);
    const result = await link(tenant.tenantId, { identityId, confirmReplaceOf });
    setBusy(false);
    if (!result.ok) return setMessage({ intent: result.error.code === 'partner-link-api-unknown' ? 'warning' : 'error', text: result.error.message });
    const mine = result.value.accounts.find((a) => a.identityId === identityId);
    if (!mine) return setMessage(null);
    // Where Azure does not serve the API, the link is unknown, not failed: a warning.
    if ('error' in mine) return setMessage({ intent: mine.error.code === 'partner-link-api-unknown' ? 'warning' : 'error', text: mine.error.message });
    setMessage(describeLink(mine.outcome));
    if (mine.outcome.kind === 'needs-confirmation') setConfirmReplace(mine.outcome.otherPartnerId);
  };
  const doUnlink = async () => {
    if (!pal.partnerId) return;
    setBusy(true);
    const result = await unlink(tenant.tenantId, pal.partnerId, identityId);
    setBusy(false);
    setMessage(result.ok ? describeUnlink(result.value) : { intent: 'error', text: result.error.message });
  };

  const other = pal.status === 'other-partner';
  const readFailure = tenant.stale.find((f) => f.collector === 'partner-links' && (!pal.seenAt || f.failedAt > pal.seenAt));
  return (
    <Card aria-label="Partner link" appearance="filled-alternative">
      <CardHeader header={<Text weight="semibold">Partner Admin Link</Text>} action={<PalBadge status={pending ? 'pending' : pal.status} />} />
      <Body1 data-testid="pal-read">{linkSummary(pal, readFailure)}</Body1>
      {!partnerId && <Body1>Set your partner ID in Settings first.</Body1>}
      {partnerLinkNote && <Body1 data-testid="pal-cloud-note">{partnerLinkNote}</Body1>}
      <div className={styles.actions}>
        {pal.status !== 'linked' && (
          <Button appearance="primary" disabled={busy || !partnerId} onClick={() => void (other ? setConfirmReplace(pal.partnerId) : doLink())}>
            {other ? `Replace with ${partnerId ?? 'my ID'}` : 'Link my partner ID'}
          </Button>
        )}
        {pal.partnerId && (
          <Button disabled={busy} onClick={() => setConfirmRemove(true)}>
            Remove link
          </Button>
        )}
      </div>
      {message && (
        <MessageBar intent={message.intent}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      <ConfirmDialog
        open={confirmReplace !== null}
        title="Replace another partner's ID?"
        body={`This account is linked to partner ID ${confirmReplace}. Replacing it moves the credit for this account's work in this customer's tenant to ${partnerId}. Do this only if the customer agreed.`}
        confirmLabel={`Replace ${confirmReplace}`}
        onCancel={() => setConfirmReplace(null)}
        onConfirm={() => {
          const replaceOf = confirmReplace ?? undefined;
          setConfirmReplace(null);
          void doLink(replaceOf);
        }}
      />
      <ConfirmDialog
        open={confirmRemove}
        title="Remove the partner link?"
        body={`Partner ID ${pal.partnerId} will no longer be linked for this account in ${tenant.label ?? tenant.displayName}.`}
        confirmLabel="Remove link"
        onCancel={() => setConfirmRemove(false)}
        onConfirm={() => {
          setConfirmRemove(false);
          void doUnlink();
        }}
      />
    </Card>
  );
}

/** One sentence on what Azure last said about the link and when, or why it could not be read. */
function linkSummary(pal: AccountLinkView, readFailure: StaleFact | undefined): string {
  if (readFailure) {
    const last = pal.seenAt ? ` Last read ${formatAge(pal.seenAt)}.` : '';
    return `Could not read the link from Azure ${formatAge(readFailure.failedAt)}: ${readFailure.message}${last}`;
  }
  if (pal.partnerId) return `Linked to ${pal.partnerId}${pal.partnerName ? ` (${pal.partnerName})` : ''} · read ${formatAge(pal.seenAt)}`;
  if (pal.seenAt) return `No partner ID is linked for this account · read ${formatAge(pal.seenAt)}`;
  return 'Not read from Azure yet: Sync, or link it now.';
}

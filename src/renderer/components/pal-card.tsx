/** The partner-link card of one tenant: status with its age, Link / Update / Remove, the read-back result, and confirmations. */
import { Body1, Button, Card, CardHeader, MessageBar, MessageBarBody, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { formatAge } from '../../shared/age';
import type { LinkOutcome, UnlinkOutcome } from '../../shared/pal-types';
import type { Result } from '../../shared/result';
import type { TenantView } from '../../shared/view-types';
import { useAppStore } from '../store';
import { ConfirmDialog } from './confirm-dialog';
import { PalBadge } from './status-badges';

const useStyles = makeStyles({ actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' } });

type Message = { intent: 'success' | 'warning' | 'error' | 'info'; text: string };

function describeLink(result: Result<LinkOutcome>): Message {
  if (!result.ok) return { intent: 'error', text: result.error.message };
  const o = result.value;
  switch (o.kind) {
    case 'linked':
      return { intent: 'success', text: `Linked partner ID ${o.partnerId}; Azure reads it back.` };
    case 'already-linked':
      return { intent: 'info', text: `Already linked to ${o.partnerId}; nothing changed.` };
    case 'replaced':
      return { intent: 'success', text: `Replaced ${o.previousPartnerId} with ${o.partnerId}; Azure reads it back.` };
    case 'needs-confirmation':
      return { intent: 'warning', text: `Another partner ID (${o.otherPartnerId}) is linked. Confirm to replace it.` };
    case 'queued':
      return { intent: 'info', text: 'Offline: the link is queued and will be sent when Azure is reachable.' };
  }
}

function describeUnlink(result: Result<UnlinkOutcome>): Message {
  if (!result.ok) return { intent: 'error', text: result.error.message };
  const o = result.value;
  switch (o.kind) {
    case 'unlinked':
      return { intent: 'success', text: `Removed partner ID ${o.previousPartnerId}; Azure reads no link back.` };
    case 'not-linked':
      return { intent: 'info', text: 'No partner ID was linked; nothing changed.' };
    case 'needs-confirmation':
      return { intent: 'warning', text: `The linked ID is ${o.otherPartnerId}, not yours; nothing was removed.` };
    case 'queued':
      return { intent: 'info', text: 'Offline: the removal is queued and will be sent when Azure is reachable.' };
  }
}

export function PalCard({ tenant }: { tenant: TenantView }) {
  const styles = useStyles();
  const partnerId = useAppStore((s) => s.settings?.partnerId ?? null);
  const link = useAppStore((s) => s.link);
  const unlink = useAppStore((s) => s.unlink);
  const [message, setMessage] = useState<Message | null>(null);
  const [confirmReplace, setConfirmReplace] = useState<string | null>(null);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const [busy, setBusy] = useState(false);

  const doLink = async (replaceOf?: string) => {
    setBusy(true);
    const result = await link(tenant.tenantId, replaceOf);
    setBusy(false);
    setMessage(describeLink(result));
    if (result.ok && result.value.kind === 'needs-confirmation') setConfirmReplace(result.value.otherPartnerId);
  };
  const doUnlink = async () => {
    if (!tenant.pal.partnerId) return;
    setBusy(true);
    setMessage(describeUnlink(await unlink(tenant.tenantId, tenant.pal.partnerId)));
    setBusy(false);
  };

  const other = tenant.pal.status === 'other-partner';
  return (
    <Card aria-label="Partner link">
      <CardHeader
        header={<Text weight="semibold">Partner Admin Link</Text>}
        description={<Text size={200}>Read from Azure {formatAge(tenant.pal.seenAt)}</Text>}
        action={<PalBadge status={tenant.pendingActions > 0 ? 'pending' : tenant.pal.status} />}
      />
      <Body1>
        {tenant.pal.partnerId
          ? `Linked partner ID: ${tenant.pal.partnerId}${tenant.pal.partnerName ? ` (${tenant.pal.partnerName})` : ''}`
          : 'No partner ID is linked for this account.'}
      </Body1>
      {!partnerId && <Body1>Set your partner ID in Settings first.</Body1>}
      <div className={styles.actions}>
        {tenant.pal.status !== 'linked' && (
          <Button appearance="primary" disabled={busy || !partnerId} onClick={() => void (other ? setConfirmReplace(tenant.pal.partnerId) : doLink())}>
            {other ? `Replace with ${partnerId ?? 'my ID'}` : 'Link my partner ID'}
          </Button>
        )}
        {tenant.pal.partnerId && (
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
        body={`This account is linked to partner ID ${confirmReplace}. Replacing it moves the credit for this customer's usage to ${partnerId}. Do this only if the customer agreed.`}
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
        body={`Partner ID ${tenant.pal.partnerId} will no longer be linked for this account in ${tenant.label ?? tenant.displayName}.`}
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

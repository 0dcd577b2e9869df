/** A queued action's state in words: queued, running, waiting until a time Azure asked for, needs confirmation, or failed with its reason. */
import { formatAge } from '../../shared/age';
import type { PendingActionView, TenantView } from '../../shared/view-types';

export interface PendingRow {
  id: string;
  tenantId: string;
  tenant: string;
  account: string;
  what: string;
  state: string;
  /** Why it failed or what needs confirming, or null. */
  detail: string | null;
  attempts: number;
  age: string;
  needsReview: boolean;
}

/** "14:05", or with the date when it is not today. */
function clock(iso: string, now: number): string {
  const at = new Date(iso);
  const time = at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return at.toDateString() === new Date(now).toDateString() ? time : `${at.toLocaleDateString()} ${time}`;
}

export function pendingState(action: PendingActionView, now: number): string {
  if (action.status === 'queued' && action.notBefore && Date.parse(action.notBefore) > now) return `Waiting until ${clock(action.notBefore, now)}`;
  return { queued: 'Queued', running: 'Running', done: 'Done', failed: 'Failed', 'needs-confirmation': 'Needs confirmation' }[action.status];
}

/** The actions still to settle (done ones left out), oldest first, named after their tenant and account. */
export function pendingRows(actions: readonly PendingActionView[], tenants: readonly TenantView[], now: number): PendingRow[] {
  const byId = new Map(tenants.map((t) => [t.tenantId, t]));
  return actions
    .filter((a) => a.status !== 'done')
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .map((a) => {
      const tenant = byId.get(a.tenantId);
      const account = a.identityId ? tenant?.accounts.find((x) => x.identityId === a.identityId) : tenant?.accounts.find((x) => x.isDefault);
      return {
        id: a.id,
        tenantId: a.tenantId,
        tenant: tenant ? (tenant.label ?? tenant.displayName) : a.tenantId,
        account: account?.username ?? account?.displayName ?? (a.identityId ? 'an account no longer in PAL Desk' : 'the default account'),
        what: `${a.kind === 'link' ? 'Link' : 'Unlink'} partner ID ${a.partnerId}`,
        state: pendingState(a, now),
        detail: a.lastError,
        attempts: a.attempts,
        age: formatAge(a.createdAt, now),
        needsReview: a.status === 'needs-confirmation',
      };
    });
}

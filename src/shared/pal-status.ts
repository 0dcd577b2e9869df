/** Partner-link status rules: one account's status from what Azure said, and a tenant's as the worst of its accounts. */
import type { AccountLinkView, AccountView, TenantView } from './view-types';

type Status = AccountLinkView['status'];

/** Worst first: another partner's ID needs a decision, an unlinked account loses credit, an unread one is unknown. */
const SEVERITY: readonly Status[] = ['other-partner', 'not-linked', 'unknown', 'linked'];

/** An account's status from its last observation (null = never read); `ours` decides "linked" versus "other partner". */
export function accountLinkStatus(observed: { partnerId: string | null; seenAt: string | null; deleted: boolean } | null, ours: string | null): Status {
  if (!observed?.seenAt) return 'unknown';
  if (!observed.partnerId || observed.deleted) return 'not-linked';
  return ours && observed.partnerId !== ours ? 'other-partner' : 'linked';
}

/** The tenant's status: the worst of its accounts, with how many are linked; no account at all is unknown. */
export function tenantPalSummary(accounts: readonly Pick<AccountView, 'pal'>[]): TenantView['pal'] {
  const linked = accounts.filter((a) => a.pal.status === 'linked').length;
  if (accounts.length === 0) return { status: 'unknown', partnerId: null, partnerName: null, seenAt: null, linkedAccounts: 0, totalAccounts: 0 };
  const worst = accounts.reduce((w, a) => (SEVERITY.indexOf(a.pal.status) < SEVERITY.indexOf(w.pal.status) ? a : w));
  const seen = accounts.map((a) => a.pal.seenAt);
  const seenAt = seen.includes(null) ? null : (seen as string[]).reduce((min, s) => (s < min ? s : min));
  return { status: worst.pal.status, partnerId: worst.pal.partnerId, partnerName: worst.pal.partnerName, seenAt, linkedAccounts: linked, totalAccounts: accounts.length };
}

/** "1 of 2 accounts linked", for lists and the CLI. */
export function linkedShare(pal: TenantView['pal']): string {
  if (pal.totalAccounts === 0) return 'no account';
  return `${pal.linkedAccounts} of ${pal.totalAccounts} account${pal.totalAccounts === 1 ? '' : 's'} linked`;
}

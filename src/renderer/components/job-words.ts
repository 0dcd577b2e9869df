/** Words for the bulk-work panel: each row's state, the job's title, the summary sentence, and a link result as a row. */
import type { JobKind } from '../../shared/job-types';
import type { TenantLinkResult } from '../../shared/pal-types';
import type { JobRow } from '../state/job-store';

export const JOB_TITLES: Record<JobKind, string> = { sync: 'Syncing', 'link-all': 'Linking all customers' };

const OUTCOME_WORDS = { linked: 'Linked', 'already-linked': 'Already linked', replaced: 'Replaced', queued: 'Queued offline', synced: 'Synced' } as const;

/** What a row's badge says. */
export function rowStateText(row: JobRow): string {
  switch (row.status) {
    case 'queued':
      return 'Waiting';
    case 'running':
      return 'Running';
    case 'done':
    case 'skipped':
      return row.outcome ? OUTCOME_WORDS[row.outcome] : row.status === 'done' ? 'Done' : 'Skipped';
    case 'failed':
      return 'Failed';
    case 'needs-sign-in':
      return 'Needs sign-in';
    case 'needs-confirmation':
      return "Another partner's ID";
    case 'cancelled':
      return 'Cancelled';
    case 'signed-in':
      return 'Signed in';
  }
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "5 linked, 1 already linked, 1 needs sign-in, 1 another partner's ID", from the rows as they are now (after any retry). */
export function summaryText(rows: readonly JobRow[]): string {
  const count = (test: (r: JobRow) => boolean) => rows.filter(test).length;
  const parts: [number, string][] = [
    [count((r) => r.outcome === 'linked' && r.status === 'done'), 'linked'],
    [count((r) => r.outcome === 'replaced' && r.status === 'done'), 'replaced'],
    [count((r) => r.outcome === 'already-linked' && r.status === 'done'), 'already linked'],
    [count((r) => r.outcome === 'synced' && r.status === 'done'), 'synced'],
    [count((r) => r.status === 'done' && !r.outcome), 'done'],
    [count((r) => r.status === 'skipped' && r.outcome === 'queued'), 'queued offline'],
    [count((r) => r.status === 'skipped' && r.outcome !== 'queued'), 'skipped'],
  ];
  const needSignIn = count((r) => r.status === 'needs-sign-in');
  const other = count((r) => r.status === 'needs-confirmation');
  const text = parts.filter(([n]) => n > 0).map(([n, words]) => `${n} ${words}`);
  if (needSignIn > 0) text.push(plural(needSignIn, 'needs sign-in', 'need sign-in'));
  if (count((r) => r.status === 'signed-in') > 0) text.push(`${count((r) => r.status === 'signed-in')} signed in, ready to retry`);
  if (other > 0) text.push(plural(other, "another partner's ID", "other partners' IDs"));
  if (count((r) => r.status === 'failed') > 0) text.push(`${count((r) => r.status === 'failed')} failed`);
  if (count((r) => r.status === 'cancelled') > 0) text.push(`${count((r) => r.status === 'cancelled')} cancelled`);
  return text.length > 0 ? text.join(', ') : 'Nothing to do';
}

/** One tenant's link result (a retry or a confirmed replacement from the panel) as its row. */
export function rowFromLink(result: TenantLinkResult): Partial<JobRow> {
  const outcomes = result.accounts.flatMap((a) => ('outcome' in a ? [a.outcome] : []));
  const errors = result.accounts.flatMap((a) => ('error' in a ? [a.error] : []));
  const other = outcomes.find((o) => o.kind === 'needs-confirmation');
  if (other?.kind === 'needs-confirmation') {
    return { status: 'needs-confirmation', outcome: null, otherPartnerId: other.otherPartnerId, message: `Partner ID ${other.otherPartnerId} is linked` };
  }
  const [error] = errors;
  if (error) return { status: 'failed', outcome: null, message: error.message };
  if (outcomes.some((o) => o.kind === 'queued')) return { status: 'skipped', outcome: 'queued', message: 'Queued until Azure is reachable' };
  const outcome = outcomes.some((o) => o.kind === 'replaced') ? 'replaced' : outcomes.every((o) => o.kind === 'already-linked') ? 'already-linked' : 'linked';
  return { status: 'done', outcome, message: null, otherPartnerId: null };
}

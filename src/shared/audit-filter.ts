/** Filters of the audit log (tenant, action, outcome, date range), shared by the Activity page, the IPC contract and the audit repository. */

export const AUDIT_ACTIONS = ['link', 'replace', 'unlink'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Every outcome the PAL service writes: a change made, no change needed, or a change Azure did not read back. */
export const AUDIT_OUTCOMES = ['linked', 'replaced', 'unlinked', 'already-linked', 'not-linked', 'read-back-mismatch'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export interface AuditFilter {
  /** Part of the tenant's name, or its tenant ID (case-insensitive). */
  tenant?: string;
  /** Any of these actions (all when absent or empty). */
  actions?: AuditAction[];
  /** Any of these outcomes (all when absent or empty). */
  outcomes?: AuditOutcome[];
  /** Entries at or after this instant (ISO 8601). */
  from?: string;
  /** Entries before this instant (ISO 8601). */
  to?: string;
}

/** How a person reads each outcome. */
export const OUTCOME_LABELS: Record<AuditOutcome, string> = {
  linked: 'Linked',
  replaced: 'Replaced',
  unlinked: 'Unlinked',
  'already-linked': 'Already linked',
  'not-linked': 'Was not linked',
  'read-back-mismatch': 'Read-back mismatch',
};

export const ACTION_LABELS: Record<AuditAction, string> = { link: 'Link', replace: 'Replace', unlink: 'Unlink' };

/** The filter without empty parts, so an unfiltered request carries nothing. */
export function compactAuditFilter(filter: AuditFilter): AuditFilter {
  const tenant = filter.tenant?.trim();
  return {
    ...(tenant ? { tenant } : {}),
    ...(filter.actions?.length ? { actions: filter.actions } : {}),
    ...(filter.outcomes?.length ? { outcomes: filter.outcomes } : {}),
    ...(filter.from ? { from: filter.from } : {}),
    ...(filter.to ? { to: filter.to } : {}),
  };
}

/** The instants of a date range picked as local calendar days (`YYYY-MM-DD`): from the first day's start to the end of the last. */
export function dayRange(fromDay: string, toDay: string): Pick<AuditFilter, 'from' | 'to'> {
  const start = (day: string) => (/^\d{4}-\d{2}-\d{2}$/.test(day) ? new Date(`${day}T00:00:00`) : new Date(Number.NaN));
  const range: Pick<AuditFilter, 'from' | 'to'> = {};
  const first = start(fromDay);
  const last = start(toDay);
  if (!Number.isNaN(first.getTime())) range.from = first.toISOString();
  if (!Number.isNaN(last.getTime())) {
    last.setDate(last.getDate() + 1);
    range.to = last.toISOString();
  }
  return range;
}

/** The audit log filter as a person fills it in (one action, one outcome, calendar days) and what it asks main for. */
import { compactAuditFilter, dayRange, type AuditAction, type AuditFilter, type AuditOutcome } from '../../shared/audit-filter';

/** The filter as the person picks it: days as `YYYY-MM-DD` (local), '' for "any". */
export interface AuditFilterForm {
  tenant: string;
  action: AuditAction | '';
  outcome: AuditOutcome | '';
  fromDay: string;
  toDay: string;
}

export const NO_FILTER: AuditFilterForm = { tenant: '', action: '', outcome: '', fromDay: '', toDay: '' };

/** What main is asked for. */
export function filterOf(form: AuditFilterForm): AuditFilter {
  return compactAuditFilter({
    tenant: form.tenant,
    actions: form.action ? [form.action] : [],
    outcomes: form.outcome ? [form.outcome] : [],
    ...dayRange(form.fromDay, form.toDay),
  });
}

/** Any part of the filter is set. */
export const isFiltered = (form: AuditFilterForm): boolean => JSON.stringify(form) !== JSON.stringify(NO_FILTER);

/** The Activity page's audit log view: the filter, the entries loaded so far (newest first), and paging back with "Load older". */
import { create } from 'zustand';
import type { AppError } from '../../shared/result';
import type { AuditEntryView } from '../../shared/view-types';
import { api } from '../api';
import { filterOf, NO_FILTER, type AuditFilterForm } from './audit-filter-form';

/** Entries fetched per page. */
export const AUDIT_PAGE = 100;

interface ActivityState {
  form: AuditFilterForm;
  entries: AuditEntryView[];
  /** The last page was full, so older entries may match. */
  hasMore: boolean;
  loading: boolean;
  error: AppError | null;
  /** Changes the filter and reloads the newest matching entries. */
  setForm(patch: Partial<AuditFilterForm>): Promise<void>;
  reload(): Promise<void>;
  loadOlder(): Promise<void>;
}

/** Counts requests so an answer to an older filter never replaces a newer one's. */
let generation = 0;

export const useActivityStore = create<ActivityState>((set, get) => {
  async function fetchPage(beforeId: number | undefined): Promise<void> {
    if (!api) return;
    const mine = ++generation;
    set({ loading: true });
    const result = await api.activity.listAudit({ limit: AUDIT_PAGE, beforeId, filter: filterOf(get().form) });
    if (mine !== generation) return;
    if (!result.ok) return set({ loading: false, error: result.error });
    const entries = beforeId === undefined ? result.value : [...get().entries, ...result.value];
    set({ entries, hasMore: result.value.length === AUDIT_PAGE, loading: false, error: null });
  }
  return {
    form: NO_FILTER,
    entries: [],
    hasMore: false,
    loading: false,
    error: null,
    setForm(patch) {
      set({ form: { ...get().form, ...patch } });
      return fetchPage(undefined);
    },
    reload: () => fetchPage(undefined),
    loadOlder: () => fetchPage(get().entries.at(-1)?.id),
  };
});

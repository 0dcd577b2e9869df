/** App state (zustand): what main last told us, kept in one store; components read slices of it. */
import { createStore, useStore, type StoreApi, type UseBoundStore } from 'zustand';
import type { ChecklistSummary, TenantChecklist } from '../shared/checklist-types';
import type { AppInfo, NoticeView, SettingsDto, SignInStateEvent } from '../shared/ipc-contract';
import type { TenantLinkResult, UnlinkOutcome } from '../shared/pal-types';
import type { AppError, Result } from '../shared/result';
import type { PendingActionView, TenantView } from '../shared/view-types';
import { api } from './api';
import { type FirstAnswers, requestFirstData } from './first-data';
import { useJobPanel } from './state/job-store';

export type Page = 'overview' | 'tenants' | 'activity' | 'settings';

interface AppState {
  page: Page;
  selectedTenantId: string | null;
  info: AppInfo | null;
  settings: SettingsDto | null;
  tenants: TenantView[];
  pending: PendingActionView[];
  signIn: SignInStateEvent | null;
  notices: NoticeView[];
  loadError: AppError | null;
  /** The selected tenant's attribution checklist (every verdict; the view filters), null until loaded. */
  checklist: TenantChecklist | null;
  /** Every tenant's attributed share, for the tenant list; null until loaded. */
  checklistSummary: ChecklistSummary | null;
  setPage(page: Page): void;
  selectTenant(tenantId: string | null): void;
  /** Hides a notice; a kept one (with an id) is acknowledged, so it is not shown again. */
  dismissNotice(index: number): Promise<void>;
  /** Shows a notice of the renderer's own (e.g. a customer added without a browser). */
  notify(notice: NoticeView): void;
  /** Takes the first screen's data (`first`: already asked for by the entry, or embedded by main in the page), then follows main's events. */
  load(first?: Promise<FirstAnswers> | null): Promise<void>;
  /** Puts the first screen's data in the store, or its first error; false when there was an error. */
  take(first: FirstAnswers): boolean;
  /** When the first data was read (ms since the epoch): the first render's ages count from then, in main and in the window alike. */
  firstReadAt: number | null;
  refresh(): Promise<void>;
  /** Reloads the checklist summary and the selected tenant's checklist (after load, a selection, and whenever the tenants change). */
  loadChecklists(): Promise<void>;
  /** Saves the partner ID; resolves to the error to show next to the field, or null when saved. */
  savePartnerId(partnerId: string): Promise<AppError | null>;
  /** Runs a bridge call; on success refreshes tenants and pending actions. */
  run<T>(call: () => Promise<Result<T>>): Promise<Result<T>>;
  /** Links our partner ID for one account (`identityId`), or for every account of ours in the tenant without it. */
  link(tenantId: string, options?: { identityId?: string; confirmReplaceOf?: string }): Promise<Result<TenantLinkResult>>;
  /** Removes our partner ID from one account's link (the tenant's default account without `identityId`). */
  unlink(tenantId: string, partnerId: string, identityId?: string): Promise<Result<UnlinkOutcome>>;
}

const noBridge: AppError = {
  code: 'internal',
  message: 'This page must be opened by PAL Desk. Start the app with `npm start` or `npm run demo`.',
};
const failed = <T>(): Result<T> => ({ ok: false, error: noBridge });

const appStore = createStore<AppState>()((set, get) => ({
  page: 'tenants',
  selectedTenantId: null,
  info: null,
  settings: null,
  tenants: [],
  pending: [],
  signIn: null,
  notices: [],
  loadError: null,
  checklist: null,
  checklistSummary: null,
  firstReadAt: null,
  setPage: (page) => set({ page }),
  selectTenant(selectedTenantId) {
    if (selectedTenantId === get().selectedTenantId) return;
    /** Opening a tenant puts the bulk-work panel away (its compact status stays), so closing the tenant gives the grid its width back. */
    useJobPanel.getState().hold(selectedTenantId !== null);
    set({ selectedTenantId, checklist: null });
    void get().loadChecklists();
  },
  async dismissNotice(index) {
    const id = get().notices[index]?.id;
    set({ notices: get().notices.filter((_, i) => i !== index) });
    if (api && id !== undefined) await api.notices.acknowledge({ id });
  },
  notify: (notice) => set({ notices: [...get().notices, notice] }),
  take({ data: [info, settings, tenants, pending, notices], at }) {
    const error = [info, settings, tenants, pending, notices].find((result) => !result.ok);
    if (error && !error.ok) set({ loadError: error.error });
    if (!info.ok || !settings.ok || !tenants.ok || !pending.ok || !notices.ok) return false;
    set({ info: info.value, settings: settings.value, tenants: tenants.value, pending: pending.value, notices: [...notices.value, ...get().notices], loadError: null, firstReadAt: at });
    return true;
  },
  async load(first = requestFirstData()) {
    if (!api || !first) return set({ loadError: noBridge });
    if (!get().take(await first)) return;
    api.on('settings:changed', (next) => {
      set({ settings: next });
      void get().loadChecklists();
    });
    /** Main sends this after every finished job, link, sign-in and removal: like a new partner ID, each can change verdicts. */
    api.on('tenants:changed', (next) => {
      set({ tenants: next });
      void get().loadChecklists();
    });
    api.on('notice', (notice) => {
      if (notice.id === undefined || !get().notices.some((n) => n.id === notice.id)) set({ notices: [...get().notices, notice] });
    });
    api.on('menu:navigate', ({ page }) => set({ page }));
    api.on('auth:sign-in-state', (state) => set({ signIn: state.state === 'finished' ? null : state }));
    api.on('job:progress', (event) => useJobPanel.getState().progress(event));
    api.on('job:finished', (summary) => {
      useJobPanel.getState().finish(summary);
      void get().refresh();
    });
    void get().loadChecklists();
  },
  async refresh() {
    if (!api) return;
    const [tenants, pending] = await Promise.all([api.tenants.list(), api.activity.listPending()]);
    set({ ...(tenants.ok ? { tenants: tenants.value } : {}), ...(pending.ok ? { pending: pending.value } : {}) });
  },
  async loadChecklists() {
    if (!api) return;
    const tenantId = get().selectedTenantId;
    const [summary, checklist] = await Promise.all([api.checklist.summary(), tenantId ? api.checklist.tenant({ tenantId }) : null]);
    if (summary.ok) set({ checklistSummary: summary.value });
    if (checklist?.ok && get().selectedTenantId === tenantId) set({ checklist: checklist.value });
  },
  async savePartnerId(partnerId) {
    if (!api) return noBridge;
    const result = await api.settings.setPartnerId({ partnerId });
    if (!result.ok) return result.error;
    set({ settings: result.value });
    return null;
  },
  async run(call) {
    if (!api) return failed();
    const result = await call();
    await get().refresh();
    return result;
  },
  link: (tenantId, options = {}) => get().run(() => (api ? api.pal.link({ tenantId, ...options }) : Promise.resolve(failed()))),
  unlink: (tenantId, partnerId, identityId) => get().run(() => (api ? api.pal.unlink({ tenantId, partnerId, identityId }) : Promise.resolve(failed()))),
}));

/**
 * React reads a store's "server snapshot" while it hydrates the first screen main rendered. That screen was rendered from
 * the same first data this store holds by then, so the snapshot is the current state, not the empty initial one.
 */
const hydratable: StoreApi<AppState> = { ...appStore, getInitialState: appStore.getState };

export const useAppStore = Object.assign(<T = AppState>(selector?: (state: AppState) => T) => useStore(hydratable, selector as (state: AppState) => T), appStore) as UseBoundStore<StoreApi<AppState>>;

/** App state (zustand): what main last told us, kept in one store; components read slices of it. */
import { create } from 'zustand';
import type { AppInfo, SettingsDto } from '../shared/ipc-contract';
import type { AppError } from '../shared/result';
import { api } from './api';

export type Page = 'tenants' | 'activity' | 'settings';

interface AppState {
  page: Page;
  info: AppInfo | null;
  settings: SettingsDto | null;
  loadError: AppError | null;
  setPage(page: Page): void;
  load(): Promise<void>;
  /** Saves the partner ID; resolves to the error to show next to the field, or null when saved. */
  savePartnerId(partnerId: string): Promise<AppError | null>;
}

const noBridge: AppError = {
  code: 'internal',
  message: 'This page must be opened by PAL Desk. Start the app with `npm start` or `npm run demo`.',
};

export const useAppStore = create<AppState>((set) => ({
  page: 'tenants',
  info: null,
  settings: null,
  loadError: null,
  setPage: (page) => set({ page }),
  async load() {
    if (!api) return set({ loadError: noBridge });
    const [info, settings] = await Promise.all([api.appInfo(), api.getSettings()]);
    if (!info.ok) return set({ loadError: info.error });
    if (!settings.ok) return set({ loadError: settings.error });
    set({ info: info.value, settings: settings.value, loadError: null });
    api.on('settings:changed', (next) => set({ settings: next }));
  },
  async savePartnerId(partnerId) {
    if (!api) return noBridge;
    const result = await api.setPartnerId({ partnerId });
    if (!result.ok) return result.error;
    set({ settings: result.value });
    return null;
  },
}));

/** Puts the app state back to first run after "forget everything": nothing selected, no cached lists, only main's notices. */
import { api } from '../api';
import { useJobPanel } from '../state/job-store';
import { useAppStore } from '../store';

export async function resetAfterForget(): Promise<void> {
  useAppStore.setState({ selectedTenantId: null, checklist: null, pending: [], page: 'tenants' });
  useJobPanel.setState({ job: null, open: false });
  if (!api) return;
  const [settings, notices] = await Promise.all([api.settings.get(), api.notices.list()]);
  useAppStore.setState({ ...(settings.ok ? { settings: settings.value } : {}), ...(notices.ok ? { notices: notices.value } : {}) });
  await useAppStore.getState().refresh();
  await useAppStore.getState().loadChecklists();
}

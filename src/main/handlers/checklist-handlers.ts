/** IPC handlers of the attribution checklist: one line each into the checklist service. */
import type { Handlers } from '../../shared/ipc-contract';
import type { Services } from '../services';

export const checklistHandlers = (s: Services): Pick<Handlers, 'checklist:tenant' | 'checklist:summary'> => ({
  'checklist:tenant': async ({ tenantId, verdict }) => s.checklist.forTenant(tenantId, verdict),
  'checklist:summary': async () => s.checklist.summary(),
});

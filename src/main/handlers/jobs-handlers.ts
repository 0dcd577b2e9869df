/** IPC handlers of long work (sync, cancel): one line each into a service. */
import type { Handlers } from '../../shared/ipc-contract';
import type { Services } from '../services';

export const jobsHandlers = (s: Services): Pick<Handlers, 'inventory:sync' | 'jobs:cancel'> => ({
  'inventory:sync': async ({ tenantIds }) => ({ jobId: s.sync.syncAfterReplay(tenantIds).jobId }),
  'jobs:cancel': async ({ jobId }) => ({ cancelled: s.jobs.cancel(jobId) }),
});

/** IPC handlers of the partner link: one line each into a service. */
import type { Handlers } from '../../shared/ipc-contract';
import type { Services } from '../services';

export const palHandlers = (s: Services): Pick<Handlers, 'pal:link' | 'pal:unlink' | 'pal:link-all' | 'pal:link-tenants'> => ({
  'pal:link': async ({ tenantId, identityId, confirmReplaceOf }) => s.pal.link(tenantId, { identityId, confirmReplaceOf }),
  'pal:unlink': async ({ tenantId, identityId, partnerId }) => s.pal.unlink(tenantId, partnerId, identityId),
  'pal:link-all': async () => ({ jobId: (await s.sync.linkAll()).jobId }),
  'pal:link-tenants': async ({ tenantIds }) => ({ jobId: (await s.sync.linkAll(tenantIds)).jobId }),
});

/** IPC handlers of the customer tenants: one line each into a service. */
import type { Handlers } from '../../shared/ipc-contract';
import type { Services } from '../services';

type TenantChannels = 'tenants:list' | 'tenants:add' | 'tenants:discover' | 'tenants:track' | 'tenants:rename' | 'tenants:archive' | 'tenants:remove';

export const tenantsHandlers = (s: Services): Pick<Handlers, TenantChannels> => ({
  'tenants:list': async () => s.tenants.list(),
  'tenants:add': async ({ query }) => s.tenants.add(query),
  'tenants:discover': async ({ tenantId }) => s.tenants.discover(tenantId),
  'tenants:track': async ({ tenantIds }) => s.sync.trackAndSync(tenantIds).tenants,
  'tenants:rename': async ({ tenantId, label }) => s.tenants.rename(tenantId, label),
  'tenants:archive': async ({ tenantId, archived }) => s.tenants.archive(tenantId, archived),
  'tenants:remove': async ({ tenantId }) => s.tenants.remove(tenantId),
});

/** IPC handlers of the notices kept until acknowledged: one line each into the notice service. */
import type { Handlers } from '../../shared/ipc-contract';
import type { Services } from '../services';

export const noticesHandlers = (s: Services): Pick<Handlers, 'notices:list' | 'notices:acknowledge'> => ({
  'notices:list': async () => s.notices.list(),
  'notices:acknowledge': async ({ id }) => s.notices.acknowledge(id),
});

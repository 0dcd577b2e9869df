/** IPC handlers of the activity page (queued actions, audit log): one line each into the inventory. */
import type { Handlers } from '../../shared/ipc-contract';
import type { Services } from '../services';

export const activityHandlers = (s: Services): Pick<Handlers, 'pending:list' | 'audit:list'> => ({
  'pending:list': async () => s.inventory.queue.list(),
  'audit:list': async ({ limit, beforeId, filter }) => s.inventory.audit.list(limit, beforeId, filter),
});

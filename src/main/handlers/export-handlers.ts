/** IPC handler of exports (status, checklist, audit log): one line into the export service. */
import type { Handlers } from '../../shared/ipc-contract';
import type { Services } from '../services';

export const exportHandlers = (s: Services): Pick<Handlers, 'export:save'> => ({
  'export:save': async (request) => s.exports.save(request),
});

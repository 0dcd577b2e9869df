/** IPC handler of connectivity: whether Microsoft's cloud answered the last calls. */
import type { Handlers } from '../../shared/ipc-contract';
import type { Services } from '../services';

export const connectivityHandlers = (s: Services): Pick<Handlers, 'connectivity:get'> => ({
  'connectivity:get': async () => s.connectivity.state(),
});

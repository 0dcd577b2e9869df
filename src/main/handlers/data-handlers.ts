/** IPC handlers of the data folder as Settings shows it: one line each into the data service. */
import type { Handlers } from '../../shared/ipc-contract';
import type { Services } from '../services';

export const dataHandlers = (s: Services): Pick<Handlers, 'settings:about' | 'settings:show-data-folder'> => ({
  'settings:about': async () => s.data.about(),
  'settings:show-data-folder': async () => s.data.showFolder(),
});

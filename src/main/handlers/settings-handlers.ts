/** IPC handlers of the app and its settings: one line each into a service. */
import type { Handlers } from '../../shared/ipc-contract';
import type { Services } from '../services';

export const settingsHandlers = (s: Services): Pick<Handlers, 'app:info' | 'settings:get' | 'settings:set-partner-id' | 'settings:set-client-id' | 'settings:set-cloud'> => ({
  'app:info': async () => s.info,
  'settings:get': async () => s.settings.get(),
  'settings:set-partner-id': async ({ partnerId }) => s.settings.setPartnerId(partnerId),
  'settings:set-client-id': async ({ clientId }) => s.settings.setClientId(clientId),
  'settings:set-cloud': async ({ cloudId }) => s.settings.setCloud(cloudId),
});

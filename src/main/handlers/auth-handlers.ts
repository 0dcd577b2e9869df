/** IPC handlers of our accounts in each tenant (sign in, service principals, defaults, sign out): one line each into a service. */
import type { Handlers } from '../../shared/ipc-contract';
import type { Services } from '../services';

type AuthChannels =
  | 'auth:sign-in'
  | 'auth:cancel-sign-in'
  | 'auth:add-service-principal'
  | 'auth:test-connection'
  | 'auth:sign-out'
  | 'auth:sign-out-account'
  | 'auth:set-default-account';

export const authHandlers = (s: Services): Pick<Handlers, AuthChannels> => ({
  'auth:sign-in': async ({ tenantId, identityId }) => s.accounts.signIn(tenantId, identityId),
  'auth:cancel-sign-in': async () => ({ cancelled: s.auth.cancelInteractive() }),
  'auth:add-service-principal': async ({ tenantId, clientId, clientSecret }) => s.accounts.addServicePrincipal(tenantId, clientId, clientSecret),
  'auth:test-connection': async ({ tenantId, identityId }) => s.accounts.testConnection(tenantId, identityId),
  'auth:sign-out': async ({ tenantId, identityId }) => s.accounts.signOut(tenantId, identityId),
  'auth:sign-out-account': async ({ tenantId, identityId }) => s.accounts.signOutEverywhere(tenantId, identityId),
  'auth:set-default-account': async ({ tenantId, identityId }) => s.accounts.setDefault(tenantId, identityId),
});

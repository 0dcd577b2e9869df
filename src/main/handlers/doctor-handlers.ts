/** IPC handler of "Check connection": one line into the doctor service. */
import type { Handlers } from '../../shared/ipc-contract';
import type { Services } from '../services';

export const doctorHandlers = (s: Services): Pick<Handlers, 'doctor:check'> => ({
  'doctor:check': async ({ tenantId, identityId }) => s.doctor.check(tenantId, identityId),
});

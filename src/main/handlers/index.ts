/** Every IPC handler, by area; the Handlers type makes a missing or misspelt channel a compile error. */
import type { Handlers } from '../../shared/ipc-contract';
import type { Services } from '../services';
import { activityHandlers } from './activity-handlers';
import { authHandlers } from './auth-handlers';
import { checklistHandlers } from './checklist-handlers';
import { connectivityHandlers } from './connectivity-handlers';
import { dataHandlers } from './data-handlers';
import { doctorHandlers } from './doctor-handlers';
import { exportHandlers } from './export-handlers';
import { jobsHandlers } from './jobs-handlers';
import { noticesHandlers } from './notices-handlers';
import { palHandlers } from './pal-handlers';
import { settingsHandlers } from './settings-handlers';
import { tenantsHandlers } from './tenants-handlers';

/** Every channel but "forget everything", which rebuilds the services and so lives above them (data/resettable-services.ts). */
export type AppHandlers = Omit<Handlers, 'settings:forget-everything'>;

export const createHandlers = (s: Services): AppHandlers => ({
  ...settingsHandlers(s),
  ...tenantsHandlers(s),
  ...authHandlers(s),
  ...palHandlers(s),
  ...jobsHandlers(s),
  ...activityHandlers(s),
  ...noticesHandlers(s),
  ...checklistHandlers(s),
  ...connectivityHandlers(s),
  ...exportHandlers(s),
  ...dataHandlers(s),
  ...doctorHandlers(s),
});

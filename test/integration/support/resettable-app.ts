/** The app's services with "forget everything" (as the window has them) on a data folder and keychain service, against the sim. */
import { createResettableServices, type ResettableServices } from '../../../src/main/data/resettable-services';
import { silentLogger } from '../../../src/main/logger';
import { KeytarSecretStore } from '../../../src/main/secrets/keytar-secret-store';
import type { RunningSim } from '../../sim';
import { ANA } from './auth-fixture';
import { scriptedBrowser } from './scripted-browser';

/** `signIn: false` fails any sign-in page that opens (a test where none may); else Ana signs in through the scripted browser. */
export const resettableApp = (sim: RunningSim, o: { userDataDir: string; service: string; signIn?: boolean }): Promise<ResettableServices> =>
  createResettableServices({
    userDataDir: o.userDataDir,
    cloud: sim.profile,
    host: 'browser-host',
    version: 'test',
    log: silentLogger,
    emit: () => undefined,
    secrets: new KeytarSecretStore(o.service),
    openBrowser: o.signIn === false ? () => Promise.reject(new Error('no sign-in page may open')) : (url) => scriptedBrowser(sim.caCertPem, ANA)(url),
    clientId: sim.scenario.publicClientId,
  });

/** Builds an AuthService against a running simulated cloud with the real OS keychain and a temporary user-data folder. */
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SignInStateEvent } from '../../../src/shared/ipc-contract';
import { AuthService } from '../../../src/main/auth/auth-service';
import { silentLogger } from '../../../src/main/logger';
import { KeytarSecretStore } from '../../../src/main/secrets/keytar-secret-store';
import type { RunningSim } from '../../sim';
import { scriptedBrowser } from './scripted-browser';

export const ANA = 'ana@northwindpartners.com';

export function authFixture(sim: RunningSim, options: { userDataDir?: string; service?: string; openBrowser?: (url: string) => Promise<void>; timeoutMs?: number } = {}) {
  const userDataDir = options.userDataDir ?? mkdtempSync(path.join(tmpdir(), 'pal-auth-'));
  const service = options.service ?? `PAL Desk test ${randomUUID()}`;
  const notices: string[] = [];
  const signInEvents: SignInStateEvent[] = [];
  const auth = new AuthService({
    cloud: sim.profile,
    clientId: sim.scenario.publicClientId,
    userDataDir,
    secrets: new KeytarSecretStore(service),
    openBrowser: options.openBrowser ?? scriptedBrowser(sim.caCertPem, ANA),
    onNotice: (m) => notices.push(m),
    onSignInState: (event) => signInEvents.push(event),
    log: silentLogger,
    interactiveTimeoutMs: options.timeoutMs,
  });
  return { auth, userDataDir, service, notices, signInEvents };
}

export const tidOf = (token: string): string =>
  (JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { tid: string }).tid;

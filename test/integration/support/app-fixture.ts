/** The real main-process services against a running simulated cloud, with the OS keychain and a temporary user-data folder. */
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { EventName, EventPayloads, RequestOf } from '../../../src/shared/ipc-contract';
import type { LinkOutcome } from '../../../src/shared/pal-types';
import { createAppServices, type AppServicesOptions } from '../../../src/main/app-services';
import { silentLogger, type Logger } from '../../../src/main/logger';
import { KeytarSecretStore } from '../../../src/main/secrets/keytar-secret-store';
import type { RunningSim } from '../../sim';
import { ANA } from './auth-fixture';
import { scriptedBrowser } from './scripted-browser';

export type EmittedEvent = { [E in EventName]: { event: E; payload: EventPayloads[E] } }[EventName];

/** The parts of a simulated cloud the app needs (a sim in this process, or one in another process). */
export type SimEndpoint = Pick<RunningSim, 'profile' | 'caCertPem' | 'scenario'>;

export async function appFixture(
  sim: SimEndpoint,
  options: {
    userDataDir?: string;
    service?: string;
    partnerId?: string | null;
    concurrency?: number;
    requestTimeoutMs?: number;
    tokenTimeoutMs?: number;
    readLimits?: AppServicesOptions['readLimits'];
    log?: Logger;
    network?: AppServicesOptions['network'];
  } = {},
) {
  const userDataDir = options.userDataDir ?? mkdtempSync(path.join(tmpdir(), 'pal-app-'));
  const service = options.service ?? `PAL Desk test ${randomUUID()}`;
  const events: EmittedEvent[] = [];
  /** Every sign-in page opened in the (scripted) browser, and the account the person picks there. */
  const opened: string[] = [];
  const browser = { account: ANA };
  const services = await createAppServices({
    userDataDir,
    cloud: sim.profile,
    host: 'browser-host',
    version: 'test',
    log: options.log ?? silentLogger,
    emit: (event, payload) => events.push({ event, payload } as EmittedEvent),
    secrets: new KeytarSecretStore(service),
    openBrowser: (url) => scriptedBrowser(sim.caCertPem, browser.account, opened)(url),
    clientId: sim.scenario.publicClientId,
    concurrency: options.concurrency,
    requestTimeoutMs: options.requestTimeoutMs,
    tokenTimeoutMs: options.tokenTimeoutMs,
    readLimits: options.readLimits,
    network: options.network,
  });
  if (options.partnerId !== null) await services.handlers['settings:set-partner-id']({ partnerId: options.partnerId ?? '1234567' });
  /** Adds a tenant by domain and signs in to it interactively (the scripted browser picks Ana). */
  const addAndSignIn = async (domain: string) => {
    const tenant = await services.handlers['tenants:add']({ query: domain });
    return services.handlers['auth:sign-in']({ tenantId: tenant.tenantId });
  };
  /** Links a tenant whose only account is ours and returns that account's outcome (a failure of every account is thrown). */
  const link = async (request: RequestOf<'pal:link'>): Promise<LinkOutcome> => {
    const { accounts } = await services.handlers['pal:link'](request);
    const [only] = accounts;
    if (!only || accounts.length !== 1 || !('outcome' in only)) throw new Error(`expected one account's outcome, got ${JSON.stringify(accounts)}`);
    return only.outcome;
  };
  return { services, handlers: services.handlers, events, userDataDir, service, addAndSignIn, link, opened, browser };
}

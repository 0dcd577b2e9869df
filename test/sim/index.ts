/** The simulated Microsoft cloud: HTTPS on loopback with its own CA, one origin per Microsoft service, speaking their wire formats. */
import type { ServerResponse } from 'node:http';
import type { CloudProfile } from '../../src/shared/cloud-profile';
import { ARM_AUDIENCE, ArmService, type AppliedWrite } from './arm';
import { createCertificates } from './certs';
import { Directory } from './directory';
import { FaultInjector, type Faults } from './faults';
import { readRequest, writeReply, type SimReply, type SimRequest } from './http-kit';
import { IdentityService } from './identity';
import { PowerPlatformService } from './power-platform';
import type { Scenario } from './scenario';
import { SimOrigins, type OriginHandler, type ServiceOrigin } from './origins';
import { demoScenario } from './scenarios/demo';
import { TokenSigner } from './tokens';

export type { AppliedWrite } from './arm';
export type { Faults } from './faults';
export type { Scenario } from './scenario';
export type { ServiceOrigin } from './origins';

export interface RequestLogEntry {
  method: string;
  path: string;
  status: number;
  /** When the request arrived (ms since the epoch, fractional). */
  at: number;
  /** Which origin it reached (each service has its own). */
  service: ServiceOrigin;
  /** Whether it carried an Authorization header (a token). */
  authorized: boolean;
}

export interface SimControl {
  setFaults(faults: Faults): void;
  clearFaults(): void;
  /** Partner links by `${tenantId}:${objectId}`. */
  partnerLinks(): Map<string, { partnerId: string }>;
  /** Every request seen (method, path, status, arrival time; reset and never-answered requests have status 0). */
  requestLog: RequestLogEntry[];
  /** Closes the listening socket and open connections, keeping all state (the network is "down"). */
  goOffline(): Promise<void>;
  /** Listens again on the same port (nothing happens when it listens already). */
  goOnline(): Promise<void>;
  expireRefreshTokens(): void;
  /** After the next partner-link write, `count` reads still show the state before it (eventual consistency). */
  staleReadsAfterNextWrite(count: number): void;
  /** Partner-link writes answer 403 while set. */
  denyWrites(deny: boolean): void;
  /** Every access and refresh token the sim issued (to prove none reaches disk). */
  issuedSecrets(): string[];
  /** Every partner-link write applied (also `GET /__control/writes` for a sim in another process). */
  writes(): AppliedWrite[];
  /** Calls `listener` right after each write is applied, before its answer leaves; null stops. */
  onWrite(listener: ((write: AppliedWrite) => void) | null): void;
  /** Calls `listener` when a request arrives, before it is answered (tests pause a client at that instant); null stops. */
  onRequest(listener: ((request: { method: string; path: string; service: ServiceOrigin }) => void) | null): void;
}

export interface RunningSim {
  profile: CloudProfile;
  caCertPem: string;
  scenario: Scenario;
  control: SimControl;
  /** The host-only instance URL of an environment's Dataverse (each on its own origin). */
  instanceUrl(environmentId: string): string;
  close(): Promise<void>;
}

/** Path prefix of the control endpoint (loopback only, like the whole simulated cloud). */
export const CONTROL_PATH = '/__control';

const sleep = (ms: number) => (ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve());

export async function startSim(options: { scenario: Scenario | 'demo'; port?: number }): Promise<RunningSim> {
  const scenario = options.scenario === 'demo' ? demoScenario : options.scenario;
  const certs = await createCertificates();
  const signer = new TokenSigner();
  const faults = new FaultInjector();
  const requestLog: RequestLogEntry[] = [];
  let onRequest: Parameters<SimControl['onRequest']>[0] = null;
  let origins: SimOrigins | null = null;
  const originOf = (service: ServiceOrigin) => origins?.origin(service) ?? '';
  const dir = new Directory(scenario, () => originOf('login'));
  const dataverseOrigins = () => (scenario.powerPlatform?.environments ?? []).filter((e) => e.dataverse).map((e) => originOf(`dataverse:${e.environmentId}`));
  const identity = new IdentityService(dir, signer, () => originOf('login'), (audience) => dataverseOrigins().includes(audience));
  const arm = new ArmService(dir, signer);
  const powerPlatform = new PowerPlatformService(dir, signer, originOf);

  /** Each origin answers only its own service's routes, in that service's error shape otherwise. */
  const route = (service: ServiceOrigin, req: SimRequest): SimReply => {
    const answer = (() => {
      switch (service) {
        case 'login':
          return identity.handle(req);
        case 'arm':
          // ARM also serves the Power Apps resource provider: Power Apps' own nextLinks point here (recorded in
          // fixtures/powerplatform/field-samples/powerapps-apis-list-page-with-nextLink-climicrosoft365-spec.json), read with an ARM token.
          return arm.handle(req) ?? powerPlatform.powerApps.handle(req, ARM_AUDIENCE);
        case 'bap':
          return powerPlatform.bap.handle(req);
        case 'powerApps':
          return powerPlatform.powerApps.handle(req);
        case 'flow':
          return powerPlatform.flow.handle(req);
        case 'powerBi':
          return powerPlatform.powerBi.handle(req);
        case 'powerPlatformApi':
          return powerPlatform.appManagement.handle(req);
        default:
          return powerPlatform.dataverse.handle(req, service.slice('dataverse:'.length));
      }
    })();
    return answer ?? { status: 404, body: { error: { code: 'NotFound', message: `No route for ${req.url.pathname}` } } };
  };

  /** The control endpoint (on every origin) for a sim in another process: POST /__control/faults (JSON), GET /__control/stats, GET /__control/writes. */
  const control = (req: SimRequest): SimReply | null => {
    if (!req.url.pathname.startsWith(CONTROL_PATH)) return null;
    if (req.method === 'POST' && req.url.pathname === `${CONTROL_PATH}/faults`) {
      faults.set(JSON.parse(req.body || '{}') as Faults);
      return { status: 204 };
    }
    if (req.url.pathname === `${CONTROL_PATH}/writes`) return { status: 200, body: arm.writes };
    if (req.url.pathname === `${CONTROL_PATH}/stats`) {
      return { status: 200, body: { requests: requestLog.length, throttled: requestLog.filter((r) => r.status === 429).length } };
    }
    return { status: 404, body: { error: { code: 'NotFound', message: 'Unknown control request' } } };
  };

  const handler: OriginHandler = (service, req, res, origin) => {
    void (async () => {
      const request = await readRequest(req, origin);
      const at = performance.timeOrigin + performance.now();
      const controlled = control(request);
      if (controlled) return writeReply(res, controlled);
      onRequest?.({ method: request.method, path: request.url.pathname, service });
      const log = (status: number) => requestLog.push({ method: request.method, path: request.url.pathname, status, at, service, authorized: request.headers.authorization !== undefined });
      await sleep(faults.delayFor(request));
      const decision = faults.decide(request);
      if (decision.kind === 'lost-answer') {
        route(service, request);
        log(0);
        req.socket.destroy();
        return;
      }
      if (decision.kind === 'reset' || decision.kind === 'hang') {
        log(0);
        if (decision.kind === 'reset') req.socket.destroy();
        return;
      }
      if (decision.kind === 'huge') {
        log(200);
        return streamHuge(res, decision.bytes);
      }
      const routed = decision.kind === 'reply' ? decision.reply : route(service, decision.kind === 'alter' && decision.request ? decision.request(request) : request);
      const reply = decision.kind === 'alter' ? decision.alter(routed, request) : routed;
      log(reply.status);
      writeReply(res, reply);
    })().catch((error: unknown) => {
      // A bug in the sim itself: say so in the answer instead of dropping the connection (which would read as a network fault).
      if (res.headersSent) return res.destroy();
      writeReply(res, { status: 500, body: { error: { code: 'SimulatorBug', message: String(error instanceof Error ? error.stack : error) } } });
    });
  };

  origins = new SimOrigins({ key: certs.serverKeyPem, cert: certs.serverCertPem }, handler);
  await origins.open('login', options.port ?? 0);
  for (const service of ['arm', 'bap', 'powerApps', 'flow', 'powerBi', 'powerPlatformApi'] as const) await origins.open(service);
  for (const env of scenario.powerPlatform?.environments ?? []) if (env.dataverse) await origins.open(`dataverse:${env.environmentId}`);
  const running = origins;
  const stop = () => running.stop();

  // The commercial cloud's token audiences (the sim issues tokens for any audience; each service checks its own).
  const profile: CloudProfile = {
    id: 'sim',
    label: 'Simulated cloud',
    endpoints: {
      authorityHost: originOf('login'),
      arm: originOf('arm'),
      bap: originOf('bap'),
      powerApps: originOf('powerApps'),
      flow: originOf('flow'),
      powerBi: originOf('powerBi'),
      powerPlatformApi: originOf('powerPlatformApi'),
    },
    scopes: {
      arm: `${ARM_AUDIENCE}/.default`,
      powerApps: 'https://service.powerapps.com/.default',
      flow: 'https://service.flow.microsoft.com/.default',
      powerBi: 'https://analysis.windows.net/powerbi/api/.default',
      powerPlatformApi: 'https://api.powerplatform.com/.default',
    },
    dataverseHosts: running.hosts((s) => s.startsWith('dataverse:')),
    partnerLinkApi: 'documented',
    knownAuthorities: running.hosts((s) => s === 'login'),
    caCertPem: certs.caCertPem,
  };

  return {
    profile,
    caCertPem: certs.caCertPem,
    scenario,
    instanceUrl: (environmentId) => running.origin(`dataverse:${environmentId}`),
    control: {
      setFaults: (f) => faults.set(f),
      clearFaults: () => faults.set({}),
      partnerLinks: () => arm.links,
      requestLog,
      goOffline: stop,
      goOnline: () => running.resume(),
      expireRefreshTokens: () => identity.expireRefreshTokens(),
      staleReadsAfterNextWrite: (count) => void (arm.staleReadsAfterWrite = count),
      denyWrites: (deny) => void (arm.denyWrites = deny),
      issuedSecrets: () => [...identity.issuedSecrets],
      writes: () => [...arm.writes],
      onWrite: (listener) => void (arm.onWrite = listener),
      onRequest: (listener) => void (onRequest = listener),
    },
    close: stop,
  };
}

/** A 200 JSON list that streams on for `bytes` without a length (as a proxy relaying an endless answer does), written as fast as the reader takes it, until it or the reader stops. */
async function streamHuge(res: ServerResponse, bytes: number): Promise<void> {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
  const item = Buffer.from(`{"name":"${'x'.repeat(1000)}"},`);
  const block = Buffer.concat(Array.from({ length: 64 }, () => item));
  const closed = new Promise<void>((resolve) => res.once('close', resolve));
  const drained = () => new Promise<void>((resolve) => {
    const done = () => {
      res.off('drain', done);
      resolve();
    };
    res.on('drain', done);
    void closed.then(done);
  });
  res.write('{"value":[');
  for (let sent = 0; sent < bytes && !res.destroyed; sent += block.length) {
    if (!res.write(block)) await drained();
  }
  if (!res.destroyed) res.end('{}]}');
}

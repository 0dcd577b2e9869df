/** The simulated Microsoft cloud: one HTTPS server on loopback with its own CA, speaking Entra ID and ARM wire formats. */
import { once } from 'node:events';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { CloudProfile } from '../../src/shared/cloud-profile';
import { ArmService, type AppliedWrite } from './arm';
import { createCertificates } from './certs';
import { Directory } from './directory';
import { FaultInjector, type Faults } from './faults';
import { readRequest, writeReply, type SimReply, type SimRequest } from './http-kit';
import { IdentityService } from './identity';
import { PowerPlatformService } from './power-platform';
import type { Scenario } from './scenario';
import { demoScenario } from './scenarios/demo';
import { TokenSigner } from './tokens';

export type { AppliedWrite } from './arm';
export type { Faults } from './faults';
export type { Scenario } from './scenario';

export interface RequestLogEntry {
  method: string;
  path: string;
  status: number;
  /** When the request arrived (ms since the epoch, fractional). */
  at: number;
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
}

export interface RunningSim {
  profile: CloudProfile;
  caCertPem: string;
  scenario: Scenario;
  control: SimControl;
  close(): Promise<void>;
}

/** Path prefix of the control endpoint (loopback only, like the whole simulated cloud). */
export const CONTROL_PATH = '/__control';

const sleep = (ms: number) => (ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve());

export async function startSim(options: { scenario: Scenario | 'demo'; port?: number }): Promise<RunningSim> {
  const scenario = options.scenario === 'demo' ? demoScenario : options.scenario;
  const certs = await createCertificates();
  const signer = new TokenSigner();
  let origin = '';
  const dir = new Directory(scenario, () => origin);
  const identity = new IdentityService(dir, signer, () => origin);
  const arm = new ArmService(dir, signer);
  const powerPlatform = new PowerPlatformService(dir, signer);
  const faults = new FaultInjector();
  const requestLog: RequestLogEntry[] = [];
  const sockets = new Set<Socket>();

  const route = (req: SimRequest) =>
    identity.handle(req) ?? arm.handle(req) ?? powerPlatform.handle(req) ?? { status: 404, body: { error: { code: 'NotFound', message: `No route for ${req.url.pathname}` } } };

  /** The control endpoint for a sim in another process: POST /__control/faults (JSON), GET /__control/stats, GET /__control/writes. */
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

  const server = https.createServer({ key: certs.serverKeyPem, cert: certs.serverCertPem }, (req, res) => {
    void (async () => {
      const request = await readRequest(req, origin);
      const at = performance.timeOrigin + performance.now();
      const controlled = control(request);
      if (controlled) return writeReply(res, controlled);
      await sleep(faults.delayFor(request));
      const decision = faults.decide(request);
      if (decision.kind === 'lost-answer') {
        route(request);
        requestLog.push({ method: request.method, path: request.url.pathname, status: 0, at });
        req.socket.destroy();
        return;
      }
      if (decision.kind === 'reset' || decision.kind === 'hang') {
        requestLog.push({ method: request.method, path: request.url.pathname, status: 0, at });
        if (decision.kind === 'reset') req.socket.destroy();
        return;
      }
      const reply = decision.kind === 'reply' ? decision.reply : route(request);
      requestLog.push({ method: request.method, path: request.url.pathname, status: reply.status, at });
      writeReply(res, reply);
    })().catch(() => res.destroy());
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const listen = async (port: number) => {
    server.listen(port, '127.0.0.1');
    await once(server, 'listening');
    return (server.address() as AddressInfo).port;
  };
  const port = await listen(options.port ?? 0);
  origin = `https://127.0.0.1:${port}`;
  const stop = async () => {
    if (!server.listening) return;
    const closed = once(server, 'close');
    server.close();
    for (const socket of sockets) socket.destroy();
    await closed;
  };

  const profile: CloudProfile = {
    id: 'sim',
    label: 'Simulated cloud',
    endpoints: { authorityHost: origin, arm: origin, bap: origin, powerApps: origin, flow: origin, powerBi: origin },
    scopes: {
      arm: 'https://management.azure.com/.default',
      powerApps: 'https://service.powerapps.com/.default',
      flow: 'https://service.flow.microsoft.com/.default',
      powerBi: 'https://analysis.windows.net/powerbi/api/.default',
    },
    knownAuthorities: [`127.0.0.1:${port}`],
    caCertPem: certs.caCertPem,
  };

  return {
    profile,
    caCertPem: certs.caCertPem,
    scenario,
    control: {
      setFaults: (f) => faults.set(f),
      clearFaults: () => faults.set({}),
      partnerLinks: () => arm.links,
      requestLog,
      goOffline: stop,
      goOnline: async () => void (server.listening || (await listen(port))),
      expireRefreshTokens: () => identity.expireRefreshTokens(),
      staleReadsAfterNextWrite: (count) => void (arm.staleReadsAfterWrite = count),
      denyWrites: (deny) => void (arm.denyWrites = deny),
      issuedSecrets: () => [...identity.issuedSecrets],
      writes: () => [...arm.writes],
      onWrite: (listener) => void (arm.onWrite = listener),
    },
    close: stop,
  };
}

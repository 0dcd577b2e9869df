/**
 * The simulated cloud's origins: every Microsoft service on its own HTTPS port on loopback, as each has its own host in the real
 * cloud (sign-in, ARM, BAP, Power Apps, Flow, Power BI, the Power Platform API: microsoft/terraform-provider-power-platform
 * `internal/constants/constants.go`; the Power Apps admin PowerShell's `Get-AudienceForHostName` host map), and every Dataverse
 * instance on its own port (real instance URLs are host-only: `https://<org>.crm4.dynamics.com/` in
 * fixtures/powerplatform/bap-admin-environments.response.json). One request handler serves them all, told which origin it is.
 */
import { once } from 'node:events';
import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type ServiceOrigin = 'login' | 'arm' | 'bap' | 'powerApps' | 'flow' | 'powerBi' | 'powerPlatformApi' | `dataverse:${string}`;

export type OriginHandler = (service: ServiceOrigin, req: IncomingMessage, res: ServerResponse, origin: string) => void;

interface Listener {
  server: https.Server;
  port: number;
}

export class SimOrigins {
  readonly #tls: { key: string; cert: string };
  readonly #handler: OriginHandler;
  readonly #listeners = new Map<ServiceOrigin, Listener>();
  readonly #sockets = new Set<Socket>();

  constructor(tls: { key: string; cert: string }, handler: OriginHandler) {
    this.#tls = tls;
    this.#handler = handler;
  }

  /** Starts `service` on `port` (0 = any free port) and returns its origin. */
  async open(service: ServiceOrigin, port = 0): Promise<string> {
    const server = https.createServer(this.#tls, (req, res) => this.#handler(service, req, res, this.origin(service)));
    server.on('connection', (socket: Socket) => {
      this.#sockets.add(socket);
      socket.on('close', () => this.#sockets.delete(socket));
    });
    const listener = { server, port };
    this.#listeners.set(service, listener);
    listener.port = await listen(server, port);
    return this.origin(service);
  }

  origin(service: ServiceOrigin): string {
    const listener = this.#listeners.get(service);
    if (!listener) throw new Error(`The simulated ${service} is not open`);
    return `https://127.0.0.1:${listener.port}`;
  }

  /** Every origin as host:port, for msal-node's knownAuthorities and the Dataverse allow-list. */
  hosts(filter: (service: ServiceOrigin) => boolean): string[] {
    return [...this.#listeners.keys()].filter(filter).map((s) => new URL(this.origin(s)).host);
  }

  /** Closes every listening socket and open connection, keeping all state (the network is "down"). */
  async stop(): Promise<void> {
    const closing = [...this.#listeners.values()].filter((l) => l.server.listening).map((l) => {
      const closed = once(l.server, 'close');
      l.server.close();
      return closed;
    });
    for (const socket of this.#sockets) socket.destroy();
    await Promise.all(closing);
  }

  /** Listens again on the same ports. */
  async resume(): Promise<void> {
    await Promise.all([...this.#listeners.values()].filter((l) => !l.server.listening).map((l) => listen(l.server, l.port)));
  }
}

async function listen(server: https.Server, port: number): Promise<number> {
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
}

/** Proxies on loopback as customers' networks have them: a forwarding CONNECT proxy (the `proxy` package) and a TLS-inspecting one with its own CA. */
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import tls from 'node:tls';
import { createProxy } from 'proxy';
import selfsigned from 'selfsigned';

export interface LoopbackProxy {
  /** http://127.0.0.1:port */
  url: string;
  /** The host:port of every CONNECT it was asked for, in order. */
  connects: string[];
  close(): Promise<void>;
}

async function listen(server: http.Server, connects: string[]): Promise<LoopbackProxy> {
  server.prependListener('connect', (req: http.IncomingMessage) => void connects.push(req.url ?? ''));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    connects,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A forwarding proxy: tunnels each CONNECT; with `requireAuth` it answers every request 407 (Proxy Authentication Required). */
export function startConnectProxy(options: { requireAuth?: boolean } = {}): Promise<LoopbackProxy> {
  const server = createProxy(http.createServer());
  if (options.requireAuth) server.authenticate = () => false;
  return listen(server, []);
}

export interface InspectingProxy extends LoopbackProxy {
  /** The proxy's own CA (PEM), written to `caFile`. */
  caCertPem: string;
  caFile: string;
}

const notAfterDate = () => new Date(Date.now() + 86_400_000);

/**
 * A TLS-inspecting gateway: answers each CONNECT itself, terminates TLS with a certificate it mints for the host, signed by its
 * own CA, and forwards the decrypted stream over a new TLS connection to the real host (which it trusts with `upstreamCaPem`).
 */
export async function startInspectingProxy(upstreamCaPem: string, dir: string): Promise<InspectingProxy> {
  const ca = await selfsigned.generate([{ name: 'commonName', value: 'Customer gateway inspection CA' }], {
    keySize: 2048,
    algorithm: 'sha256',
    notAfterDate: notAfterDate(),
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    ],
  });
  const minted = new Map<string, Promise<tls.SecureContext>>();
  const contextFor = (host: string) => {
    let context = minted.get(host);
    if (!context) {
      context = selfsigned
        .generate([{ name: 'commonName', value: host }], {
          keySize: 2048,
          algorithm: 'sha256',
          notAfterDate: notAfterDate(),
          ca: { key: ca.private, cert: ca.cert },
          extensions: [
            { name: 'basicConstraints', cA: false },
            { name: 'extKeyUsage', serverAuth: true },
            { name: 'subjectAltName', altNames: /^[\d.]+$/.test(host) ? [{ type: 7, ip: host }] : [{ type: 2, value: host }] },
          ],
        })
        .then((leaf) => tls.createSecureContext({ key: leaf.private, cert: leaf.cert }));
      minted.set(host, context);
    }
    return context;
  };
  const server = http.createServer((_req, res) => res.writeHead(405).end());
  server.on('connect', (req: http.IncomingMessage, client: Socket) => {
    const target = new URL(`https://${req.url ?? ''}`);
    const host = target.hostname;
    void contextFor(host).then((secureContext) => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      const inside = new tls.TLSSocket(client, { isServer: true, secureContext });
      const upstream = tls.connect({ host, port: Number(target.port), ca: upstreamCaPem, servername: /^[\d.]+$/.test(host) ? undefined : host });
      inside.pipe(upstream).pipe(inside);
      const end = () => {
        inside.destroy();
        upstream.destroy();
      };
      inside.on('error', end);
      upstream.on('error', end);
      client.on('error', end);
    });
  });
  const caFile = path.join(dir, 'gateway-ca.pem');
  writeFileSync(caFile, ca.cert);
  return { ...(await listen(server, [])), caCertPem: ca.cert, caFile };
}

import { createDefaultHttpClient, createPipelineRequest } from '@azure/core-rest-pipeline';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNetworkClient } from '../../../src/main/auth/network-client';
import { createNodeNetwork } from '../../../src/main/http/node-network';
import { Connectivity, isUnreachable } from '../../../src/main/http/connectivity';
import { createHttpPipeline } from '../../../src/main/http/pipeline';
import { HostRateLimiter } from '../../../src/main/http/rate-limiter';
import type { ConnectivityState } from '../../../src/shared/connectivity-types';

let server: Server;
let answering = '';
let closedPort = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    res.statusCode = req.url === '/broken' ? 500 : 200;
    res.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  answering = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  closedPort = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

/** The app's pipeline with no retries, reporting to `connectivity`. */
function send(connectivity: Connectivity, url: string) {
  const pipeline = createHttpPipeline({ limiter: new HostRateLimiter({ perSecond: 100, burst: 100 }), retry: { maxRetries: 0 }, connectivity });
  return pipeline.sendRequest(createDefaultHttpClient(), createPipelineRequest({ url, allowInsecureConnection: true }));
}

describe('connectivity as the HTTP pipeline sees it', () => {
  it('goes offline when a host refuses the connection, naming the host and the time, and tells listeners once', async () => {
    const changes: ConnectivityState[] = [];
    const connectivity = new Connectivity((state) => changes.push(state), () => new Date('2026-11-25T10:42:00Z'));
    await expect(send(connectivity, `http://127.0.0.1:${closedPort}/x`)).rejects.toThrow();
    await expect(send(connectivity, `http://127.0.0.1:${closedPort}/y`)).rejects.toThrow();
    expect(connectivity.state()).toEqual({ online: false, since: '2026-11-25T10:42:00.000Z', host: `127.0.0.1:${closedPort}` });
    expect(changes).toHaveLength(1);
  });

  it('comes back online at the next answer of any kind, even an HTTP 500', async () => {
    const changes: ConnectivityState[] = [];
    const connectivity = new Connectivity((state) => changes.push(state));
    await expect(send(connectivity, `http://127.0.0.1:${closedPort}/x`)).rejects.toThrow();
    const response = await send(connectivity, `${answering}/broken`);
    expect(response.status).toBe(500);
    expect(connectivity.state()).toMatchObject({ online: true, host: null });
    expect(changes.map((c) => c.online)).toEqual([false, true]);
  });

  it('counts a timeout as unreachable but a cancel, or an error with an answer, as not', () => {
    expect(isUnreachable({ name: 'TimeoutError', code: 'ETIMEDOUT' })).toBe(true);
    expect(isUnreachable({ code: 'ENOTFOUND' })).toBe(true);
    expect(isUnreachable({ name: 'AbortError' })).toBe(false);
    expect(isUnreachable({ code: 'ECONNRESET', response: { status: 502 } })).toBe(false);
  });

  it('goes offline when the token service cannot be reached either', async () => {
    const connectivity = new Connectivity();
    const tokens = createNetworkClient(createNodeNetwork(), {}, connectivity);
    await expect(tokens.sendPostRequestAsync(`https://127.0.0.1:${closedPort}/common/oauth2/v2.0/token`, { body: '' })).rejects.toThrow();
    expect(connectivity.state()).toMatchObject({ online: false, host: `127.0.0.1:${closedPort}` });
  });

  it('is online with no time before any call', () => {
    expect(new Connectivity().state()).toEqual({ online: true, since: null, host: null });
  });
});

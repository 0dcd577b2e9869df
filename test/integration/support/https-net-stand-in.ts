/** A stand-in for Electron's `net` in tests: `fetch` with the web Request/Response types net.fetch has, sent over node:https trusting the simulated cloud's CA, recording every URL. */
import https from 'node:https';
import { Readable } from 'node:stream';
import type { NetFetch } from '../../../src/main/shell/electron-http-client';

export function httpsNetStandIn(caCertPem: string) {
  const urls: string[] = [];
  const fetch = (url: string, init: RequestInit = {}): Promise<Response> =>
    new Promise((resolve, reject) => {
      urls.push(url);
      const headers = Object.fromEntries(new Headers(init.headers).entries());
      // As Electron does: a redirect under redirect 'error' fails the request; a failure is named as Chromium names it.
      const req = https.request(url, { method: init.method ?? 'GET', headers, ca: caCertPem, signal: init.signal ?? undefined }, (res) => {
        const answer = new Headers();
        for (const [name, value] of Object.entries(res.headers)) if (value !== undefined) answer.set(name, Array.isArray(value) ? value.join(', ') : value);
        const status = res.statusCode ?? 0;
        if (init.redirect === 'error' && status >= 300 && status < 400) {
          res.resume();
          return reject(new Error("Attempted to redirect, but redirect policy was 'error'"));
        }
        const empty = status === 204 || status === 304 || init.method === 'HEAD';
        resolve(new Response(empty ? null : (Readable.toWeb(res) as ReadableStream<Uint8Array>), { status, headers: answer }));
      });
      req.on('error', (error: NodeJS.ErrnoException) => reject(error.name === 'AbortError' ? error : new Error(`net::${error.code === 'ECONNREFUSED' ? 'ERR_CONNECTION_REFUSED' : 'ERR_FAILED'}`)));
      req.end(typeof init.body === 'string' ? init.body : undefined);
    });
  return { net: { fetch } as unknown as NetFetch, urls };
}

/**
 * The browser host: serves the built renderer on 127.0.0.1 and carries the bridge over loopback HTTP + server-sent events.
 * The page opened with the run's key (`?k=`) comes with its first screen rendered; without the key it is the bare app.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EmitEvent, Handlers } from '../../shared/ipc-contract';
import { err } from '../../shared/result';
import type { FirstScreen } from '../first-screen/first-screen-page';
import { dispatch } from '../ipc/dispatch';
import type { Logger } from '../logger';
import { CONTENT_SECURITY_POLICY } from '../shell/security-policy';
import { contentTypeOf, resolveStaticFile } from '../static-files';
import { BRIDGE_SCRIPT_PATH, bridgeScript, EVENTS_PATH, INVOKE_PATH, KEY_HEADER, OPEN_URL_EVENT } from './bridge-script';

/** The largest request body the host reads (a bridge request is a few fields); a larger one is answered 413. */
const MAX_BODY_BYTES = 1024 * 1024;
const UNREADABLE = 'PAL Desk received a request it could not read. Reload the page and try again.';

/** A request body over MAX_BODY_BYTES. */
class BodyTooLarge extends Error {}

export interface WebHostOptions {
  rendererDir: string;
  /** 0 picks a free port. The host only ever binds 127.0.0.1. */
  port: number;
  log: Logger;
  /** Renders the first screen into the page opened with the run's key (the page then carries customer data). */
  firstScreen?: FirstScreen;
}

export interface WebHost {
  /** Open this URL: it carries the per-run key in its fragment. */
  url: string;
  origin: string;
  emit: EmitEvent;
  /** Opens a URL in a new tab of the page (the browser host's stand-in for the system browser). */
  openInPage(url: string): void;
  /** Installs the request handlers once the services exist (requests before that get a "starting" error). */
  setHandlers(handlers: Handlers): void;
  close(): Promise<void>;
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const key = randomBytes(32).toString('base64url');
  const streams = new Set<ServerResponse>();
  let handlers: Handlers | null = null;
  let origin = '';

  const keyMatches = (candidate: string | undefined | null) => {
    const a = Buffer.from(candidate ?? '');
    const b = Buffer.from(key);
    return a.length === b.length && timingSafeEqual(a, b);
  };

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      options.log.error('host.request-failed', { error: error instanceof Error ? error.name : String(error) });
      if (!res.headersSent) send(res, 500, 'text/plain', 'Internal error');
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.headers.host !== new URL(origin).host) return send(res, 421, 'text/plain', 'Wrong host');
    const url = URL.parse(req.url ?? '/', origin);
    if (!url) return send(res, 400, 'text/plain', 'Bad request');
    if (url.pathname.startsWith(INVOKE_PATH)) return invoke(req, res, url.pathname.slice(INVOKE_PATH.length));
    if (url.pathname === EVENTS_PATH) return openEvents(req, res, url);
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'Method not allowed');
    if (url.pathname === BRIDGE_SCRIPT_PATH) return send(res, 200, contentTypeOf(BRIDGE_SCRIPT_PATH), bridgeScript());
    return serveStatic(res, url);
  }

  async function invoke(req: IncomingMessage, res: ServerResponse, channel: string): Promise<void> {
    if (req.method !== 'POST') return send(res, 405, 'text/plain', 'Method not allowed');
    if (req.headers.origin !== origin || !keyMatches(req.headers[KEY_HEADER] as string | undefined)) {
      options.log.warn('host.untrusted-request', { channel });
      return sendJson(res, 403, { ok: false, error: { code: 'forbidden-sender', message: 'This request did not come from the PAL Desk page and was refused.' } });
    }
    let body: string;
    try {
      body = await readBody(req);
    } catch (error) {
      if (!(error instanceof BodyTooLarge)) throw error;
      res.setHeader('connection', 'close');
      return sendJson(res, 413, err('invalid-input', `PAL Desk refused a request larger than ${MAX_BODY_BYTES / 1024 / 1024} MB. Reload the page and try again.`));
    }
    const envelope = parseEnvelope(body);
    const name = decodeChannel(channel);
    if (!envelope || name === null) return sendJson(res, 400, err('invalid-input', UNREADABLE));
    if (!handlers) {
      return sendJson(res, 503, { ok: false, error: { code: 'service-unavailable', message: 'PAL Desk is still starting. Try again in a moment.' } });
    }
    sendJson(res, 200, await dispatch(handlers, name, envelope.payload, options.log));
  }

  function openEvents(req: IncomingMessage, res: ServerResponse, url: URL): void {
    const site = req.headers['sec-fetch-site'];
    if (!keyMatches(url.searchParams.get('k')) || (site !== undefined && site !== 'same-origin')) {
      return send(res, 403, 'text/plain', 'Forbidden');
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': connected\n\n');
    streams.add(res);
    req.on('close', () => streams.delete(res));
  }

  async function serveStatic(res: ServerResponse, url: URL): Promise<void> {
    const file = resolveStaticFile(options.rendererDir, url.pathname);
    if (!file) return send(res, 404, 'text/plain', 'Not found');
    let content: Buffer;
    try {
      content = await readFile(file);
    } catch {
      return send(res, 404, 'text/plain', 'Not found');
    }
    const type = contentTypeOf(file);
    if (type.startsWith('text/html')) {
      const template = content.toString('utf8');
      const page = handlers && options.firstScreen && keyMatches(url.searchParams.get('k')) ? await options.firstScreen.page(template, handlers) : null;
      const html = (page?.html ?? template).replace('<head>', `<head><script defer src=".${BRIDGE_SCRIPT_PATH}"></script>`);
      return send(res, 200, type, html, page?.contentSecurityPolicy);
    }
    send(res, 200, type, content);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: `${origin}/?k=${key}`,
    origin,
    emit: (event, payload) => {
      for (const stream of streams) stream.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
    },
    openInPage: (url) => {
      for (const stream of streams) stream.write(`event: ${OPEN_URL_EVENT}\ndata: ${JSON.stringify(url)}\n\n`);
    },
    setHandlers: (next) => void (handlers = next),
    close: () =>
      new Promise<void>((resolve) => {
        for (const stream of streams) stream.end();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function securityHeaders(type: string, contentSecurityPolicy: string): Record<string, string> {
  return {
    'content-type': type,
    'content-security-policy': contentSecurityPolicy,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  };
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, contentSecurityPolicy = CONTENT_SECURITY_POLICY): void {
  res.writeHead(status, securityHeaders(type, contentSecurityPolicy));
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json', JSON.stringify(value));
}

/** The request's envelope (`{ payload }`; an empty body is no payload), or null when the body is not a JSON object (`null`, a number, a list, not JSON). */
function parseEnvelope(body: string): { payload?: unknown } | null {
  if (body === '') return {};
  try {
    const value: unknown = JSON.parse(body);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as { payload?: unknown }) : null;
  } catch {
    return null;
  }
}

/** The channel named in the path, or null when its percent escapes are not valid UTF-8. */
function decodeChannel(channel: string): string | null {
  try {
    return decodeURIComponent(channel);
  } catch {
    return null;
  }
}

/** The body as text; rejects with BodyTooLarge past MAX_BODY_BYTES (by its Content-Length, or as it arrives), and stops reading it. */
function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
      req.resume();
      return reject(new BodyTooLarge());
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) return void chunks.push(chunk);
      req.off('data', onData);
      req.resume();
      reject(new BodyTooLarge());
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

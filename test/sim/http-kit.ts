/** Small HTTP helpers for the simulated cloud: body reading, JSON/form replies, request ids. */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface SimRequest {
  method: string;
  url: URL;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface SimReply {
  status: number;
  headers?: Record<string, string>;
  body?: string | object | null;
}

export const json = (status: number, body: object | null, headers: Record<string, string> = {}): SimReply => ({ status, body, headers });

export async function readRequest(req: IncomingMessage, origin: string): Promise<SimRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return { method: req.method ?? 'GET', url: new URL(req.url ?? '/', origin), headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
}

export function writeReply(res: ServerResponse, reply: SimReply): void {
  const requestId = randomUUID();
  const headers: Record<string, string> = { 'x-ms-request-id': requestId, 'request-id': requestId, ...reply.headers };
  let payload = '';
  if (typeof reply.body === 'string') {
    payload = reply.body;
  } else if (reply.body !== null && reply.body !== undefined) {
    payload = JSON.stringify(reply.body);
    headers['content-type'] ??= 'application/json; charset=utf-8';
  }
  headers['content-length'] = String(Buffer.byteLength(payload));
  res.writeHead(reply.status, headers);
  res.end(payload);
}

export const form = (body: string): URLSearchParams => new URLSearchParams(body);

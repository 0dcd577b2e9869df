import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Handlers } from '../../../src/shared/ipc-contract';
import { INVOKE_PATH, KEY_HEADER } from '../../../src/main/host/bridge-script';
import { startWebHost, type WebHost } from '../../../src/main/host/web-host';
import { silentLogger } from '../../../src/main/logger';

let host: WebHost;
let key: string;

beforeAll(async () => {
  const rendererDir = mkdtempSync(path.join(tmpdir(), 'pal-host-'));
  writeFileSync(path.join(rendererDir, 'index.html'), '<html><head></head><body></body></html>');
  host = await startWebHost({ rendererDir, port: 0, log: silentLogger });
  // The one answer these tests need from main; every other channel is never reached.
  host.setHandlers({ 'app:info': async () => ({ version: 'test' }) } as unknown as Handlers);
  key = new URL(host.url).searchParams.get('k') ?? '';
});
afterAll(() => host.close());

/** A request as the page's bridge sends it (same origin, the run's key), with `body` as given. */
const invoke = (channel: string, body: string) =>
  fetch(`${host.origin}${INVOKE_PATH}${channel}`, { method: 'POST', headers: { origin: host.origin, [KEY_HEADER]: key, 'content-type': 'application/json' }, body });

describe('the browser host refuses requests it cannot read with 400 or 413, never 500', () => {
  it('answers a request the page sends', async () => {
    const answer = await invoke('app%3Ainfo', JSON.stringify({}));
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ ok: true, value: { version: 'test' } });
  });

  it('answers 400 with a message to a body that is JSON but not an object (null, a number, a list)', async () => {
    for (const body of ['null', '7', '[]']) {
      const answer = await invoke('app%3Ainfo', body);
      expect(answer.status).toBe(400);
      expect(await answer.json()).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('could not read') } });
    }
  });

  it('answers 400 to a channel with a bad percent escape', async () => {
    for (const channel of ['app%3', '%E0%A4%A', '%ff']) {
      const answer = await invoke(channel, JSON.stringify({}));
      expect(answer.status).toBe(400);
      expect(await answer.json()).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
  });

  it('answers 413 to a body over 1 MB, and keeps serving afterwards', async () => {
    const answer = await invoke('app%3Ainfo', ' '.repeat(2 * 1024 * 1024));
    expect(answer.status).toBe(413);
    expect(await answer.json()).toMatchObject({ ok: false, error: { message: expect.stringContaining('larger than 1 MB') } });
    expect((await invoke('app%3Ainfo', JSON.stringify({}))).status).toBe(200);
  });

  it('answers 413 to a body over 1 MB sent without a length (chunked)', async () => {
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull: (controller) => (sent++ < 32 ? controller.enqueue(chunk) : controller.close()),
    });
    const answer = await fetch(`${host.origin}${INVOKE_PATH}app%3Ainfo`, {
      method: 'POST',
      headers: { origin: host.origin, [KEY_HEADER]: key },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(answer.status).toBe(413);
  });
});

/** A stand-in for Electron's `net` in unit tests: records each fetch and answers as told (net.fetch takes and returns the web Request/Response types). */
import type { NetFetch } from '../../../src/main/shell/electron-http-client';

export type Answer = (url: string, init: RequestInit) => Promise<Response>;

export function fakeNet(answer: Answer) {
  const calls: { url: string; init: RequestInit }[] = [];
  const net = { fetch: (url: string, init: RequestInit) => (calls.push({ url, init }), answer(url, init)) } as unknown as NetFetch;
  return { net, calls };
}

/** Never answers; rejects the way fetch does when its signal is aborted. */
export const hanging: Answer = (_url, init) =>
  new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('This operation was aborted', 'AbortError'))));

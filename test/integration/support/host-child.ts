/** Runs the browser host as a child process and talks to it as its page does: requests over loopback HTTP, events over server-sent events, its log on standard error. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import http from 'node:http';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { EVENTS_PATH, INVOKE_PATH, KEY_HEADER } from '../../../src/main/host/bridge-script';
import type { Result } from '../../../src/shared/result';

const projectDir = path.resolve(import.meta.dirname, '../../..');

export interface HostEvent {
  event: string;
  data: unknown;
}

export interface HostChild {
  /** One request on a channel, answered as the page gets it. */
  invoke(channel: string, payload?: unknown): Promise<Result<unknown>>;
  /** Resolves with the first event (since start) that matches; rejects if the host exits first. */
  event(match: (e: HostEvent) => boolean): Promise<HostEvent>;
  /** Resolves when the host has logged `count` lines of `event`; rejects if it exits first. */
  logged(event: string, count: number): Promise<void>;
  /** Null while the host runs; its exit code (or signal) once it ended. */
  exited(): number | string | null;
  stop(): Promise<void>;
}

type Waiter = { check: () => boolean; resolve: () => void; reject: (error: Error) => void };

export async function startHostChild(options: { simProfileFile: string; userDataDir: string; env?: Record<string, string> }): Promise<HostChild> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/host/host-main.ts', '--sim-profile', options.simProfileFile, '--user-data', options.userDataDir], {
    cwd: projectDir,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logLines: { event?: string }[] = [];
  const events: HostEvent[] = [];
  let stderr = '';
  let exit: number | string | null = null;
  const waiters = new Set<Waiter>();
  const settle = () => {
    for (const w of waiters) {
      if (w.check()) {
        waiters.delete(w);
        w.resolve();
      } else if (exit !== null) {
        waiters.delete(w);
        w.reject(new Error(`the browser host exited (${exit}):\n${stderr.slice(-4000)}`));
      }
    }
  };
  const waitFor = (check: () => boolean) =>
    new Promise<void>((resolve, reject) => {
      waiters.add({ check, resolve, reject });
      settle();
    });
  createInterface({ input: child.stderr }).on('line', (line) => {
    stderr += `${line}\n`;
    try {
      logLines.push(JSON.parse(line) as { event?: string });
    } catch {
      logLines.push({});
    }
    settle();
  });
  child.on('exit', (code, signal) => {
    exit = code ?? signal ?? 'unknown';
    settle();
  });

  /** Rejects only if the host exits (before it is ready, that is the answer; after, nobody waits on it). */
  const exitedEarly = waitFor(() => false);
  exitedEarly.catch(() => undefined);
  const [first] = (await Promise.race([once(createInterface({ input: child.stdout }), 'line'), exitedEarly])) as [string];
  const { url, origin } = JSON.parse(first) as { url: string; origin: string };
  const key = new URL(url).searchParams.get('k') ?? '';

  const stream = http.get(`${origin}${EVENTS_PATH}?k=${key}`);
  const streamOpen = new Promise<void>((resolve, reject) => {
    stream.on('error', reject);
    stream.on('response', (res) => {
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const name = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (name && data) events.push({ event: name, data: JSON.parse(data) });
        }
        settle();
      });
      resolve();
    });
  });
  await streamOpen;

  return {
    invoke: (channel, payload) =>
      new Promise((resolve, reject) => {
        const body = JSON.stringify({ payload });
        const req = http.request(`${origin}${INVOKE_PATH}${channel}`, { method: 'POST', headers: { origin, [KEY_HEADER]: key, 'content-type': 'application/json' } }, (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve(JSON.parse(text) as Result<unknown>));
        });
        req.on('error', reject);
        req.end(body);
      }),
    event: async (match) => {
      await waitFor(() => events.some(match));
      return events.find(match)!;
    },
    logged: (event, count) => waitFor(() => logLines.filter((l) => l.event === event).length >= count),
    exited: () => exit,
    async stop() {
      stream.destroy();
      if (exit !== null) return;
      const done = once(child, 'exit');
      child.kill('SIGTERM');
      await done;
    },
  };
}

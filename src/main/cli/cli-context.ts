/** What every CLI command shares: the services on the app's data folder, finding tenants and accounts by what a person types, output. */
import { spawn } from 'node:child_process';
import { printable } from '../../shared/printable';
import type { NoticeView } from '../../shared/ipc-contract';
import type { AccountView, TenantView } from '../../shared/view-types';
import { AppFailure } from '../../shared/result';
import type { AppServices } from '../app-services';
import { startCloud } from '../cloud-config';
import { createLogger } from '../logger';
import { externalHostAllowList, isSafeExternalUrl } from '../shell/security-policy';
import { packageVersion, startServices } from '../startup';

export interface GlobalOptions {
  /** `--cloud` or PAL_DESK_CLOUD; absent: the cloud saved in Settings, else the commercial cloud. */
  cloud?: string;
  simProfile?: string;
  userData: string;
  json?: boolean;
  /** Wait for another PAL Desk process's changes to end instead of exiting with code 6. */
  wait?: boolean;
}

/** One notice as a line of text. */
export const noticeLine = (n: NoticeView): string => `PAL Desk notice${n.id ? ` #${n.id}` : ''}${n.at ? ` (${n.at})` : ''}: ${n.message}`;

/** Runs a command on the services of the data folder, waiting for its jobs before closing; notices go to standard error first (unless `quiet`). */
export async function withServices(o: GlobalOptions, run: (s: AppServices) => Promise<void>, { quiet = false } = {}): Promise<void> {
  const { cloud, source: cloudSource } = startCloud({ cloudId: o.cloud, simProfilePath: o.simProfile, allowSim: true, userDataDir: o.userData });
  const allowed = externalHostAllowList(cloud);
  const services = await startServices({
    userDataDir: o.userData,
    cloud,
    cloudSource,
    host: 'cli',
    version: packageVersion(new URL('../../../package.json', import.meta.url)),
    log: createLogger((line) => (process.env.PAL_DESK_DEBUG ? process.stderr.write(`${line}\n`) : undefined)),
    emit: (event, payload) => void (event === 'notice' && !quiet && process.stderr.write(`${noticeLine(payload as NoticeView)}\n`)),
    keychainService: process.env.PAL_DESK_KEYCHAIN_SERVICE,
    waitForWriter: o.wait === true,
    workLeaseWhileOpen: true,
    writerStaleMs: process.env.PAL_DESK_WRITER_STALE_MS ? Number(process.env.PAL_DESK_WRITER_STALE_MS) : undefined,
    requestTimeoutMs: process.env.PAL_DESK_REQUEST_TIMEOUT_MS ? Number(process.env.PAL_DESK_REQUEST_TIMEOUT_MS) : undefined,
    clientId: process.env.PAL_DESK_CLIENT_ID,
    openBrowser: async (url) => {
      process.stderr.write(`Finish signing in in your browser:\n  ${url}\n`);
      if (!isSafeExternalUrl(url, allowed)) return;
      const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
      spawn(opener, [url], { stdio: 'ignore', detached: true }).on('error', () => undefined).unref();
    },
  });
  const kept = quiet ? [] : services.notices.list();
  for (const n of kept) process.stderr.write(`${noticeLine(n)}\n`);
  if (kept.length > 0) process.stderr.write('Run `pal-desk notices --ack` once you have read them.\n');
  try {
    await run(services);
    await services.idle();
  } finally {
    await services.close();
  }
}

/** Finds a tracked tenant by GUID, domain, name or local label. */
export function findTenant(s: AppServices, ref: string): TenantView {
  const key = ref.trim().toLowerCase();
  const match = s.tenants
    .list()
    .find((t) => t.tenantId === key || t.defaultDomain?.toLowerCase() === key || t.displayName.toLowerCase() === key || t.label?.toLowerCase() === key);
  if (!match) throw new AppFailure('unknown-tenant', `No tracked tenant matches "${ref}". Run \`pal-desk tenants list\`, or add it with \`pal-desk tenants add\`.`);
  return match;
}

/** Finds one of our accounts in a tenant by UPN, application (client) ID or PAL Desk's account id. */
export function findAccount(tenant: TenantView, ref: string): AccountView {
  const key = ref.trim().toLowerCase();
  const match = tenant.accounts.find((a) => a.identityId.toLowerCase() === key || a.username?.toLowerCase() === key);
  if (!match) {
    const known = tenant.accounts.map((a) => a.username ?? a.identityId).join(', ') || 'none';
    throw new AppFailure('invalid-input', `No account "${ref}" is signed in to ${tenant.label ?? tenant.displayName} (accounts there: ${known}).`);
  }
  return match;
}

/** Prints JSON for scripts (control characters escaped), or text for people with every control character and escape sequence removed. */
export const print = (o: GlobalOptions, value: unknown, text: string): void => {
  process.stdout.write(`${o.json ? JSON.stringify(value, null, 2) : printable(text, { multiline: true })}\n`);
};

/** Reads a secret from standard input (piped, or typed without echo being guaranteed: prefer a pipe or the environment). */
export async function readSecretFromStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Client secret (then Enter): ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    if (process.stdin.isTTY && chunk.includes(10)) break;
  }
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0]?.trim() ?? '';
}

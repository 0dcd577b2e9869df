/** What every CLI command shares: the services on the app's data folder, finding tenants and accounts by what a person types, output. */
import { spawn } from 'node:child_process';
import { inertJson, printable } from '../../shared/printable';
import type { NoticeView } from '../../shared/ipc-contract';
import type { AccountView, TenantView } from '../../shared/view-types';
import { AppFailure } from '../../shared/result';
import type { AppServices } from '../app-services';
import { startCloud } from '../cloud-config';
import { createNodeNetworkStack } from '../http/network-stack';
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
  /** `--ca-file` or PAL_DESK_CA_FILE: extra CAs added to Node's roots for sign-in and every API call. */
  caFile?: string;
}

/**
 * Text for a person, one item per line: the CLI's one way to its terminal (standard output or error). Every line loses its control
 * characters, escape sequences (an OSC 52 would write the clipboard) and bidi controls, and a line break inside an item (a customer's
 * name that holds one) becomes a space, so no name can forge a line. A single string is already laid out in lines (a table whose
 * cells are printable): only its line feeds are kept.
 */
export type Lines = string | readonly string[];

/** Writes `text` (see Lines) to standard output or error, each line ended. */
export function say(stream: 'stdout' | 'stderr', text: Lines): void {
  const lines = typeof text === 'string' ? [printable(text, { multiline: true })] : text.map((line) => printable(line));
  process[stream].write(lines.map((line) => `${line}\n`).join(''));
}

/** Writes JSON for scripts to standard output, every control and bidi character escaped (the values unchanged), ended by a line feed. */
export const sayJson = (json: string): void => void process.stdout.write(`${inertJson(json.replace(/\n$/, ''))}\n`);

/** One notice as a line of text. */
export const noticeLine = (n: NoticeView): string => `PAL Desk notice${n.id ? ` #${n.id}` : ''}${n.at ? ` (${n.at})` : ''}: ${n.message}`;

/** Runs a command on the services of the data folder, waiting for its jobs before closing; notices go to standard error first (unless `quiet`). */
export async function withServices(o: GlobalOptions, run: (s: AppServices) => Promise<void>, { quiet = false } = {}): Promise<void> {
  const { cloud, source: cloudSource } = startCloud({ cloudId: o.cloud, simProfilePath: o.simProfile, allowSim: true, userDataDir: o.userData });
  const allowed = externalHostAllowList(cloud);
  const services = await openServices(o, {
    userDataDir: o.userData,
    cloud,
    cloudSource,
    host: 'cli',
    version: packageVersion(new URL('../../../package.json', import.meta.url)),
    log: createLogger((line) => (process.env.PAL_DESK_DEBUG ? process.stderr.write(`${inertJson(line)}\n`) : undefined)),
    emit: (event, payload) => void (event === 'notice' && !quiet && say('stderr', [noticeLine(payload as NoticeView)])),
    keychainService: process.env.PAL_DESK_KEYCHAIN_SERVICE,
    waitForWriter: o.wait === true,
    busyTimeoutMs: process.env.PAL_DESK_BUSY_TIMEOUT_MS ? Number(process.env.PAL_DESK_BUSY_TIMEOUT_MS) : undefined,
    workLeaseWhileOpen: true,
    writerStaleMs: process.env.PAL_DESK_WRITER_STALE_MS ? Number(process.env.PAL_DESK_WRITER_STALE_MS) : undefined,
    requestTimeoutMs: process.env.PAL_DESK_REQUEST_TIMEOUT_MS ? Number(process.env.PAL_DESK_REQUEST_TIMEOUT_MS) : undefined,
    clientId: process.env.PAL_DESK_CLIENT_ID,
    network: createNodeNetworkStack({ cloudCaPem: cloud.caCertPem, caFile: o.caFile }),
    openBrowser: async (url) => {
      say('stderr', ['Finish signing in in your browser:', `  ${url}`]);
      if (!isSafeExternalUrl(url, allowed)) return;
      const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
      spawn(opener, [url], { stdio: 'ignore', detached: true }).on('error', () => undefined).unref();
    },
  });
  const kept = quiet ? [] : services.notices.list();
  if (kept.length > 0) say('stderr', [...kept.map(noticeLine), 'Run `pal-desk notices --ack` once you have read them.']);
  try {
    await run(services);
    await services.idle();
  } catch (error) {
    // The commands call the services directly: a busy or damaged inventory is told as the failure it is, not "unexpected".
    throw services.inventory.storage.explain(error) ?? error;
  } finally {
    await services.close();
  }
}

/** Starts the services; with --wait, an inventory another PAL Desk keeps locked is waited for (said once) instead of failing. */
async function openServices(o: GlobalOptions, options: Parameters<typeof startServices>[0]): Promise<AppServices> {
  for (let told = false; ; told = true) {
    try {
      return await startServices(options);
    } catch (error) {
      if (!o.wait || !(error instanceof AppFailure) || error.code !== 'inventory-busy') throw error;
      if (!told) process.stderr.write('Another PAL Desk is using this data; waiting for it (--wait)…\n');
    }
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

/** Prints JSON for scripts (every control and bidi character escaped, the values unchanged), or text for people (see Lines). */
export const print = (o: GlobalOptions, value: unknown, text: Lines): void => {
  if (o.json) sayJson(JSON.stringify(value, null, 2));
  else say('stdout', text);
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

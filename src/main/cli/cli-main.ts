/** `pal-desk`: the headless CLI on the same services, inventory and keychain as the app. Exit codes: see exit-codes.ts. */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import type { EmitEvent, Handlers } from '../../shared/ipc-contract';
import type { JobSummary } from '../../shared/job-types';
import { AppFailure } from '../../shared/result';
import type { TenantView } from '../../shared/view-types';
import { createAppServices, type AppServices } from '../app-services';
import { loadCloudProfile } from '../cloud-config';
import { evidenceCsv, evidenceJson } from '../evidence/evidence-export';
import { createLogger } from '../logger';
import { KeytarSecretStore } from '../secrets/keytar-secret-store';
import { externalHostAllowList, isSafeExternalUrl } from '../shell/security-policy';
import { tenantTable } from './cli-output';
import { EXIT, exitCodeForError, type ExitCode } from './exit-codes';
import { defaultUserDataDir } from './user-data-dir';

interface GlobalOptions {
  cloud: string;
  simProfile?: string;
  userData: string;
  json?: boolean;
}

const program = new Command('pal-desk')
  .description('Partner Admin Link across your customer tenants, from the command line (same data as the PAL Desk app).')
  .addOption(new Option('--cloud <cloud>', 'public, usgov, china or sim').default(process.env.PAL_DESK_CLOUD ?? 'public'))
  .option('--sim-profile <file>', 'simulated cloud profile (from `npm run sim`)', process.env.PAL_DESK_SIM_PROFILE)
  .option('--user-data <dir>', 'data folder shared with the app', process.env.PAL_DESK_USER_DATA ?? defaultUserDataDir())
  .option('--json', 'machine-readable output')
  .showHelpAfterError();

let exitCode: ExitCode = EXIT.ok;
const jobWaiters = new Map<string, (summary: JobSummary) => void>();
const finishedEarly = new Map<string, JobSummary>();

async function withServices(run: (h: Handlers, s: AppServices, o: GlobalOptions) => Promise<void>): Promise<void> {
  const o = program.opts<GlobalOptions>();
  const cloud = loadCloudProfile({ cloudId: o.cloud, simProfilePath: o.simProfile, allowSim: true });
  const emit: EmitEvent = (event, payload) => {
    if (event !== 'job:finished') return;
    const summary = payload as JobSummary;
    const waiter = jobWaiters.get(summary.jobId);
    if (waiter) waiter(summary);
    else finishedEarly.set(summary.jobId, summary);
  };
  const allowed = externalHostAllowList(cloud);
  const services = await createAppServices({
    userDataDir: o.userData,
    cloud,
    host: 'cli',
    version: (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version,
    log: createLogger((line) => (process.env.PAL_DESK_DEBUG ? process.stderr.write(`${line}\n`) : undefined)),
    emit,
    secrets: new KeytarSecretStore(process.env.PAL_DESK_KEYCHAIN_SERVICE),
    clientId: process.env.PAL_DESK_CLIENT_ID,
    openBrowser: async (url) => {
      process.stderr.write(`Finish signing in in your browser:\n  ${url}\n`);
      if (!isSafeExternalUrl(url, allowed)) return;
      const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
      spawn(opener, [url], { stdio: 'ignore', detached: true }).on('error', () => undefined).unref();
    },
  });
  try {
    await run(services.handlers, services, o);
    await services.idle();
  } finally {
    await services.close();
  }
}

const waitForJob = (jobId: string) =>
  new Promise<JobSummary>((resolve) => {
    const early = finishedEarly.get(jobId);
    if (early) resolve(early);
    else jobWaiters.set(jobId, resolve);
  });

/** Finds a tracked tenant by GUID, domain, name or local label. */
async function findTenant(h: Handlers, ref: string): Promise<TenantView> {
  const key = ref.trim().toLowerCase();
  const match = (await h['tenants:list']()).find(
    (t) => t.tenantId === key || t.defaultDomain?.toLowerCase() === key || t.displayName.toLowerCase() === key || t.label?.toLowerCase() === key,
  );
  if (!match) throw new AppFailure('unknown-tenant', `No tracked tenant matches "${ref}". Run \`pal-desk tenants list\`, or add it with \`pal-desk tenants add\`.`);
  return match;
}

const print = (o: GlobalOptions, value: unknown, text: string): void => {
  process.stdout.write(`${o.json ? JSON.stringify(value, null, 2) : text}\n`);
};

function jobExit(summary: JobSummary): ExitCode {
  if (summary.counts.failed > 0) return EXIT.failed;
  if (summary.counts['needs-sign-in'] > 0) return EXIT.needsSignIn;
  if (summary.counts['needs-confirmation'] > 0) return EXIT.needsConfirmation;
  return EXIT.ok;
}

const jobText = (s: JobSummary) =>
  `${s.counts.done} done, ${s.counts['needs-sign-in']} need sign-in, ${s.counts['needs-confirmation']} need confirmation, ${s.counts.failed} failed, ${s.counts.skipped} queued or skipped`;

const tenants = program.command('tenants').description('the customer tenants PAL Desk tracks');
tenants.command('list').description('every tracked tenant with its partner-link status').action(() =>
  withServices(async (h, _s, o) => {
    const list = await h['tenants:list']();
    print(o, list, list.length ? tenantTable(list) : 'No tenants yet. Add one with `pal-desk tenants add contoso.com`.');
  }),
);
tenants.command('add <domainOrTenantId>').description('track a customer tenant').action((query: string) =>
  withServices(async (h, _s, o) => {
    const view = await h['tenants:add']({ query });
    print(o, view, `Added ${view.displayName} (${view.tenantId}). Sign in with \`pal-desk signin --tenant ${view.tenantId}\`.`);
  }),
);
tenants
  .command('discover')
  .description('list the directories the account signed in to a tenant can reach')
  .requiredOption('--from <tenant>', 'a tenant you are signed in to')
  .option('--track', 'track every discovered customer tenant and sync it')
  .action((opts: { from: string; track?: boolean }) =>
    withServices(async (h, _s, o) => {
      const from = await findTenant(h, opts.from);
      const found = await h['tenants:discover']({ tenantId: from.tenantId });
      const fresh = found.filter((t) => !t.tracked && t.category !== 'Home').map((t) => t.tenantId);
      if (opts.track && fresh.length > 0) await h['tenants:track']({ tenantIds: fresh });
      print(o, found, found.map((t) => `${t.tracked || (opts.track && fresh.includes(t.tenantId)) ? '*' : ' '} ${t.tenantId}  ${t.displayName ?? ''}  ${t.defaultDomain ?? ''}`).join('\n'));
    }),
  );
program.command('signin').description('sign in to a tenant in your browser').requiredOption('--tenant <tenant>').action((opts: { tenant: string }) =>
  withServices(async (h, _s, o) => {
    const view = await h['auth:sign-in']({ tenantId: (await findTenant(h, opts.tenant)).tenantId });
    print(o, view, `Signed in to ${view.displayName} as ${view.identity?.username ?? '?'}.`);
  }),
);
program.command('set-partner-id <partnerId>').description('save your Associated (Location) MPN ID').action((partnerId: string) =>
  withServices(async (h, _s, o) => print(o, await h['settings:set-partner-id']({ partnerId }), 'Partner ID saved.')),
);
program.command('status').description('partner-link status of every tenant (last known, with its age)').action(() =>
  withServices(async (h, _s, o) => {
    const list = await h['tenants:list']();
    const linked = list.filter((t) => t.pal.status === 'linked').length;
    print(o, list, `${tenantTable(list)}\n\n${linked} of ${list.length} linked.`);
  }),
);
program.command('sync').description('read the partner link of every tenant (or some) from Azure').option('--tenant <tenant...>').action((opts: { tenant?: string[] }) =>
  withServices(async (h, s, o) => {
    await s.replayer.drain();
    const ids = opts.tenant ? await Promise.all(opts.tenant.map(async (t) => (await findTenant(h, t)).tenantId)) : undefined;
    const summary = await waitForJob((await h['inventory:sync']({ tenantIds: ids })).jobId);
    exitCode = jobExit(summary);
    print(o, summary, jobText(summary));
  }),
);
program
  .command('link')
  .description('link your partner ID (never replaces another partner unless --yes-replace)')
  .option('--tenant <tenant>')
  .option('--all', 'every tracked tenant')
  .option('--yes-replace', "replace another partner's ID")
  .action((opts: { tenant?: string; all?: boolean; yesReplace?: boolean }) =>
    withServices(async (h, _s, o) => {
      if (!opts.tenant === !opts.all) throw new AppFailure('invalid-input', 'Give either --tenant <tenant> or --all.');
      const targets = opts.all ? [] : [await findTenant(h, opts.tenant ?? '')];
      if (opts.all) {
        const summary = await waitForJob((await h['pal:link-all']()).jobId);
        exitCode = jobExit(summary);
        print(o, summary, jobText(summary));
        if (!opts.yesReplace) return;
        targets.push(...(await h['tenants:list']()).filter((t) => t.pal.status === 'other-partner'));
      }
      for (const tenant of targets) {
        let outcome = await h['pal:link']({ tenantId: tenant.tenantId });
        if (outcome.kind === 'needs-confirmation' && opts.yesReplace) outcome = await h['pal:link']({ tenantId: tenant.tenantId, confirmReplaceOf: outcome.otherPartnerId });
        if (outcome.kind === 'needs-confirmation') exitCode = EXIT.needsConfirmation;
        if (outcome.kind === 'queued') exitCode = EXIT.queued;
        if (!opts.all) exitCode = outcome.kind === 'needs-confirmation' ? EXIT.needsConfirmation : outcome.kind === 'queued' ? EXIT.queued : EXIT.ok;
        print(o, outcome, `${tenant.displayName}: ${outcome.kind}${outcome.kind === 'needs-confirmation' ? ` (partner ID ${outcome.otherPartnerId} is linked; add --yes-replace to replace it)` : ''}`);
      }
    }),
  );
program
  .command('unlink')
  .description('remove the partner link in one tenant')
  .requiredOption('--tenant <tenant>')
  .option('--partner-id <id>', 'the linked ID to remove (default: your partner ID)')
  .action((opts: { tenant: string; partnerId?: string }) =>
    withServices(async (h, _s, o) => {
      const tenant = await findTenant(h, opts.tenant);
      const partnerId = opts.partnerId ?? (await h['settings:get']()).partnerId;
      if (!partnerId) throw new AppFailure('invalid-partner-id', 'Set your partner ID first, or pass --partner-id.');
      const outcome = await h['pal:unlink']({ tenantId: tenant.tenantId, partnerId });
      exitCode = outcome.kind === 'needs-confirmation' ? EXIT.needsConfirmation : outcome.kind === 'queued' ? EXIT.queued : EXIT.ok;
      print(o, outcome, `${tenant.displayName}: ${outcome.kind}`);
    }),
  );
program
  .command('export')
  .description('evidence: partner-link status of every tenant and the audit log')
  .addOption(new Option('--format <format>').choices(['csv', 'json']).default('csv'))
  .option('--out <file>', 'write to a file instead of standard output')
  .action((opts: { format: 'csv' | 'json'; out?: string }) =>
    withServices(async (h) => {
      const evidence = {
        generatedAt: new Date().toISOString(),
        partnerId: (await h['settings:get']()).partnerId,
        tenants: await h['tenants:list'](),
        audit: await h['audit:list']({ limit: 1000 }),
      };
      const text = opts.format === 'json' ? evidenceJson(evidence) : evidenceCsv(evidence);
      if (opts.out) writeFileSync(opts.out, text, { mode: 0o600 });
      else process.stdout.write(text);
    }),
  );

try {
  await program.parseAsync(process.argv);
  process.exitCode = exitCode;
} catch (error) {
  const failure = error instanceof AppFailure ? error : null;
  process.stderr.write(`${failure?.message ?? 'Unexpected error; run again with PAL_DESK_DEBUG=1 for details.'}\n`);
  process.exitCode = failure ? exitCodeForError(failure.code) : EXIT.failed;
}

/** `pal-desk`: the headless CLI on the same services, inventory and keychain as the app. Exit codes: see exit-codes.ts. */
import { Command, CommanderError, Option } from 'commander';
import { z } from 'zod';
import type { Verdict } from '../../shared/checklist-types';
import type { JobProblem, JobSummary } from '../../shared/job-types';
import type { AccountLinkResult, TenantLinkResult } from '../../shared/pal-types';
import { REAL_CLOUDS } from '../../shared/cloud-profile';
import { AppFailure } from '../../shared/result';
import { isDefaultClient } from '../../shared/sign-in-app';
import type { AppServices } from '../app-services';
import { CLOUD_IDS, startCloud } from '../cloud-config';
import { writePrivateFile } from '../inventory/file-modes';
import { findAccount, findTenant as findTrackedTenant, noticeLine, print, readSecretFromStdin, say, sayJson, withServices, type GlobalOptions } from './cli-context';
import { cloudHosts, cloudHostsText, cloudListing, cloudsText } from './cloud-output';
import { accountTable, checklistTable, checklistTotals, coverageText, emptyChecklistText, partialCoverage, signInAppText, staleFactLines, tenantTable } from './cli-output';
import { doctorExit, doctorText } from './doctor-output';
import { EXIT, EXIT_HELP, exitCodeForError, type ExitCode } from './exit-codes';
import { nextStep } from './next-step';
import { defaultUserDataDir } from './user-data-dir';

const program = new Command('pal-desk')
  .description('Partner Admin Link across your customer tenants, from the command line (same data as the PAL Desk app).')
  .addOption(new Option('--cloud <cloud>', `${CLOUD_IDS} (default: the cloud chosen in Settings, else public)`).default(process.env.PAL_DESK_CLOUD || undefined))
  .option('--sim-profile <file>', 'simulated cloud profile (from `npm run sim`)', process.env.PAL_DESK_SIM_PROFILE)
  .option('--user-data <dir>', 'data folder shared with the app', process.env.PAL_DESK_USER_DATA ?? defaultUserDataDir())
  .option('--ca-file <pem>', "extra CA certificates (PEM) to trust besides Node's own, e.g. your network's TLS-inspecting gateway", process.env.PAL_DESK_CA_FILE || undefined)
  .option('--json', 'machine-readable output')
  .option('--wait', 'wait while another PAL Desk process (the app, another terminal) is making changes, instead of exiting with code 6')
  .addHelpText('after', `\n${EXIT_HELP}`)
  .showHelpAfterError()
  // Before any command is added, so every subcommand inherits them: option errors become exit code 2 below, and are printed safely.
  .exitOverride()
  .configureOutput({ writeErr: (text) => say('stderr', text.replace(/\n$/, '')) });

let exitCode: ExitCode = EXIT.ok;
/** Keeps the most serious exit code seen (a failure outranks a pending decision, which outranks a queued action). */
const worse = (code: ExitCode) => {
  const rank: ExitCode[] = [EXIT.ok, EXIT.notAttributed, EXIT.partialCoverage, EXIT.unknown, EXIT.queued, EXIT.needsSignIn, EXIT.needsConfirmation, EXIT.writerBusy, EXIT.usage, EXIT.failed, EXIT.damagedData];
  if (rank.indexOf(code) > rank.indexOf(exitCode)) exitCode = code;
};
const run = (body: Parameters<typeof withServices>[1]) => withServices(program.opts<GlobalOptions>(), body);
const opts = () => program.opts<GlobalOptions>();
/** Runs a command that reads the inventory: while a kept notice says inventory data was lost, it exits 7 after its output. */
const runReading = (body: Parameters<typeof withServices>[1]) =>
  run(async (s) => {
    await body(s);
    if (s.notices.dataLoss().length > 0) worse(EXIT.damagedData);
  });

/** The tenant the command acts on, so a failure that needs a sign-in can say which command fixes it. */
let actingOn: string | undefined;
const findTenant = (s: AppServices, ref: string) => {
  const tenant = findTrackedTenant(s, ref);
  actingOn = tenant.tenantId;
  return tenant;
};

function jobExit(summary: JobSummary): ExitCode {
  // A link all that lost the writer lock to another process while paused stopped its remaining tenants with that reason.
  const lost = summary.problems.filter((p) => p.code === 'writer-lost').length;
  if (summary.counts.failed > lost) return EXIT.failed;
  if (lost > 0) return EXIT.writerBusy;
  if (summary.counts['needs-sign-in'] > 0) return EXIT.needsSignIn;
  if (summary.counts['needs-confirmation'] > 0) return EXIT.needsConfirmation;
  // Link all marks a tenant whose links were queued (Azure unreachable) as skipped.
  if (summary.kind === 'link-all' && summary.counts.skipped > 0) return EXIT.queued;
  return EXIT.ok;
}

const problemStatus = (p: JobProblem, s: JobSummary) =>
  ({ failed: 'failed', 'needs-sign-in': 'needs sign-in', 'needs-confirmation': 'needs confirmation', skipped: s.kind === 'link-all' ? 'queued' : 'skipped' })[p.status];

/** The counts, then one line for each tenant that did not end done: its name, what happened, why, and what to run next. */
const jobLines = (s: JobSummary) => [
  `${s.counts.done} done, ${s.counts['needs-sign-in']} need sign-in, ${s.counts['needs-confirmation']} need confirmation, ${s.counts.failed} failed, ${s.counts.skipped} queued or skipped`,
  ...s.problems.map((p) => {
    const next = nextStep(p.code ?? (p.status === 'needs-sign-in' ? 'interaction-required' : undefined), p.tenantId);
    return `  ${p.tenantName}: ${problemStatus(p, s)}${p.message ? ` — ${p.message}` : ''}${next}`;
  }),
];

/** One line per account of a link result, and its exit code. */
function linkLines(name: string, result: TenantLinkResult): { lines: string[]; code: ExitCode } {
  let code: ExitCode = EXIT.ok;
  const lines = result.accounts.map((a: AccountLinkResult) => {
    if ('error' in a) {
      code = exitCodeForError(a.error.code);
      const status = a.error.code === 'partner-link-api-unknown' ? 'unknown' : 'failed';
      return `${name}: ${status} (${a.account}): ${a.error.message}${nextStep(a.error.code, result.tenantId)}`;
    }
    const o = a.outcome;
    if (o.kind === 'needs-confirmation') code = EXIT.needsConfirmation;
    if (o.kind === 'queued' && code === EXIT.ok) code = EXIT.queued;
    const extra =
      o.kind === 'needs-confirmation'
        ? `: partner ID ${o.otherPartnerId} is linked; add --yes-replace to replace it`
        : o.kind === 'queued' && o.retryAt
          ? `: Azure asked to wait; it is sent after ${new Date(o.retryAt).toLocaleString('en-GB')}`
          : '';
    return `${name}: ${o.kind} (${a.account})${extra}`;
  });
  return { lines, code };
}

program
  .command('clouds')
  .description('every national cloud PAL Desk can use (--cloud): its endpoints, token scopes, Dataverse hosts, and whether Microsoft documents the Partner Admin Link API there')
  .option('--hosts', "only the hosts PAL Desk connects to in the cloud in use (what a customer's proxy or firewall must allow)")
  .action((o: { hosts?: boolean }) => {
    const { cloud } = startCloud({ cloudId: opts().cloud, simProfilePath: opts().simProfile, allowSim: true, userDataDir: opts().userData });
    if (o.hosts) return print(opts(), cloudHosts(cloud), cloudHostsText(cloud));
    print(opts(), REAL_CLOUDS.map((c) => cloudListing(c, cloud.id)), cloudsText(REAL_CLOUDS, cloud.id));
  });

const tenants = program.command('tenants').description('the customer tenants PAL Desk tracks');
tenants.command('list').description('every tracked tenant with its accounts and partner-link status').action(() =>
  runReading(async (s) => {
    const list = s.tenants.list();
    print(opts(), list, list.length ? `${tenantTable(list)}${staleFactLines(list)}` : 'No tenants yet. Add one with `pal-desk tenants add contoso.com`.');
  }),
);
tenants.command('add <domainOrTenantId>').description('track a customer tenant (an account you already signed in with is tried first)').action((query: string) =>
  run(async (s) => {
    const view = await s.tenants.add(query);
    const signedIn = view.accounts.filter((a) => a.signIn === 'signed-in').map((a) => a.username ?? a.identityId);
    const next = signedIn.length
      ? `Signed in without a browser as ${signedIn.join(', ')}.`
      : `Sign in with \`pal-desk signin --tenant ${view.tenantId}\`.`;
    print(opts(), view, [`Added ${view.displayName} (${view.tenantId}). ${next}`]);
  }),
);
tenants
  .command('discover')
  .description('list the directories the account signed in to a tenant can reach')
  .requiredOption('--from <tenant>', 'a tenant you are signed in to')
  .option('--track', 'track every discovered customer tenant and sync it')
  .action((o: { from: string; track?: boolean }) =>
    run(async (s) => {
      const found = await s.tenants.discover(findTenant(s, o.from).tenantId);
      const fresh = found.filter((t) => !t.tracked && t.category !== 'Home').map((t) => t.tenantId);
      if (o.track && fresh.length > 0) await s.jobs.wait(s.sync.trackAndSync(fresh).jobId);
      print(opts(), found, found.map((t) => `${t.tracked || (o.track && fresh.includes(t.tenantId)) ? '*' : ' '} ${t.tenantId}  ${t.displayName ?? ''}  ${t.defaultDomain ?? ''}`));
    }),
  );

const accounts = program.command('accounts').description('your accounts in each customer tenant (users, guests, service principals)');
accounts.command('list').description('every account in every tenant (or one), with its own partner link').option('--tenant <tenant>').action((o: { tenant?: string }) =>
  runReading(async (s) => {
    const list = o.tenant ? [findTenant(s, o.tenant)] : s.tenants.list();
    print(opts(), list.map((t) => ({ tenantId: t.tenantId, name: t.label ?? t.displayName, accounts: t.accounts })), accountTable(list));
  }),
);
accounts
  .command('default')
  .description('the account used for actions in a tenant when none is named')
  .requiredOption('--tenant <tenant>')
  .requiredOption('--account <account>', 'UPN or application (client) ID')
  .action((o: { tenant: string; account: string }) =>
    run(async (s) => {
      const tenant = findTenant(s, o.tenant);
      const view = s.accounts.setDefault(tenant.tenantId, findAccount(tenant, o.account).identityId);
      print(opts(), view, [`${o.account} is now the default account in ${view.label ?? view.displayName}.`]);
    }),
  );

program
  .command('signin')
  .description('add an account to a tenant: a user in your browser (another account is added next to the first), or a service principal')
  .requiredOption('--tenant <tenant>')
  .option('--account <account>', 'sign this account in again (UPN)')
  .option('--service-principal <clientId>', 'add a service principal; its secret is read from standard input or PAL_DESK_CLIENT_SECRET, never from the command line')
  .action((o: { tenant: string; account?: string; servicePrincipal?: string }) => {
    if (o.servicePrincipal !== undefined && !z.guid().safeParse(o.servicePrincipal).success) {
      throw new AppFailure('invalid-input', `"${o.servicePrincipal}" is not an application (client) ID: give the GUID shown on the app registration.`);
    }
    return run(async (s) => {
      const tenant = findTenant(s, o.tenant);
      if (o.servicePrincipal) {
        const secret = process.env.PAL_DESK_CLIENT_SECRET ?? (await readSecretFromStdin());
        if (!secret) throw new AppFailure('invalid-input', 'No client secret: pipe it on standard input or set PAL_DESK_CLIENT_SECRET.');
        const view = await s.accounts.addServicePrincipal(tenant.tenantId, o.servicePrincipal, secret);
        return print(opts(), view, [`Added service principal ${o.servicePrincipal} to ${view.displayName}; its secret is in your OS keychain.`]);
      }
      const again = o.account ? findAccount(tenant, o.account).identityId : undefined;
      const before = new Set(tenant.accounts.map((a) => a.identityId));
      const view = await s.accounts.signIn(tenant.tenantId, again);
      const added = view.accounts.find((a) => !before.has(a.identityId));
      const who = (added ?? view.accounts.find((a) => a.identityId === again) ?? view.accounts[0])?.username ?? '?';
      print(opts(), view, [`Signed in to ${view.displayName} as ${who}${added && before.size > 0 ? ` (added next to ${before.size} other account${before.size === 1 ? '' : 's'})` : ''}.`]);
    });
  });
program
  .command('signout')
  .description('sign an account out of a tenant (or everywhere)')
  .requiredOption('--tenant <tenant>')
  .option('--account <account>', 'UPN or application (client) ID (default: the tenant\'s default account)')
  .option('--everywhere', 'sign the user account out of every tenant')
  .action((o: { tenant: string; account?: string; everywhere?: boolean }) =>
    run(async (s) => {
      const tenant = findTenant(s, o.tenant);
      const identityId = o.account ? findAccount(tenant, o.account).identityId : undefined;
      if (o.everywhere) return print(opts(), await s.accounts.signOutEverywhere(tenant.tenantId, identityId), 'Signed out everywhere.');
      const view = await s.accounts.signOut(tenant.tenantId, identityId);
      print(opts(), view, [`Signed out of ${view.displayName}.`]);
    }),
  );
program.command('set-partner-id <partnerId>').description('save your Associated (Location) MPN ID').action((partnerId: string) =>
  run(async (s) => print(opts(), s.settings.setPartnerId(partnerId), 'Partner ID saved.')),
);
const settings = program.command('settings').description('your settings, shared with the app');
settings
  .command('client-id [clientId]')
  .description("the sign-in application: your firm's own multi-tenant app registration, or `default`; without an ID, the one in use and what to register")
  .action((clientId: string | undefined) =>
    run(async (s) => {
      if (clientId === undefined) return print(opts(), { clientId: s.auth.clientId, default: isDefaultClient(s.auth.clientId) }, signInAppText(s.auth.clientId));
      const saved = s.settings.setClientId(clientId.toLowerCase() === 'default' ? null : clientId);
      const next = saved.clientId
        ? `PAL Desk signs in with ${saved.clientId} from its next start. Send each customer's admin the link from \`pal-desk consent-link --tenant <tenant>\`.`
        : 'PAL Desk signs in with its default app from its next start.';
      print(opts(), saved, next);
    }),
  );
program
  .command('consent-link')
  .description("the admin-consent link of the sign-in app in use for one customer: their admin opens it once to approve your firm's app")
  .requiredOption('--tenant <tenant>', 'a tracked tenant, or a tenant ID')
  .action((o: { tenant: string }) =>
    run(async (s) => {
      const guid = z.guid().safeParse(o.tenant.trim());
      const tenant = guid.success ? (s.tenants.list().find((t) => t.tenantId === guid.data.toLowerCase()) ?? null) : findTenant(s, o.tenant);
      const tenantId = tenant?.tenantId ?? (guid.success ? guid.data.toLowerCase() : '');
      if (isDefaultClient(s.auth.clientId)) {
        throw new AppFailure(
          'invalid-input',
          "PAL Desk signs in with its default app, Microsoft's Azure CLI client (a first-party app): an admin-consent link cannot change what it may call. Register your firm's own app and save it with `pal-desk settings client-id <id>` (run `pal-desk settings client-id` for what to register).",
        );
      }
      const url = s.auth.adminConsentUrl(tenantId);
      const name = tenant ? (tenant.label ?? tenant.displayName) : tenantId;
      print(opts(), { tenantId, name, clientId: s.auth.clientId, adminConsentUrl: url }, [`Admin-consent link for ${name} (send it to their admin; they open it once):`, url]);
    }),
  );
program.command('status').description('partner-link status of every tenant and account (last known, with its age)').action(() =>
  runReading(async (s) => {
    const list = s.tenants.list();
    const linked = list.filter((t) => t.pal.status === 'linked').length;
    print(opts(), list, `${tenantTable(list)}${staleFactLines(list)}\n\n${linked} of ${list.length} tenants fully linked.`);
  }),
);
program
  .command('checklist')
  .description('the attribution checklist: for every app, flow, dataset and Customer Insights instance, whether Microsoft credits you, why, and what to do')
  .option('--tenant <tenant>')
  .addOption(new Option('--verdict <verdict>', 'only resources with this verdict').choices(['attributed', 'at-risk', 'not-attributed', 'unknown']))
  .action((o: { tenant?: string; verdict?: Verdict }) =>
    runReading(async (s) => {
      const tenantId = o.tenant ? findTenant(s, o.tenant).tenantId : undefined;
      const { resources, summary } = tenantId ? s.checklist.forTenant(tenantId, o.verdict) : s.checklist.all();
      const shown = tenantId || !o.verdict ? resources : resources.filter((r) => r.verdict === o.verdict);
      const coverage = s.checklist.coverage(tenantId ? [tenantId] : undefined);
      if (shown.some((r) => r.verdict !== 'attributed')) worse(EXIT.notAttributed);
      if (partialCoverage(coverage)) worse(EXIT.partialCoverage);
      const label = (id: string) => s.views.label(id);
      const totals = checklistTotals(summary, 'tenants' in summary ? summary.coverage : undefined);
      const text = `${checklistTable(shown, label, emptyChecklistText(coverage, summary.all.total, o.verdict))}\n\n${totals}${coverageText(coverage, label, tenantId !== undefined)}`;
      print(opts(), { summary, resources: shown, coverage }, text);
    }),
  );
program.command('sync').description('read every tenant (or some) from Azure').option('--tenant <tenant...>').action((o: { tenant?: string[] }) =>
  runReading(async (s) => {
    const ids = o.tenant?.map((t) => findTenant(s, t).tenantId);
    await s.replayer.drain();
    const summary = await s.jobs.wait(s.sync.sync(ids).jobId);
    worse(jobExit(summary));
    // What each tenant that synced covers: a product denied or read in maker scope only is said, and exits 10.
    const synced = ids ?? s.inventory.tenants.ids({ includeArchived: false });
    const coverage = s.checklist.coverage(synced).filter((t) => !summary.problems.some((p) => p.tenantId === t.tenantId));
    if (partialCoverage(coverage)) worse(EXIT.partialCoverage);
    // The counts, then the coverage section after one blank line (coverageText begins with two line breaks).
    print(opts(), { ...summary, coverage }, [...jobLines(summary), ...coverageText(coverage, (id) => s.views.label(id)).split('\n').slice(1)]);
  }),
);
program
  .command('link')
  .description('link your partner ID for every account of yours in a tenant, or all tenants (never replaces another partner unless --yes-replace)')
  .option('--tenant <tenant>')
  .option('--account <account>', 'only this account (UPN or application ID)')
  .option('--all', 'every tracked tenant')
  .option('--yes-replace', "replace another partner's ID")
  .action((o: { tenant?: string; account?: string; all?: boolean; yesReplace?: boolean }) => {
    if (!o.tenant === !o.all) throw new AppFailure('invalid-input', 'Give either --tenant <tenant> or --all.');
    if (o.all && o.account) throw new AppFailure('invalid-input', '--account goes with --tenant, not with --all.');
    return run(async (s) => {
      const single = o.all ? undefined : findTenant(s, o.tenant ?? '');
      const identityId = single && o.account ? findAccount(single, o.account).identityId : undefined;
      const targets = single ? [single] : [];
      if (o.all) {
        const summary = await s.jobs.wait((await s.sync.linkAll()).jobId);
        worse(jobExit(summary));
        print(opts(), summary, jobLines(summary));
        if (!o.yesReplace) return;
        targets.push(...s.tenants.list().filter((t) => t.accounts.some((a) => a.pal.status === 'other-partner')));
      }
      for (const tenant of targets) {
        const name = tenant.label ?? tenant.displayName;
        actingOn = tenant.tenantId;
        const result = await s.pal.link(tenant.tenantId, { identityId });
        const accountsResult = await Promise.all(
          result.accounts.map(async (a) =>
            o.yesReplace && 'outcome' in a && a.outcome.kind === 'needs-confirmation'
              ? ((await s.pal.link(tenant.tenantId, { identityId: a.identityId, confirmReplaceOf: a.outcome.otherPartnerId })).accounts[0] ?? a)
              : a,
          ),
        );
        const { lines, code } = linkLines(name, { ...result, accounts: accountsResult });
        if (!o.all) exitCode = code;
        else worse(code);
        print(opts(), { ...result, accounts: accountsResult }, [...(result.note ? [result.note] : []), ...lines]);
      }
    });
  });
program
  .command('unlink')
  .description('remove the partner link of one account in one tenant')
  .requiredOption('--tenant <tenant>')
  .option('--account <account>', 'UPN or application ID (default: the tenant\'s default account)')
  .option('--partner-id <id>', 'the linked ID to remove (default: your partner ID)')
  .action((o: { tenant: string; account?: string; partnerId?: string }) =>
    run(async (s) => {
      const tenant = findTenant(s, o.tenant);
      if (o.partnerId?.trim() === '') throw new AppFailure('invalid-partner-id', '--partner-id is empty: give the partner ID to remove (digits only), or leave the option out to remove yours.');
      const partnerId = o.partnerId ?? s.settings.get().partnerId;
      if (!partnerId) throw new AppFailure('invalid-partner-id', 'Set your partner ID first, or pass --partner-id.');
      const outcome = await s.pal.unlink(tenant.tenantId, partnerId, o.account ? findAccount(tenant, o.account).identityId : undefined);
      exitCode = outcome.kind === 'needs-confirmation' ? EXIT.needsConfirmation : outcome.kind === 'queued' ? EXIT.queued : EXIT.ok;
      print(opts(), outcome, [`${tenant.displayName}: ${outcome.kind}`]);
    }),
  );
program
  .command('doctor')
  .description('check, read-only, what each of your accounts in a tenant can reach: silent tokens, a first page of each API, the scope it proves (the JSON is safe to attach to a support report)')
  .requiredOption('--tenant <tenant>')
  .option('--account <account>', 'only this account (UPN or application ID)')
  .action((o: { tenant: string; account?: string }) =>
    run(async (s) => {
      const tenant = findTenant(s, o.tenant);
      const report = await s.doctor.check(tenant.tenantId, o.account ? findAccount(tenant, o.account).identityId : undefined);
      exitCode = doctorExit(report);
      print(opts(), report, doctorText(report));
    }),
  );
program
  .command('export')
  .description('evidence: partner-link status of every tenant and account, the attribution checklist and the audit log')
  .addOption(new Option('--format <format>').choices(['csv', 'json']).default('csv'))
  .addOption(new Option('--what <part>', 'one part only, or all of it').choices(['status', 'checklist', 'audit', 'all']).default('all'))
  .option('--out <file>', 'write to a file (readable by you only) instead of standard output')
  .action((o: { format: 'csv' | 'json'; what: 'status' | 'checklist' | 'audit' | 'all'; out?: string }) =>
    runReading(async (s) => {
      const text = s.evidence.file({ what: o.what, format: o.format }).content;
      if (o.out) writePrivateFile(o.out, text);
      else if (o.format === 'json') sayJson(text);
      else say('stdout', text.replace(/\n$/, ''));
    }),
  );
program
  .command('notices')
  .description('what PAL Desk found wrong at start (damaged data, sign-ins set aside), kept until you acknowledge it')
  .option('--ack', 'acknowledge every notice listed')
  .action((o: { ack?: boolean }) =>
    withServices(
      opts(),
      async (s) => {
        const list = s.notices.list();
        if (o.ack) for (const n of list) if (n.id) s.notices.acknowledge(n.id);
        const next = o.ack ? `${list.length} acknowledged.` : 'Run `pal-desk notices --ack` once you have read them.';
        print(opts(), list, list.length === 0 ? 'No notices.' : [...list.map(noticeLine), next]);
      },
      { quiet: true },
    ),
  );

try {
  await program.parseAsync(process.argv);
  process.exitCode = exitCode;
} catch (error) {
  if (error instanceof CommanderError) {
    // Commander has printed its message (or the help, or the version); a usage error is bad input, like any other.
    process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  } else {
    const failure = error instanceof AppFailure ? error : null;
    const tenantId = typeof failure?.detail?.tenantId === 'string' ? failure.detail.tenantId : actingOn;
    const message = failure ? `${failure.message}${nextStep(failure.code, tenantId)}` : 'Unexpected error; run again with PAL_DESK_DEBUG=1 for details.';
    say('stderr', [message]);
    process.exitCode = failure ? exitCodeForError(failure.code) : EXIT.failed;
  }
}

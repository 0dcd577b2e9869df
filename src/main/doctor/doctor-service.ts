/** `pal-desk doctor` and "Check connection": for our accounts in one tenant, each silent token and a first page of each API, read-only. */
import { dataverseOrigin, type CloudProfile } from '../../shared/cloud-profile';
import type { DoctorAccountReport, DoctorApiLine, DoctorReport, DoctorTokenLine } from '../../shared/doctor-types';
import type { EnvironmentFact } from '../../shared/power-platform-types';
import { AppFailure } from '../../shared/result';
import { identityLabelOf, identityRefOf, type IdentityRef, type TenantIdentity } from '../domain/identity';
import type { ClientRegistry } from '../http/client-registry';
import { itemsOf } from '../http/paging';
import * as checks from './api-checks';
import { conclude, type AccountFacts } from './conclusions';
import { failureOf, probe } from './probe';
import type { PowerBiAdminBudget } from '../powerplatform/power-bi-budget';

export interface DoctorDeps {
  cloud: CloudProfile;
  clients: Pick<ClientRegistry, 'rest'>;
  /** A silent token (AuthService.getToken): never a browser. */
  token(tenantId: string, identity: IdentityRef, scope: string, label: string): Promise<unknown>;
  /** Our accounts in the tenant, the default first. */
  accounts(tenantId: string): TenantIdentity[];
  label(tenantId: string): string;
  /** The tenant's environments as last synced (for Dataverse instances the BAP lists may not show). */
  environments(tenantId: string): EnvironmentFact[];
  partnerId(): string | null;
  /** Power BI's admin-call budget shared with every sync of this data folder: the admin check spends one `admin/groups` call of it. */
  powerBiAdminBudget: Pick<PowerBiAdminBudget, 'take'>;
}

interface Environment {
  id: string;
  instanceUrl: string | null;
}

const environmentsOf = (body: unknown): Environment[] =>
  itemsOf<{ name?: string; properties?: { linkedEnvironmentMetadata?: { instanceUrl?: string } } }>(body).flatMap((e) =>
    e.name ? [{ id: e.name, instanceUrl: e.properties?.linkedEnvironmentMetadata?.instanceUrl ?? null }] : [],
  );

export class DoctorService {
  readonly #d: DoctorDeps;

  constructor(deps: DoctorDeps) {
    this.#d = deps;
  }

  /** Checks every account of ours in the tenant, or the one named; nothing is written anywhere. */
  async check(tenantId: string, identityId?: string): Promise<DoctorReport> {
    const label = this.#d.label(tenantId);
    const all = this.#d.accounts(tenantId);
    const accounts = identityId ? all.filter((a) => a.identityId === identityId) : all;
    if (identityId && accounts.length === 0) throw new AppFailure('not-found', `That account is not signed in to ${label} in PAL Desk. Sign in with it first.`);
    if (accounts.length === 0) throw new AppFailure('interaction-required', `Nobody is signed in to ${label} yet: sign in, then check the connection.`);
    const reports: DoctorAccountReport[] = [];
    for (const account of accounts) reports.push(await this.#account(tenantId, label, account));
    const passed = reports.every((r) => r.tokens.every((t) => t.outcome === 'pass') && r.apis.every((a) => a.outcome !== 'fail'));
    return { tenantId, tenantName: label, cloud: this.#d.cloud.id, checkedAt: new Date().toISOString(), passed, accounts: reports };
  }

  async #account(tenantId: string, label: string, account: TenantIdentity): Promise<DoctorAccountReport> {
    const { cloud } = this.#d;
    const ref = identityRefOf(account);
    const who = identityLabelOf(account);
    const tokens = new Map<string, DoctorTokenLine>();
    const apis: DoctorApiLine[] = [];
    const audienceOf = (scope: string) => AUDIENCES(cloud).find(([s]) => s === scope)?.[1] ?? `Dataverse (${new URL(scope.replace(/\/\.default$/, '')).host})`;

    const token = async (scope: string): Promise<DoctorTokenLine> => {
      const known = tokens.get(scope);
      if (known) return known;
      const line: DoctorTokenLine = { audience: audienceOf(scope), resource: scope.replace(/\/\.default$/, ''), outcome: 'pass', failure: null };
      try {
        await this.#d.token(tenantId, ref, scope, label);
      } catch (error) {
        line.outcome = 'fail';
        line.failure = failureOf(error instanceof AppFailure ? error : new AppFailure('internal', `Signing in to ${label} failed unexpectedly. Try again.`));
      }
      tokens.set(scope, line);
      return line;
    };

    /** Runs one check: its token first (no call without one), then the GET; returns the body of an answer. */
    const run = async (check: checks.ApiCheck): Promise<unknown> => {
      const request = `GET ${check.url.split('?')[0] ?? check.url}`;
      const base = { api: check.api, name: check.name, request };
      const t = await token(check.scope);
      if (t.outcome === 'fail') {
        apis.push({ ...base, status: null, requestId: null, ms: null, outcome: 'not-checked', proved: `not called: no ${t.audience} token (see its line)`, failure: null });
        return undefined;
      }
      const r = await probe(this.#d.clients.rest(tenantId, ref, check.scope, label), check.url, { service: t.audience, tenant: label });
      const reading = r.status === null ? null : check.read(r.status, r.body);
      const failure = reading ? null : (r.failure ?? { code: 'internal', message: `${check.name} gave an answer PAL Desk cannot read (HTTP ${r.status ?? '?'}).`, aadsts: null });
      apis.push({ ...base, status: r.status, requestId: r.requestId, ms: r.ms, outcome: reading?.outcome ?? 'fail', proved: reading?.proved ?? 'nothing: the call failed', failure });
      return reading ? r.body : undefined;
    };

    for (const [scope] of AUDIENCES(cloud)) await token(scope);
    const link = await run(checks.partnerLinkCheck(cloud));
    const admin = await run(checks.bapAdminCheck(cloud));
    const maker = await run(checks.bapMakerCheck(cloud));
    let partial = false;
    /** Every environment of a BAP list: the first page's, then the pages after it (when one of those fails, counts say "at least"). */
    const everyPage = async (body: unknown): Promise<Environment[] | undefined> => {
      if (body === undefined) return undefined;
      const next = (body as { nextLink?: unknown }).nextLink;
      if (typeof next !== 'string') return environmentsOf(body);
      const rest = await this.#d.clients
        .rest(tenantId, ref, cloud.scopes.powerApps, label)
        .all<unknown>(next)
        .catch(() => ((partial = true), []));
      return [...environmentsOf(body), ...environmentsOf({ value: rest })];
    };
    const adminList = await everyPage(admin);
    const makerList = await everyPage(maker);
    const synced = this.#d.environments(tenantId).map((e) => ({ id: e.environmentId, instanceUrl: e.dataverseUrl }));
    const environments = [...(adminList ?? []), ...(makerList ?? []), ...synced];
    const first = environments[0];
    const skipped = (api: DoctorApiLine['api'], name: string) => apis.push({ api, name, request: '', status: null, requestId: null, ms: null, outcome: 'not-checked', proved: 'not called: no environment is known in this tenant', failure: null });
    if (first) {
      await run(checks.powerAppsAdminCheck(cloud, first.id));
      await run(checks.flowAdminCheck(cloud, first.id));
    } else {
      skipped('power-apps-admin-apps', 'Power Apps admin apps');
      skipped('flow-admin-flows', 'Flow admin flows');
    }
    await run(checks.powerBiGroupsCheck(cloud));
    const budget = spend(() => this.#d.powerBiAdminBudget.take(tenantId, label, 'admin/groups'));
    if (budget) apis.push({ api: 'power-bi-admin-groups', name: 'Power BI admin workspaces', request: '', status: null, requestId: null, ms: null, outcome: 'not-checked', proved: `not called: ${budget}`, failure: null });
    else await run(checks.powerBiAdminCheck(cloud));
    const withDataverse = environments.find((e) => e.instanceUrl) ?? first;
    if (withDataverse) await run(checks.applicationPackagesCheck(cloud, withDataverse.id));
    else skipped('application-packages', 'Power Platform API application packages');
    for (const url of new Set(environments.flatMap((e) => (e.instanceUrl ? [e.instanceUrl.replace(/\/+$/, '')] : [])))) {
      const origin = dataverseOrigin(cloud, url);
      if (origin) {
        await run(checks.dataverseUsersCheck(origin));
        continue;
      }
      // Never a token for a host that is not one of this cloud's Dataverse hosts.
      tokens.set(url, { audience: `Dataverse (${hostOf(url)})`, resource: url, outcome: 'fail', failure: { code: 'access-denied', message: `${hostOf(url)} is not a Dataverse host of ${cloud.label}; PAL Desk does not sign in to it.`, aadsts: null } });
    }

    const facts: AccountFacts = {
      linkedPartnerId: linkedPartnerIdOf(link, apis),
      adminEnvironments: adminList?.length,
      makerEnvironments: makerList?.length,
      partial,
    };
    const tokenLines = [...tokens.values()];
    return { identityId: account.identityId, account: who, kind: account.kind, tokens: tokenLines, apis, conclusions: conclude(who, tokenLines, apis, facts, this.#d.partnerId()) };
  }
}

/** Takes from a budget: null when the call may go, else why not (the budget's own words). */
function spend(take: () => void): string | null {
  try {
    take();
    return null;
  } catch (error) {
    if (error instanceof AppFailure && error.code === 'throttled') return error.message;
    throw error;
  }
}

/** The cloud's own audiences, as a person knows each. */
const AUDIENCES = (cloud: CloudProfile): [string, string][] => [
  [cloud.scopes.arm, 'Azure Resource Manager'],
  [cloud.scopes.powerApps, 'Power Apps / BAP'],
  [cloud.scopes.flow, 'Power Automate'],
  [cloud.scopes.powerBi, 'Power BI'],
  [cloud.scopes.powerPlatformApi, 'Power Platform API'],
];

const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

function linkedPartnerIdOf(body: unknown, apis: readonly DoctorApiLine[]): string | null | undefined {
  if (apis.find((a) => a.api === 'partner-link')?.outcome !== 'pass') return undefined;
  const properties = typeof body === 'object' && body !== null ? (body as { properties?: { partnerId?: unknown } }).properties : undefined;
  return typeof properties?.partnerId === 'string' ? properties.partnerId : null;
}

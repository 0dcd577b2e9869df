import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync, type SQLInputValue } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVENTORY_FILE } from '../../../src/main/inventory/inventory';
import type { ResourceChecklist } from '../../../src/shared/checklist-types';
import { startSim, type RunningSim } from '../../sim';
import { writeSimProfileFile } from '../../sim/profile-file';
import { guid } from '../../sim/scenario';
import { appFixture } from '../support/app-fixture';
import { runCli } from '../support/cli-runner';

let sim: RunningSim;
let app: Awaited<ReturnType<typeof appFixture>>;
let profileFile: string;

/** Ana signs in once, tracks every directory she reaches, adds Litware's service principal; one sync reads everything. */
beforeAll(async () => {
  sim = await startSim({ scenario: 'demo' });
  ({ profileFile } = writeSimProfileFile(sim, mkdtempSync(path.join(tmpdir(), 'pal-checklist-'))));
  app = await appFixture(sim);
  const contoso = await app.addAndSignIn('contoso.onmicrosoft.com');
  const found = await app.handlers['tenants:discover']({ tenantId: contoso.tenantId });
  await app.handlers['tenants:track']({ tenantIds: found.filter((t) => !t.tracked && t.category !== 'Home').map((t) => t.tenantId) });
  await app.services.idle();
  const litware = await app.handlers['tenants:add']({ query: 'litware.onmicrosoft.com' });
  const sp = sim.scenario.servicePrincipals.find((s) => s.tenantId === litware.tenantId);
  await app.handlers['auth:add-service-principal']({ tenantId: litware.tenantId, clientId: sp?.clientId ?? '', clientSecret: sp?.secret ?? '' });
  await app.services.jobs.wait((await app.handlers['inventory:sync']({})).jobId);
}, 60_000);
afterAll(async () => {
  await app.services.close();
  await sim.close();
});

const line = (r: ResourceChecklist) => `${app.services.views.label(r.tenantId)} | ${r.product} | ${r.name} | ${r.verdict}`;
const CONTOSO = guid('c0ffee', 1);

describe('the attribution checklist of the demo scenario', () => {
  it('gives every demo resource its verdict', () => {
    expect(app.services.checklist.all().resources.map(line).sort()).toEqual(
      [
        'Adventure Works | power-apps | Bike Configurator | not-attributed',
        'Contoso Ltd | power-apps | Asset Tracker | not-attributed',
        'Contoso Ltd | power-apps | Customer Service Hub | not-attributed',
        'Contoso Ltd | power-apps | Expense Approvals | at-risk',
        'Contoso Ltd | power-apps | Field Inspections | at-risk',
        'Contoso Ltd | power-apps | Inspection Checklist | attributed',
        'Contoso Ltd | power-apps | Inspection Checklist (test) | at-risk',
        'Contoso Ltd | power-apps | Partner Portal | at-risk',
        'Contoso Ltd | power-automate | Approve expenses | at-risk',
        'Contoso Ltd | power-automate | Case routing | attributed',
        'Contoso Ltd | power-automate | Legacy sync | unknown',
        'Contoso Ltd | power-automate | Nightly export | not-attributed',
        'Contoso Ltd | power-automate | Old reminder | at-risk',
        'Contoso Ltd | power-bi | Budget | attributed',
        'Contoso Ltd | power-bi | Finance | not-attributed',
        'Contoso Ltd | power-bi | Headcount | not-attributed',
        'Contoso Ltd | power-bi | Pipeline | attributed',
        'Contoso Ltd | customer-insights | Contoso Customer Insights | attributed',
        'Fabrikam Inc | power-apps | Fabrikam Onboarding | not-attributed',
        'Fabrikam Inc | power-apps | Fabrikam Shared Calendar | unknown',
        'Fabrikam Inc | power-automate | Fabrikam welcome mail | not-attributed',
        'Fabrikam Inc | power-bi | Returns | not-attributed',
        'Fabrikam Inc | power-bi | Sales | not-attributed',
        'Fabrikam Inc | power-bi | Stock | not-attributed',
      ].sort(),
    );
  });

  it('shows every verdict and every outcome of every rule at least once, as a demo should', () => {
    const resources = app.services.checklist.all().resources;
    expect(new Set(resources.map((r) => r.verdict))).toEqual(new Set(['attributed', 'at-risk', 'not-attributed', 'unknown']));
    const outcomes = new Set(resources.flatMap((r) => r.checks.map((c) => `${c.id} ${c.status}`)));
    expect([...outcomes].sort()).toEqual([
      'pal fail',
      'pal pass',
      'pal unknown',
      'production pass',
      'production warn',
      'role fail',
      'role pass',
      'role unknown',
      'several-partners pass',
      'several-partners unknown',
      'several-partners warn',
      'solution pass',
      'solution warn',
    ]);
    const otherPartner = resources.find((r) => r.name === 'Bike Configurator')?.checks.find((c) => c.id === 'pal');
    expect(otherPartner).toMatchObject({ status: 'fail', reason: expect.stringContaining('linked to partner ID 7654321, not ours (1234567)') });
  });

  it('explains why and what to do: SYSTEM owns a model-driven app, a flow whose creator left and Ana co-owns, a guest publisher matched by its #EXT# UPN', () => {
    const contoso = app.services.checklist.forTenant(CONTOSO);
    const byName = new Map(contoso.resources.map((r) => [r.name, r]));
    const role = (name: string) => byName.get(name)?.checks.find((c) => c.id === 'role');
    expect(role('Customer Service Hub')).toMatchObject({ status: 'fail', reason: expect.stringMatching(/SYSTEM/), remediation: expect.stringMatching(/solution/i) });
    expect(role('Legacy sync')).toMatchObject({ status: 'unknown', reason: expect.stringMatching(/ana@northwindpartners\.com owns it today.*Set-AdminFlowOwnerRole/), remediation: expect.stringMatching(/recreate|import/i) });
    expect(role('Nightly export')).toMatchObject({ status: 'fail', remediation: expect.stringMatching(/recreate|import/i) });
    expect(role('Pipeline')).toMatchObject({ status: 'pass', reason: expect.stringMatching(/ana/i) });
    const check = (name: string, id: string) => byName.get(name)?.checks.find((c) => c.id === id);
    expect(check('Partner Portal', 'several-partners')).toMatchObject({ status: 'warn', reason: expect.stringContaining('lee@fourthcoffeepartners.com') });
    expect(check('Inspection Checklist (test)', 'production')).toMatchObject({ status: 'warn', reason: expect.stringContaining('Contoso Sandbox is a Sandbox environment') });
    expect(contoso.summary).toMatchObject({ all: { total: 17, attributed: 5 }, coverage: { 'power-apps': 'admin', 'power-bi': 'admin' } });
    expect(app.services.checklist.forTenant(CONTOSO, 'attributed').resources.map((r) => r.name).sort()).toEqual(['Budget', 'Case routing', 'Contoso Customer Insights', 'Inspection Checklist', 'Pipeline']);
  });

  it("comes with the tenant's environments as read: type, region, Dataverse and Customer Insights", async () => {
    const contoso = await app.handlers['checklist:tenant']({ tenantId: CONTOSO });
    const rows = contoso.environments.map((e) => `${e.displayName} | ${e.sku} | ${e.region} | ${e.dataverseUrl ? 'Dataverse' : '-'} | ${e.customerInsights ? 'CI' : '-'}`);
    expect(rows.sort()).toEqual([
      'Contoso (default) | Default | westeurope | - | -',
      'Contoso Customer Insights | Production | westeurope | Dataverse | CI',
      'Contoso Production | Production | westeurope | Dataverse | -',
      'Contoso Sandbox | Sandbox | westeurope | - | -',
    ]);
    expect(contoso.environments.every((e) => e.tenantId === CONTOSO && !Number.isNaN(Date.parse(e.seenAt)))).toBe(true);
  });

  it('states the scope: maker only for Ana in Fabrikam, denied for the service principal in Litware', () => {
    const fabrikam = app.services.checklist.forTenant(guid('c0ffee', 2));
    expect(fabrikam.scopes.find((s) => s.product === 'power-apps')).toMatchObject({ scope: 'maker', reason: expect.stringContaining('ana@northwindpartners.com') });
    const litware = app.services.checklist.forTenant(guid('c0ffee', 6));
    expect(litware.resources).toEqual([]);
    expect(litware.scopes.find((s) => s.product === 'environments')).toMatchObject({ scope: 'denied', reason: expect.stringMatching(/register/i) });
  });

  it('counts across customers as the checklist says, and recounts when the partner ID, this app or another process changes the inventory', async () => {
    const summary = await app.handlers['checklist:summary'](undefined);
    expect(summary).toEqual(app.services.checklist.all().summary);
    expect(summary.all).toMatchObject({ total: 24, attributed: 5 });
    expect(await app.handlers['checklist:summary'](undefined)).toBe(summary);

    await app.handlers['settings:set-partner-id']({ partnerId: '7654321' });
    // Only Bike Configurator, whose link names 7654321, now counts.
    expect((await app.handlers['checklist:summary'](undefined)).all).toMatchObject({ total: 24, attributed: 1 });
    await app.handlers['settings:set-partner-id']({ partnerId: '1234567' });
    expect((await app.handlers['checklist:summary'](undefined)).all).toMatchObject({ total: 24, attributed: 5 });

    const other = new DatabaseSync(path.join(app.userDataDir, INVENTORY_FILE));
    const budget = other.prepare("SELECT * FROM datasets WHERE name = 'Budget'").get() as Record<string, SQLInputValue>;
    other.prepare("DELETE FROM datasets WHERE name = 'Budget'").run();
    expect((await app.handlers['checklist:summary'](undefined)).all).toMatchObject({ total: 23, attributed: 4 });
    const columns = Object.keys(budget);
    other.prepare(`INSERT INTO datasets (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(...columns.map((c) => budget[c] ?? null));
    other.close();
    expect((await app.handlers['checklist:summary'](undefined)).all).toMatchObject({ total: 24, attributed: 5 });
  });

  it('prints the checklist in the CLI, exits 8 while something is not attributed, and exports it field by field', async () => {
    await app.services.close();
    const target = { profileFile, userDataDir: app.userDataDir, service: app.service };
    const text = await runCli(target, ['checklist', '--tenant', 'Contoso Ltd']);
    expect(text.code).toBe(8);
    expect(text.stdout).toMatch(/Contoso Ltd\s+Power Apps\s+Customer Service Hub\s+not-attributed\s+.*SYSTEM/);
    expect(text.stdout).toContain('29 % of 17 resources attributed to you.');
    const attributed = await runCli(target, ['checklist', '--tenant', 'Contoso Ltd', '--verdict', 'attributed', '--json']);
    expect(attributed.code).toBe(0);
    expect((JSON.parse(attributed.stdout) as { resources: ResourceChecklist[] }).resources).toHaveLength(5);

    const json = JSON.parse((await runCli(target, ['export', '--format', 'json'])).stdout) as { checklist: ResourceChecklist[] };
    expect(json.checklist).toHaveLength(24);
    const csv = (await runCli(target, ['export', '--format', 'csv'])).stdout;
    expect(csv).toContain('tenant_id,tenant,product,environment_or_workspace,resource_id,resource,verdict,check_pal,check_role,check_production,check_solution,check_several_partners,reason,remediation,seen_at');
    const row = csv.split('\n').find((l) => l.includes(',Legacy sync,'));
    const legacy = json.checklist.find((r) => r.name === 'Legacy sync');
    expect(row?.startsWith(`${CONTOSO},Contoso Ltd,power-automate,${legacy?.environmentId},${legacy?.resourceId},Legacy sync,unknown,unknown,unknown,pass,warn,,`)).toBe(true);
    expect(row).toContain(legacy?.seenAt);
  });
});

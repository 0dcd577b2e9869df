import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Inventory } from '../../../src/main/inventory/inventory';
import { PowerBiAdminBudget } from '../../../src/main/powerplatform/power-bi-budget';
import { AppFailure } from '../../../src/shared/result';

const START = Date.parse('2026-10-01T08:00:00.000Z');
const MINUTE = 60_000;

/** Two inventories on one data folder, as the app and a CLI run have, on one clock the test moves. */
function twoConnections() {
  const dir = mkdtempSync(path.join(tmpdir(), 'pal-budget-'));
  const clock = { now: START };
  const now = () => new Date(clock.now);
  const app = new Inventory(dir, now);
  const cli = new Inventory(dir, now);
  return { clock, app: new PowerBiAdminBudget(app.adminCalls), cli: new PowerBiAdminBudget(cli.adminCalls), close: () => [app, cli].forEach((i) => i.close()) };
}

/** The failure a refused call throws, or null when it was counted. */
const refusal = (take: () => void): AppFailure | null => {
  try {
    take();
    return null;
  } catch (error) {
    if (error instanceof AppFailure) return error;
    throw error;
  }
};

describe('the Power BI admin budget in the inventory', () => {
  it('allows 5 admin dataset reads a minute per tenant across connections, then refuses until the first is a minute old', () => {
    const b = twoConnections();
    for (let i = 0; i < 3; i++) expect(refusal(() => b.app.take('t-1', 'Contoso', 'admin/datasets'))).toBeNull();
    for (let i = 0; i < 2; i++) expect(refusal(() => b.cli.take('t-1', 'Contoso', 'admin/datasets'))).toBeNull();
    const refused = refusal(() => b.cli.take('t-1', 'Contoso', 'admin/datasets'));
    expect(refused).toMatchObject({ code: 'throttled', message: expect.stringContaining('Power BI allows 5 admin dataset reads a minute for Contoso'), detail: { retryAt: new Date(START + MINUTE).toISOString() } });
    expect(refusal(() => b.app.take('t-2', 'Fabrikam', 'admin/datasets'))).toBeNull();
    b.clock.now = START + MINUTE;
    expect(refusal(() => b.app.take('t-1', 'Contoso', 'admin/datasets'))).toBeNull();
    b.close();
  });

  it('allows about 50 admin calls of each API an hour per tenant, counting admin workspace lists too', () => {
    const b = twoConnections();
    for (let i = 0; i < 50; i++) {
      b.clock.now = START + i * 13_000;
      expect(refusal(() => (i % 2 ? b.app : b.cli).take('t-1', 'Contoso', 'admin/groups')), `call ${i + 1}`).toBeNull();
    }
    b.clock.now = START + 50 * 13_000;
    expect(refusal(() => b.app.take('t-1', 'Contoso', 'admin/groups'))).toMatchObject({
      message: expect.stringContaining('Power BI allows about 50 admin workspace lists an hour for Contoso'),
      detail: { retryAt: new Date(START + 60 * MINUTE).toISOString() },
    });
    expect(refusal(() => b.app.take('t-1', 'Contoso', 'admin/datasets'))).toBeNull();
    b.clock.now = START + 60 * MINUTE;
    expect(refusal(() => b.cli.take('t-1', 'Contoso', 'admin/groups'))).toBeNull();
    b.close();
  });

  it('spends no workspace list when the dataset read after it has no room, and holds every admin call of the tenant until Retry-After', () => {
    const b = twoConnections();
    for (let i = 0; i < 5; i++) b.app.take('t-1', 'Contoso', 'admin/datasets');
    expect(refusal(() => b.cli.take('t-1', 'Contoso', 'admin/groups', ['admin/datasets']))).toMatchObject({ message: expect.stringContaining('5 admin dataset reads a minute') });
    b.clock.now = START + MINUTE;
    for (let i = 0; i < 15; i++) expect(refusal(() => b.cli.take('t-1', 'Contoso', 'admin/groups', ['admin/datasets'])), `list ${i + 1}`).toBeNull();

    const until = new Date(START + 2 * 3_600_000);
    expect(b.app.hold('t-1', 'Contoso', 'admin/datasets', until)).toMatchObject({ code: 'throttled', message: expect.stringContaining('about 50 admin dataset reads an hour for Contoso') });
    b.clock.now = START + 90 * MINUTE;
    expect(refusal(() => b.cli.take('t-1', 'Contoso', 'admin/groups'))).toMatchObject({ message: expect.stringContaining('asked to wait'), detail: { retryAt: until.toISOString() } });
    b.clock.now = until.getTime();
    expect(refusal(() => b.cli.take('t-1', 'Contoso', 'admin/groups'))).toBeNull();
    b.close();
  });
});

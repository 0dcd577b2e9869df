/** UI speed in Chromium: the browser host on a generated inventory (1,000 tenants, 100k resources); first paint of the grid over fresh-browser loads, search keystroke to painted result, JS heap. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import type { AppFact, EnvironmentFact, FlowFact } from '../../src/shared/power-platform-types';
import { Inventory } from '../../src/main/inventory/inventory';
import { inTransaction } from '../../src/main/inventory/transaction';
import { startHostProcess } from '../e2e/support/host-process';
import { startSimWithProfileFile } from '../e2e/support/sim-profile';
import { guid } from '../sim/scenario';

const PARTNER_ID = '1234567';

/** Tenants in every state the grid shows: linked, not linked, another partner's, needing sign-in; half the resources each by our account. */
export function fillUiInventory(userDataDir: string, tenants: number, resourcesPerTenant: number): void {
  const inv = new Inventory(userDataDir);
  const seenAt = new Date().toISOString();
  inTransaction(inv.db, () => {
    inv.settings.set('partnerId', PARTNER_ID);
    for (let n = 1; n <= tenants; n++) {
      const tenantId = guid('c0ffee', n);
      const ana = guid('9e57', n);
      inv.tenants.upsert({ tenantId, displayName: `Customer ${n}`, defaultDomain: `customer${n}.onmicrosoft.com`, cloudId: 'sim' });
      inv.accounts.attach(tenantId, { identityId: 'home', kind: 'user', homeAccountId: 'home', clientId: null, username: 'ana@northwindpartners.com', displayName: 'Ana' }, ana, n % 9 === 0 ? 'needs-sign-in' : 'signed-in');
      const partnerId = n % 5 === 0 ? null : n % 13 === 0 ? '7654321' : PARTNER_ID;
      inv.links.record({ tenantId, identityId: 'home', objectId: ana, link: partnerId ? { partnerId, partnerName: null, objectId: ana, tenantId, state: 'Active', etag: 1, createdTime: null, updatedTime: null } : null });
      const environment: EnvironmentFact = { tenantId, environmentId: 'prod', displayName: 'Production', sku: 'Production', region: 'westeurope', dataverseUrl: null, customerInsights: false, customerInsightsReason: null, seenAt };
      const apps = Math.floor(resourcesPerTenant / 2);
      inv.powerPlatform.replaceEnvironments(tenantId, [environment]);
      inv.powerPlatform.replaceApps(
        tenantId,
        Array.from({ length: apps }, (_, i): AppFact => ({ tenantId, environmentId: 'prod', appId: `a${i}`, displayName: `App ${i}`, appType: 'canvas', ownerObjectId: i % 3 ? ana : guid('0ther', i), coOwnerObjectIds: [], editorEmails: [i % 3 ? 'ana@northwindpartners.com' : `user${i}@customer${n}.onmicrosoft.com`], solutionAware: i % 4 ? true : null, seenAt })),
      );
      inv.powerPlatform.replaceFlows(
        tenantId,
        Array.from({ length: resourcesPerTenant - apps }, (_, i): FlowFact => ({ tenantId, environmentId: 'prod', flowId: `f${i}`, displayName: `Flow ${i}`, creatorObjectId: i % 2 ? ana : null, state: 'Started', solutionAware: true, seenAt })),
      );
      if (n % 7 !== 0) inv.tenants.markSynced(tenantId);
    }
  });
  inv.close();
}

/** Typed into the search box one key at a time: narrowing to 112 tenants, widening back to all, then narrowing to one by its domain. */
const KEYS = [...'customer 1', ...Array<string>(10).fill('Backspace'), ...'customer42.onmicrosoft'];

/**
 * In the page: for each input event on the search box, the time from the event to the frame painted after the grid shows
 * its result (the search chip names the typed text). Plain JS, as the TypeScript loader would wrap named functions.
 */
const MEASURE_KEYSTROKES = `
window.__keystrokes = [];
window.addEventListener('input', (event) => {
  const input = event.target;
  if (input.getAttribute('aria-label') !== 'Search tenants') return;
  const started = event.timeStamp;
  const reflected = () => {
    const wanted = input.value.trim();
    const chips = document.querySelector('[role="group"][aria-label="Active filters"]')?.textContent ?? '';
    return wanted === '' ? !chips.includes('Search:') : chips.includes('\u201c' + wanted + '\u201d');
  };
  const afterPaint = () => requestAnimationFrame(() => (reflected() ? setTimeout(() => window.__keystrokes.push(performance.now() - started)) : afterPaint()));
  afterPaint();
}, true);
`;

/**
 * In the page: when the frame after the first grid row entered the DOM ran, and when the rows became React's (the app
 * hydrated main's first screen, or rendered its own), in ms since navigation started.
 */
const MEASURE_FIRST_ROWS = `
const firstRow = () => document.querySelector('[role="grid"] [role="row"][data-tenant-id]');
const observer = new MutationObserver(() => {
  if (!firstRow()) return;
  observer.disconnect();
  requestAnimationFrame(() => setTimeout(() => (window.__firstRows = performance.now())));
});
observer.observe(document, { childList: true, subtree: true });
const live = () => (Object.keys(firstRow() ?? {}).some((key) => key.startsWith('__reactProps')) ? (window.__interactive = performance.now()) : requestAnimationFrame(live));
requestAnimationFrame(live);
`;

export const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)] ?? 0;

/** One load in a fresh browser, as a person starting the app; every time in ms since navigation started. */
export interface FirstPaint {
  /** The grid's first paint: its rows are on screen (the later of the frame after they entered the DOM and the page's first contentful paint). */
  gridPaintMs: number;
  /** The frame after the first rows entered the DOM. */
  firstRowsMs: number;
  /** The page's first contentful paint, as presented (the first screen main rendered, or the opening text). */
  firstContentMs: number;
  /** The page's HTML had arrived (with main's first screen and its data in it). */
  pageArrivedMs: number;
  /** The grid's rows answer clicks and keys: the app's code has hydrated them. */
  interactiveMs: number;
}

export interface UiBenchResult {
  /** Every fresh-browser load, in the order run. */
  loads: FirstPaint[];
  sharesMs: number;
  keystrokeP95Ms: number;
  keystrokeMedianMs: number;
  keystrokes: number;
  heapMb: number;
  rowsInDom: number;
}

const launch = () => chromium.launch({ executablePath: process.env.PAL_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });

async function openApp(browser: Browser, url: string): Promise<{ page: Page; firstRowsMs: number }> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.addInitScript({ content: MEASURE_FIRST_ROWS + MEASURE_KEYSTROKES });
  await page.goto(url);
  const firstRowsMs = Number(await (await page.waitForFunction(() => (window as unknown as { __firstRows?: number }).__firstRows, undefined, { timeout: 60_000 })).jsonValue());
  return { page, firstRowsMs };
}

async function measureFirstPaint(url: string): Promise<FirstPaint> {
  const browser = await launch();
  try {
    const { page, firstRowsMs } = await openApp(browser, url);
    const pageArrivedMs = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).responseEnd);
    const firstContentMs = Number(await (await page.waitForFunction(() => performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint')?.startTime, undefined, { timeout: 10_000 })).jsonValue());
    const interactiveMs = Number(await (await page.waitForFunction(() => (window as unknown as { __interactive?: number }).__interactive, undefined, { timeout: 60_000 })).jsonValue());
    return { gridPaintMs: Math.max(firstRowsMs, firstContentMs), firstRowsMs, firstContentMs, pageArrivedMs, interactiveMs };
  } finally {
    await browser.close();
  }
}

/** `loads` fresh-browser loads for the first paint (one load is too noisy on a shared machine), then one session for the searches and the heap. */
export async function measureUi(options: { tenants: number; resourcesPerTenant: number; loads: number }): Promise<UiBenchResult> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pal-bench-ui-'));
  fillUiInventory(dataDir, options.tenants, options.resourcesPerTenant);
  const { sim, profileFile } = await startSimWithProfileFile('demo');
  const host = await startHostProcess({ simProfileFile: profileFile, userDataDir: dataDir });
  try {
    const loads: FirstPaint[] = [];
    for (let n = 0; n < options.loads; n++) loads.push(await measureFirstPaint(host.url));
    const browser = await launch();
    try {
      const { page } = await openApp(browser, host.url);
      await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="attributed-share"]')].some((e) => e.textContent !== '—'), undefined, { timeout: 60_000 });
      const sharesMs = await page.evaluate(() => performance.now());

      await page.getByRole('searchbox', { name: 'Search tenants' }).focus();
      for (const [i, key] of KEYS.entries()) {
        await page.keyboard.press(key === ' ' ? 'Space' : key);
        await page.waitForFunction((n) => (window as unknown as { __keystrokes: number[] }).__keystrokes.length === n, i + 1, { timeout: 10_000 }).catch(async (error: Error) => {
          const state = await page.evaluate(() => [(window as unknown as { __keystrokes: number[] }).__keystrokes.length, (document.activeElement as HTMLInputElement).value, document.querySelector('[aria-label="Active filters"]')?.textContent]);
          throw new Error(`keystroke ${i + 1} (${key}) was not measured: ${JSON.stringify(state)}`, { cause: error });
        });
      }
      const times = await page.evaluate(() => (window as unknown as { __keystrokes: number[] }).__keystrokes);
      const rowsInDom = await page.locator('[role="grid"] [role="row"][data-tenant-id]').count();

      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable');
      const { metrics } = await cdp.send('Performance.getMetrics');
      const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
      return {
        loads,
        sharesMs,
        keystrokeP95Ms: percentile(times, 95),
        keystrokeMedianMs: percentile(times, 50),
        keystrokes: times.length,
        heapMb: Math.round((heap / 1024 / 1024) * 10) / 10,
        rowsInDom,
      };
    } finally {
      await browser.close();
    }
  } finally {
    await host.stop();
    await sim.close();
  }
}

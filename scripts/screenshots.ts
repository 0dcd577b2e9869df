/** Takes the README's screenshots (tenant grid, a checklist, the overview) of the app on the demo scenario in Debian's Chromium. */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright';
import { startHostProcess } from '../test/e2e/support/host-process';
import { startSimWithProfileFile } from '../test/e2e/support/sim-profile';

const out = path.resolve(import.meta.dirname, '../docs/screenshots');
const TIMEOUT = 60_000;

async function shoot(page: Page, name: string) {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  await page.screenshot({ path: path.join(out, `${name}.png`) });
  console.log(`docs/screenshots/${name}.png`);
}

async function main() {
  mkdirSync(out, { recursive: true });
  const { sim, profileFile } = await startSimWithProfileFile('demo');
  const host = await startHostProcess({ simProfileFile: profileFile, userDataDir: mkdtempSync(path.join(tmpdir(), 'pal-screens-')) });
  const browser = await chromium.launch({ executablePath: process.env.PAL_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, ignoreHTTPSErrors: true, colorScheme: 'light' });
    context.setDefaultTimeout(TIMEOUT);
    const page = await context.newPage();
    await page.goto(host.url);
    await page.getByLabel('Partner ID (Associated MPN ID)').fill('1234567');
    await page.getByRole('form', { name: 'Partner ID' }).getByRole('button', { name: 'Save' }).click();
    await page.getByLabel("Your home domain or one customer's domain").fill('northwindpartners.com');
    const tab = context.waitForEvent('page');
    await page.getByRole('button', { name: 'Sign in and discover' }).click();
    const signIn = await tab;
    await signIn.getByRole('link', { name: /Ana Consultant/ }).click();
    await signIn.getByText('Signed in to PAL Desk.').waitFor();
    await signIn.close();
    await page.getByRole('region', { name: 'Directories found' }).getByRole('button', { name: /Track selected/ }).click();
    await page.getByTestId('job-summary').waitFor();
    await page.getByRole('button', { name: 'Link all', exact: true }).click();
    await page.getByTestId('job-summary').filter({ hasText: 'linked' }).waitFor();
    await shoot(page, 'tenant-grid');

    await page.getByRole('row', { name: /Contoso Ltd/ }).click();
    await page.getByRole('region', { name: 'Attribution checklist' }).getByRole('region', { name: 'Power Apps' }).waitFor();
    await page.getByRole('region', { name: 'Attribution checklist' }).scrollIntoViewIfNeeded();
    await shoot(page, 'checklist');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('tab', { name: 'Overview' }).click();
    await page.getByRole('heading', { name: 'Attribution across every customer' }).waitFor();
    await shoot(page, 'overview');
  } finally {
    await browser.close();
    await host.stop();
    await sim.close();
  }
}

await main();

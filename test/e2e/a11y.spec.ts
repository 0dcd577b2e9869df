import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { useDemoHost } from './support/demo-host';
import { addCustomer, savePartnerId, signInInNewTab } from './support/journey-steps';

const env = useDemoHost();

test.use({ ignoreHTTPSErrors: true, viewport: { width: 1280, height: 900 } });

interface Screen {
  name: string;
  /** 'first-run' screens are checked on an empty data folder; the others after Contoso is signed in and synced. */
  data: 'first-run' | 'synced';
  open(page: Page): Promise<void>;
}

const goTo = async (page: Page, tab: string) => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('tab', { name: tab }).click();
};
const closeDetail = async (page: Page) => {
  const close = page.getByRole('button', { name: 'Close' });
  if (await close.isVisible()) await close.click();
};

/** Every main screen; a new screen is one more line. */
const SCREENS: Screen[] = [
  { name: 'first run', data: 'first-run', open: async (page) => expect(page.getByRole('heading', { name: 'Welcome to PAL Desk' })).toBeVisible() },
  {
    name: 'tenants',
    data: 'synced',
    open: async (page) => {
      await goTo(page, 'Tenants');
      await closeDetail(page);
      await expect(page.getByRole('row', { name: /Contoso Ltd/ })).toBeVisible();
    },
  },
  {
    name: 'tenant detail with checklist',
    data: 'synced',
    open: async (page) => {
      await goTo(page, 'Tenants');
      await page.getByRole('row', { name: /Contoso Ltd/ }).click();
      await expect(page.getByRole('region', { name: 'Attribution checklist' }).getByRole('region', { name: 'Power Apps' })).toBeVisible();
    },
  },
  { name: 'overview', data: 'synced', open: async (page) => goTo(page, 'Overview') },
  { name: 'activity', data: 'synced', open: async (page) => goTo(page, 'Activity') },
  { name: 'settings', data: 'synced', open: async (page) => goTo(page, 'Settings') },
];

/**
 * Serious and critical WCAG 2.1 A/AA violations on the page as it is now, one line each with the elements involved. Fluent UI's
 * focus sentinels (`<i data-tabster-dummy aria-hidden tabindex=0>`, which hand focus on at once) are left out: a documented
 * false positive of aria-hidden-focus (microsoft/tabster#288, microsoft/fluentui#27517, closed "by design").
 */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).exclude('[data-tabster-dummy]').analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`every main screen in the ${colorScheme} theme has no serious or critical accessibility violation`, async ({ page, context }, testInfo) => {
    test.setTimeout(240_000);
    await page.emulateMedia({ colorScheme });
    await page.goto(env.host.url);
    const check = async (screen: Screen) => {
      await screen.open(page);
      await testInfo.attach(`${screen.name} (${colorScheme})`, { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
      expect(await seriousViolations(page), `${screen.name} in ${colorScheme}`).toEqual([]);
    };
    for (const screen of SCREENS.filter((s) => s.data === 'first-run')) await check(screen);

    await savePartnerId(page, '1234567');
    await addCustomer(page, 'contoso.onmicrosoft.com');
    await signInInNewTab(context, page, 'Ana Consultant');
    await page.getByRole('button', { name: 'Sync all' }).click();
    await expect(page.getByRole('region', { name: 'Attribution checklist' }).getByRole('region', { name: 'Power Apps' })).toBeVisible({ timeout: 60_000 });
    for (const screen of SCREENS.filter((s) => s.data === 'synced')) await check(screen);
  });
}

import { expect, test } from '@playwright/test';
import { useDemoHost } from './support/demo-host';
import { addCustomer, signInInNewTab } from './support/journey-steps';

const env = useDemoHost();

test.use({ ignoreHTTPSErrors: true });

test('a running sync is cancelled from the panel, which says how it ended and stays reachable once hidden', async ({ page, context }) => {
  await page.goto(env.host.url);
  await addCustomer(page, 'contoso.onmicrosoft.com');
  await signInInNewTab(context, page, 'Ana Consultant');
  await page.getByRole('button', { name: 'Close' }).click();
  env.sim.control.setFaults({ next: [{ kind: 'hang', count: 1, pathIncludes: 'ManagementPartner' }] });
  try {
    await page.getByRole('button', { name: 'Sync all' }).click();
    const sync = page.getByRole('complementary', { name: 'Syncing' });
    await expect(sync.getByRole('listitem', { name: 'Contoso Ltd' }).getByTestId('job-row-state')).toHaveText('Running');
    await sync.getByRole('button', { name: 'Cancel' }).click();
    await expect(sync.getByRole('status')).toContainText('1 of 1 — cancelled');
    await expect(sync.getByTestId('job-summary')).toHaveText('1 cancelled');
  } finally {
    env.sim.control.clearFaults();
  }
  await page.getByRole('button', { name: 'Hide progress' }).click();
  await expect(page.getByRole('complementary', { name: 'Syncing' })).toBeHidden();
  await page.getByRole('button', { name: 'Syncing finished: 1 cancelled. Show progress' }).click();
  await expect(page.getByRole('complementary', { name: 'Syncing' }).getByTestId('job-summary')).toHaveText('1 cancelled');
});

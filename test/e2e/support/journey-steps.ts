/** Steps many journeys share: save the partner ID, add a customer, sign in on the simulated cloud's page in a new tab, attach a screenshot. */
import { expect, type BrowserContext, type Locator, type Page, type TestInfo } from '@playwright/test';

/** The person signs in on the simulated cloud's page that PAL Desk opened in a new tab. */
export async function signInInNewTab(context: BrowserContext, page: Page, account: string) {
  const tab = context.waitForEvent('page');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  const signInPage = await tab;
  await signInPage.getByRole('link', { name: new RegExp(account) }).click();
  await expect(signInPage.getByText('Signed in to PAL Desk.')).toBeVisible();
  await signInPage.close();
}

export async function savePartnerId(page: Page, partnerId: string) {
  await page.getByLabel('Partner ID (Associated MPN ID)').fill(partnerId);
  await page.getByRole('form', { name: 'Partner ID' }).getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText(`Your partner ID: ${partnerId}`)).toBeVisible();
}

export async function addCustomer(page: Page, domain: string) {
  await page.getByRole('button', { name: 'Add customer' }).first().click();
  await page.getByLabel('Customer domain or tenant ID').fill(domain);
  await page.getByRole('button', { name: 'Add', exact: true }).click();
}

/** Opens PAL Desk, saves partner ID 1234567, adds the customer `domain` and signs in there as Ana. */
export async function startWithCustomer(page: Page, context: BrowserContext, url: string, domain: string) {
  await page.goto(url);
  await savePartnerId(page, '1234567');
  await addCustomer(page, domain);
  await signInInNewTab(context, page, 'Ana Consultant');
}

/** The person clicks `button` in PAL Desk and signs in as `account` on the simulated cloud's page it opens in a new tab. */
export async function signInThrough(context: BrowserContext, button: Locator, account: string) {
  const tab = context.waitForEvent('page');
  await button.click();
  const signInPage = await tab;
  await signInPage.getByRole('link', { name: new RegExp(account) }).click();
  await expect(signInPage.getByText('Signed in to PAL Desk.')).toBeVisible();
  await signInPage.close();
}

/** Attaches a full-page screenshot of the current screen to the test's report. */
export async function attachScreen(page: Page, testInfo: TestInfo, name: string) {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  await testInfo.attach(name, { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
}

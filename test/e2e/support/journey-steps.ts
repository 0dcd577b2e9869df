/** Steps many journeys share: save the partner ID, add a customer, sign in on the simulated cloud's page in a new tab. */
import { expect, type BrowserContext, type Page } from '@playwright/test';

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

import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SignInAppGuide } from '../../../src/renderer/components/sign-in-app-guide';

const FIRM_APP = '11111111-2222-4333-8444-555555555555';
const customers = [
  { tenantId: 'c0ffee00-0000-4000-8000-000000000001', name: 'Contoso Ltd' },
  { tenantId: 'c0ffee00-0000-4000-8000-000000000002', name: 'Fabrikam Inc' },
];
/** The page's text as a person reads it (tags dropped, entities decoded). */
const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ');

describe('the sign-in app guide in Settings and on the first-run page', () => {
  it('says what to register and which delegated permissions each Microsoft API needs, with no consent link for the default app', () => {
    const text = textOf(renderToStaticMarkup(<SignInAppGuide clientId={null} authorityHost="https://login.microsoftonline.com" customers={customers} />));
    expect(text).toContain("Microsoft's Azure CLI client");
    expect(text).toContain('first-party');
    expect(text).toContain('"Accounts in any organizational directory" (multi-tenant)');
    expect(text).toContain('public client');
    expect(text).toContain('http://localhost');
    for (const [api, permissions] of [
      ['Azure Service Management', 'user_impersonation'],
      ['PowerApps Service', 'User'],
      ['Microsoft Flow Service', 'User or Flows.Read.All'],
      ['Power BI Service', 'Tenant.Read.All, Workspace.Read.All, Dataset.Read.All'],
      ['Dynamics CRM', 'user_impersonation'],
      ['Power Platform API', 'AppManagement.ApplicationPackages.Read'],
    ]) {
      expect(text).toContain(` ${api} ${permissions} `);
    }
    expect(text).not.toContain('adminconsent');
  });

  it('lists each customer’s admin-consent link for the firm’s own app, each with its copy button', () => {
    const html = renderToStaticMarkup(<SignInAppGuide clientId={FIRM_APP} authorityHost="https://login.microsoftonline.com" customers={customers} />);
    const text = textOf(html);
    expect(text).toContain(`your firm's own app (${FIRM_APP})`);
    for (const c of customers) {
      expect(text).toContain(`${c.name}: https://login.microsoftonline.com/${c.tenantId}/adminconsent?client_id=${FIRM_APP}`);
      expect(html).toContain(`aria-label="Copy the admin-consent link for ${c.name}"`);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { guestUpn, upnMatches } from '../../../../src/shared/attribution/upn';

const domains = ['contoso.com', 'contoso.onmicrosoft.com'];

describe('UPNs across tenants', () => {
  it("builds a guest's UPN in a tenant from the home UPN", () => {
    expect(guestUpn('ana@northwindpartners.com', 'contoso.onmicrosoft.com')).toBe('ana_northwindpartners.com#EXT#@contoso.onmicrosoft.com');
  });

  it.each([
    ['the #EXT# form of the home UPN in this tenant', 'ana_northwindpartners.com#EXT#@contoso.onmicrosoft.com', 'ana@northwindpartners.com', true],
    ['the #EXT# form in other casing', 'Ana_NorthwindPartners.com#ext#@Contoso.OnMicrosoft.com', 'ana@northwindpartners.com', true],
    ['the same UPN in other casing', 'Ana@NorthwindPartners.com', 'ana@northwindpartners.com', true],
    ['a member of the customer tenant by its own UPN', 'Ana.Consultant@Contoso.OnMicrosoft.Com', 'ana.consultant@contoso.onmicrosoft.com', true],
    ['a UPN stored already in the #EXT# form', 'ana_northwindpartners.com#EXT#@contoso.onmicrosoft.com', 'ANA_northwindpartners.com#EXT#@contoso.onmicrosoft.com', true],
    ['the #EXT# form in another tenant', 'ana_northwindpartners.com#EXT#@fabrikam.onmicrosoft.com', 'ana@northwindpartners.com', false],
    ['another person with a similar name', 'anna_northwindpartners.com#EXT#@contoso.onmicrosoft.com', 'ana@northwindpartners.com', false],
    ['the same local part at another domain', 'ana@contoso.com', 'ana@northwindpartners.com', false],
    ['an empty publisher', '  ', 'ana@northwindpartners.com', false],
  ])('%s: %s vs %s → %s', (_what, seen, upn, expected) => {
    expect(upnMatches(seen, upn, domains)).toBe(expected);
  });

  it("accepts a guest form at any domain when the tenant's domains are not known", () => {
    expect(upnMatches('ana_northwindpartners.com#EXT#@fabrikam.onmicrosoft.com', 'ana@northwindpartners.com', [])).toBe(true);
  });
});

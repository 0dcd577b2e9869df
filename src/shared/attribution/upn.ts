/** UPNs across tenants: a guest's `#EXT#` form, and whether a UPN seen in a tenant is one of our accounts (case-insensitive). */

const EXT = '#ext#@';

/** The UPN a guest gets in a tenant: ana@northwindpartners.com → ana_northwindpartners.com#EXT#@contoso.onmicrosoft.com. */
export function guestUpn(homeUpn: string, tenantDomain: string): string {
  return `${homeUpn.replace('@', '_')}#EXT#@${tenantDomain}`;
}

/**
 * Whether `seen` (e.g. a dataset's configuredBy) is the account with `upn`: the same UPN (a member, or the form stored
 * already), or its guest form in this tenant. The guest form's domain must be one of the tenant's when they are known.
 */
export function upnMatches(seen: string, upn: string, tenantDomains: readonly string[]): boolean {
  const s = seen.trim().toLowerCase();
  const u = upn.trim().toLowerCase();
  if (s === '' || u === '') return false;
  if (s === u) return true;
  const ext = s.indexOf(EXT);
  if (ext <= 0 || !u.includes('@')) return false;
  if (s.slice(0, ext) !== u.replace('@', '_')) return false;
  const domain = s.slice(ext + EXT.length);
  return tenantDomains.length === 0 || tenantDomains.some((d) => d.toLowerCase() === domain);
}

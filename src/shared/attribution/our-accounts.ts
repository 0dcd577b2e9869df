/** Finding our accounts among a resource's owners, creators and users, and naming the one to attribute a resource to. */
import type { OurAccount, TenantContext } from '../checklist-types';
import { upnMatches } from './upn';

/** Our account with this object id in the tenant (object ids compared case-insensitively), or undefined. */
export function accountByObjectId(accounts: readonly OurAccount[], objectId: string): OurAccount | undefined {
  const id = objectId.toLowerCase();
  return accounts.find((a) => a.objectId !== null && a.objectId.toLowerCase() === id);
}

/** Our user account whose UPN (home or guest form in this tenant) is `upn`, or undefined. */
export function accountByUpn(context: TenantContext, upn: string): OurAccount | undefined {
  return context.accounts.find((a) => a.upn !== null && upnMatches(upn, a.upn, context.domains));
}

const domainOf = (email: string) => email.slice(email.lastIndexOf('@') + 1).toLowerCase();

/** The customer's domains and the home domains of our accounts' UPNs, lower case, each once. */
export function knownDomains(context: TenantContext): string[] {
  const known = new Set(context.domains.map((d) => d.toLowerCase()));
  for (const a of context.accounts) if (a.upn?.includes('@') && !a.upn.includes('#EXT#')) known.add(domainOf(a.upn));
  return [...known];
}

const GUEST = /#ext#/i;
const UPPER = /[A-Z]/;

/** `s` in lower case, without a copy when it already is (most ids and emails). */
export const lowerCase = (s: string): string => (UPPER.test(s) ? s.toLowerCase() : s);

/** Whether `email` is from none of the `known` (lower-case) domains, e.g. another partner's consultant; a guest's `#EXT#` form is not. Allocates nothing for a lower-case email. */
export function isOutsider(email: string, known: readonly string[]): boolean {
  const at = email.lastIndexOf('@');
  if (at < 0 || GUEST.test(email)) return false;
  const lower = lowerCase(email);
  for (const domain of known) if (domain.length === lower.length - at - 1 && lower.endsWith(domain)) return false;
  return true;
}

/** Our accounts whose object id is not known yet: a resource not matched to the others may still be theirs. */
export function withoutObjectId(accounts: readonly OurAccount[]): OurAccount[] {
  return accounts.filter((a) => a.objectId === null);
}

/** The account to attribute a resource to: the first linked to our partner ID, else the first we have. */
export function preferredAccount(accounts: readonly OurAccount[]): OurAccount | undefined {
  return accounts.find((a) => a.link.status === 'linked') ?? accounts[0];
}

/** "ana@northwindpartners.com (linked to 1234567)", for reasons and remediations. */
export function describeAccount(account: OurAccount): string {
  const { status, partnerId } = account.link;
  if (status === 'linked') return `${account.label} (linked to ${partnerId ?? 'our partner ID'})`;
  if (status === 'other-partner') return `${account.label} (linked to another partner's ID, ${partnerId ?? 'unknown'})`;
  if (status === 'not-linked') return `${account.label} (not linked to a partner ID)`;
  return `${account.label} (partner link not read yet)`;
}

/** "ana@… (linked to 1234567)", or a hint to add an account when the tenant has none of ours. */
export function whoToUse(context: TenantContext): string {
  const account = preferredAccount(context.accounts);
  return account ? describeAccount(account) : 'an account of yours in this tenant (add one in PAL Desk first)';
}

/** The scope a product was read with, environment by environment: admin only where every environment was read as an admin, else maker naming the environments read with the maker view, else denied. */
import type { InventoryScope } from '../../shared/power-platform-types';
import type { TenantIdentity } from '../domain/identity';
import { listed, names } from './scoped-read';

/** How one environment was read: as an admin by `admin`, else with the maker view of `makers` (none: no account of ours could read it). */
export interface EnvironmentRead {
  name: string;
  admin: TenantIdentity | null;
  makers: readonly TenantIdentity[];
}

export interface ScopeWords {
  /** Who sees everything ("a Power Platform admin"). */
  adminName: string;
  /** Why an account that was refused may not read, in words a person can act on. */
  refusal(account: TenantIdentity): string;
}

const unique = (accounts: readonly TenantIdentity[]) => [...new Map(accounts.map((a) => [a.identityId, a])).values()];

export function scopeOfEnvironments(reads: readonly EnvironmentRead[], refused: readonly TenantIdentity[], words: ScopeWords): Pick<InventoryScope, 'scope' | 'identityId' | 'reason'> {
  const asAdmin = reads.flatMap((r) => (r.admin ? [{ ...r, admin: r.admin }] : []));
  const asMaker = reads.filter((r) => !r.admin && r.makers.length > 0);
  const unread = reads.filter((r) => !r.admin && r.makers.length === 0);
  const firstAdmin = asAdmin[0]?.admin;
  if (firstAdmin && asAdmin.length === reads.length) return { scope: 'admin', identityId: firstAdmin.identityId, reason: null };
  const refusals = unique(refused).map(words.refusal);
  if (!firstAdmin && asMaker.length === 0) return { scope: 'denied', identityId: refused[0]?.identityId ?? null, reason: refusals.join(' ') || null };
  const makers = unique(asMaker.flatMap((r) => r.makers));
  const sentences: string[] = [];
  if (firstAdmin) sentences.push(`Read as an admin in ${listed(asAdmin.map((r) => r.name))}.`);
  if (asMaker.length > 0) {
    sentences.push(
      firstAdmin
        ? `Only what ${names(makers)} can see in ${listed(asMaker.map((r) => r.name))}: an admin of ${asMaker.length === 1 ? 'that environment' : 'those environments'} or ${words.adminName} sees everything.`
        : `Only what ${names(makers)} can see: ${words.adminName} sees everything.`,
    );
  }
  if (unread.length > 0) sentences.push(`Not read in ${listed(unread.map((r) => r.name))}.`);
  return { scope: 'maker', identityId: (makers[0] ?? firstAdmin)?.identityId ?? null, reason: [...sentences, ...refusals].join(' ') };
}

/** Reads a product with the widest scope our accounts have: admin with the first account allowed, else the union of every account's maker view, else denied with the reason. */
import type { InventoryScope } from '../../shared/power-platform-types';
import { AppFailure } from '../../shared/result';
import { NEEDS_SIGN_IN } from '../auth/auth-errors';
import { identityLabelOf, type TenantIdentity } from '../domain/identity';

export interface ScopedReadPlan<T> {
  /** Our accounts in the tenant, the default first. */
  accounts: readonly TenantIdentity[];
  /** Who sees everything, for the maker-scope reason ("a Power Platform admin"). */
  adminName: string;
  admin(account: TenantIdentity): Promise<T[]>;
  maker(account: TenantIdentity): Promise<T[]>;
  /** Identity of an item, so the union of several accounts' views has each item once. */
  key(item: T): string;
  /** Why an account refused in both scopes may not read, in words a person can act on. */
  refusal(account: TenantIdentity): string;
  /** What the maker view holds, for the accounts that read it ("a and b", several); default "Only what … can see: {adminName} sees everything." */
  makerReason?(readers: string, several: boolean): string;
}

export type ScopedRead<T> =
  | { items: T[]; scope: Pick<InventoryScope, 'scope' | 'identityId' | 'reason'> }
  /** Every account needs the person (sign in, MFA, consent): nothing was read. */
  | { needsPerson: AppFailure };

export const isDenied = (error: unknown) => error instanceof AppFailure && error.code === 'access-denied';
export const needsPerson = (error: unknown): error is AppFailure => error instanceof AppFailure && NEEDS_SIGN_IN.has(error.code);
/** AADSTS65002: the sign-in app may not call this product's API at all, whichever account asks (another sign-in app can). */
const clientRefused = (error: unknown): error is AppFailure => error instanceof AppFailure && error.code === 'client-not-preauthorized';

/** Words for a sentence: "a", "a and b", "a, b and c". */
export const listed = (labels: readonly string[]) => (labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`);

/** Accounts named for a sentence: "a", "a and b", "a, b and c". */
export const names = (accounts: readonly TenantIdentity[]) => listed(accounts.map(identityLabelOf));

/** Any other failure (throttled, offline, 5xx) is thrown: the collector's last facts are kept and marked stale. */
export async function readScoped<T>(plan: ScopedReadPlan<T>): Promise<ScopedRead<T>> {
  const reachable: TenantIdentity[] = [];
  let signIn: AppFailure | undefined;
  let refusedClient: { account: TenantIdentity; failure: AppFailure } | undefined;
  for (const account of plan.accounts) {
    try {
      return { items: await plan.admin(account), scope: { scope: 'admin', identityId: account.identityId, reason: null } };
    } catch (error) {
      if (needsPerson(error)) signIn ??= error;
      else if (clientRefused(error)) refusedClient ??= { account, failure: error };
      else if (isDenied(error)) reachable.push(account);
      else throw error;
    }
  }
  // The product cannot be read with this sign-in app: say so as its scope, what to do included, and keep the tenant's other products.
  if (reachable.length === 0 && refusedClient) return { items: [], scope: { scope: 'denied', identityId: refusedClient.account.identityId, reason: refusedClient.failure.message } };
  if (reachable.length === 0) return { needsPerson: signIn ?? new AppFailure('interaction-required', 'Nobody is signed in to this tenant yet') };

  const items = new Map<string, T>();
  const readers: TenantIdentity[] = [];
  const refused: TenantIdentity[] = [];
  for (const account of reachable) {
    try {
      for (const item of await plan.maker(account)) items.set(plan.key(item), item);
      readers.push(account);
    } catch (error) {
      if (!isDenied(error)) throw error;
      refused.push(account);
    }
  }
  const refusals = [...refused.map(plan.refusal), ...(refusedClient ? [refusedClient.failure.message] : [])].join(' ');
  if (readers.length === 0) return { items: [], scope: { scope: 'denied', identityId: refused[0]?.identityId ?? null, reason: refusals } };
  const partial = plan.makerReason?.(names(readers), readers.length > 1) ?? `Only what ${names(readers)} can see: ${plan.adminName} sees everything.`;
  const reason = `${partial}${refusals ? ` ${refusals}` : ''}`;
  return { items: [...items.values()], scope: { scope: 'maker', identityId: readers[0]?.identityId ?? null, reason } };
}

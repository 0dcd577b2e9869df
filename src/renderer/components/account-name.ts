/** How the UI names one of our accounts: a user by its UPN, a service principal as "app <client id>". */
import type { AccountView } from '../../shared/view-types';

export function accountName(account: Pick<AccountView, 'kind' | 'username' | 'displayName' | 'identityId'>): string {
  if (account.kind === 'service-principal') return `app ${account.username ?? account.identityId}`;
  return account.username ?? account.displayName ?? account.identityId;
}

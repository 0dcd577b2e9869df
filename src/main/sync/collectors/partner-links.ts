/** Collector: each account's sign-in (a silent token and its object id) and partner link, read from ARM; settles writes of unknown outcome by what it read. */
import type { PartnerLinkState } from '../../../shared/pal-types';
import { AppFailure } from '../../../shared/result';
import { NEEDS_SIGN_IN } from '../../auth/auth-errors';
import type { TenantIdentity } from '../../domain/identity';
import type { Inventory } from '../../inventory/inventory';
import type { PartnerLinkApi } from '../../pal/partner-link-api';
import type { Collected, CollectContext, Collector } from '../collector';

export interface PartnerLinksDeps {
  inventory: Inventory;
  objectIdSilently(tenantId: string, account: TenantIdentity): Promise<string | null>;
  linkApiFor(tenantId: string, account: TenantIdentity): PartnerLinkApi;
  /** Settles the account's writes of unknown outcome by the link just read (write-ahead audit). */
  reconcile(tenantId: string, account: TenantIdentity, link: PartnerLinkState | null): void;
}

type AccountFact =
  | { account: TenantIdentity; objectId: string | null; link: Awaited<ReturnType<PartnerLinkApi['read']>>['link'] }
  | { account: TenantIdentity; problem: AppFailure };

export function partnerLinksCollector(deps: PartnerLinksDeps): Collector {
  const readOne = async (ctx: CollectContext, account: TenantIdentity): Promise<AccountFact> => {
    try {
      ctx.step('token');
      const objectId = await deps.objectIdSilently(ctx.tenantId, account);
      ctx.step('read-link');
      const { link } = await deps.linkApiFor(ctx.tenantId, { ...account, objectId: objectId ?? account.objectId }).read(ctx.signal);
      deps.reconcile(ctx.tenantId, account, link);
      return { account, objectId, link };
    } catch (error) {
      if (error instanceof AppFailure && NEEDS_SIGN_IN.has(error.code)) return { account, problem: error };
      throw error;
    }
  };
  return {
    name: 'partner-links',
    facts: 'partner links',
    service: 'Azure',
    async collect(ctx): Promise<Collected> {
      const facts: AccountFact[] = [];
      for (const account of ctx.accounts) facts.push(await readOne(ctx, account));
      const problems = facts.filter((f) => 'problem' in f);
      const inv = deps.inventory;
      return {
        save: () => {
          for (const f of facts) {
            if ('problem' in f) {
              inv.accounts.setSignIn(ctx.tenantId, f.account.identityId, 'needs-sign-in', { code: f.problem.code, message: f.problem.message });
            } else {
              inv.accounts.confirm(ctx.tenantId, f.account.identityId, f.objectId);
              inv.links.record({ tenantId: ctx.tenantId, identityId: f.account.identityId, objectId: f.objectId, link: f.link });
            }
          }
        },
        ...(problems.length === facts.length && problems[0] && 'problem' in problems[0] ? { needsPerson: problems[0].problem.message } : {}),
      };
    },
  };
}

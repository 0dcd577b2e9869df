/** A Dataverse environment's system users (Azure AD object id, disabled or not), paged with @odata.nextLink. */
import type { DataverseUserFact } from '../../shared/power-platform-types';
import { odataNextLinkPager } from '../http/paging';
import type { RestClient } from '../http/rest-client';

interface SystemUser {
  azureactivedirectoryobjectid?: string | null;
  isdisabled?: boolean;
}

export async function listSystemUsers(o: { rest: RestClient; instanceUrl: string; tenantId: string; environmentId: string; seenAt: string; signal: AbortSignal }): Promise<DataverseUserFact[]> {
  const url = `${o.instanceUrl}/api/data/v9.2/systemusers?$select=azureactivedirectoryobjectid,isdisabled`;
  const users = await o.rest.all<SystemUser>(url, odataNextLinkPager({ maxPageSize: 5000 }), { signal: o.signal });
  // Users without an Entra object id (SYSTEM, INTEGRATION, application users of other clouds) cannot be attributed.
  return users.flatMap((u) =>
    u.azureactivedirectoryobjectid ? [{ tenantId: o.tenantId, environmentId: o.environmentId, azureObjectId: u.azureactivedirectoryobjectid, isDisabled: u.isdisabled === true, seenAt: o.seenAt }] : [],
  );
}

/** A Dataverse environment's system users (Entra object id and what kind of user each is) and its solutions' unique names, paged with @odata.nextLink. */
import type { DataverseUserFact, DataverseUserKind } from '../../shared/power-platform-types';
import { odataNextLinkPager } from '../http/paging';
import type { RestClient } from '../http/rest-client';

interface SystemUser {
  azureactivedirectoryobjectid?: string | null;
  isdisabled?: boolean;
  accessmode?: number | null;
  applicationid?: string | null;
  deletedstate?: number | null;
  azurestate?: number | null;
}

/**
 * The columns that say what kind of user a row is (field-samples/dataverse-systemusers-tfprovider.json carries them all; Dataverse
 * returns only the columns asked for, and microsoft/terraform-provider-power-platform asks for `applicationid,…,isdisabled,deletedstate`).
 */
const USER_COLUMNS = ['azureactivedirectoryobjectid', 'isdisabled', 'accessmode', 'applicationid', 'deletedstate', 'azurestate'];

/** `accessmode` choices of the systemuser table (Microsoft Learn, systemuser table reference: AccessMode). */
const ACCESS_MODES: Record<number, DataverseUserKind> = { 0: 'interactive', 1: 'administrative', 2: 'read', 3: 'support', 4: 'non-interactive', 5: 'delegated-admin' };

/**
 * Soft-deleted first (`deletedstate` not 0, as the TF provider's `GetApplicationUser` skips them; `azurestate` not 0: gone from Entra),
 * then disabled, then an application user (`applicationid` set), then by access mode; an undocumented access mode is null, never assumed interactive.
 */
export function userKind(u: SystemUser): DataverseUserKind | null {
  if ((u.deletedstate ?? 0) !== 0 || (u.azurestate ?? 0) !== 0) return 'deleted';
  if (u.isdisabled === true) return 'disabled';
  if (u.applicationid) return 'application';
  return ACCESS_MODES[u.accessmode ?? 0] ?? null;
}

export async function listSystemUsers(o: { rest: RestClient; instanceUrl: string; tenantId: string; environmentId: string; seenAt: string; signal: AbortSignal }): Promise<DataverseUserFact[]> {
  const url = `${o.instanceUrl}/api/data/v9.2/systemusers?$select=${USER_COLUMNS.join(',')}`;
  const users = await o.rest.all<SystemUser>(url, odataNextLinkPager({ maxPageSize: 5000 }), { signal: o.signal });
  // Users without an Entra object id (SYSTEM, INTEGRATION, application users of other clouds) cannot be attributed.
  return users.flatMap((u) =>
    u.azureactivedirectoryobjectid
      ? [{ tenantId: o.tenantId, environmentId: o.environmentId, azureObjectId: u.azureactivedirectoryobjectid, isDisabled: u.isdisabled === true, kind: userKind(u), seenAt: o.seenAt }]
      : [],
  );
}

/** The unique names of the environment's solutions. */
export async function listSolutionNames(o: { rest: RestClient; instanceUrl: string; signal: AbortSignal }): Promise<string[]> {
  const solutions = await o.rest.all<{ uniquename?: string }>(`${o.instanceUrl}/api/data/v9.2/solutions?$select=uniquename`, odataNextLinkPager({ maxPageSize: 5000 }), { signal: o.signal });
  return solutions.flatMap((s) => (s.uniquename ? [s.uniquename] : []));
}

/** Power Automate cloud flows per environment with creator, state and Dataverse workflow id; admin scope or the caller's own flows; a flow's owners from its permissions. */
import type { FlowFact } from '../../shared/power-platform-types';
import { AppFailure } from '../../shared/result';
import { withId } from '../http/rest-client';
import type { ListOptions } from './bap-api';
import { mapLimit } from './map-limit';

interface Flow {
  name: string;
  properties?: { displayName?: string; state?: string; creator?: { objectId?: string }; workflowEntityId?: string };
}

interface Permission {
  properties?: { roleName?: string; permissionType?: string; principal?: { id?: string | null; type?: string } };
}

/** A listed flow: its solution awareness is decided later, from Dataverse, through `workflowEntityId` (null when not stored there). */
export type ListedFlow = FlowFact & { workflowEntityId: string | null };

/** Permission reads in flight per environment. */
const PERMISSION_READS = 4;

/**
 * Solution cloud flows are listed only when asked for, in admin scope too: pnp/cli-microsoft365 `src/m365/flow/commands/flow-list.ts`
 * (`getApiUrl`) appends `include=includeSolutionCloudFlows` to the admin `v2/flows` URL as to the maker one.
 */
const SOLUTION_FLOWS = 'include=includeSolutionCloudFlows';

/** `readOwners(creator)`: whether to read a flow's owners (its creator is not one of ours); the others' `ownerObjectIds` stay unread. */
export async function listFlows(o: ListOptions, environmentId: string, scope: 'admin' | 'maker', readOwners: (creatorObjectId: string | null) => boolean = () => false): Promise<ListedFlow[]> {
  const env = encodeURIComponent(environmentId);
  const base = `${o.base}/providers/Microsoft.ProcessSimple/${scope === 'admin' ? 'scopes/admin/' : ''}environments/${env}`;
  const url = `${base}/${scope === 'admin' ? 'v2/' : ''}flows?api-version=2016-11-01&${SOLUTION_FLOWS}`;
  const flows = await o.rest.all(url, undefined, { signal: o.signal, isItem: withId<Flow>('name') });
  return mapLimit(flows, PERMISSION_READS, async (f) => {
    const creatorObjectId = f.properties?.creator?.objectId ?? null;
    return {
      tenantId: o.tenantId,
      environmentId,
      flowId: f.name,
      displayName: f.properties?.displayName ?? f.name,
      creatorObjectId,
      ...(readOwners(creatorObjectId) ? { ownerObjectIds: await ownersFrom(o, `${base}/flows/${encodeURIComponent(f.name)}/permissions?api-version=2016-11-01`) } : {}),
      state: f.properties?.state ?? null,
      // Every cloud flow of a Dataverse environment is a Dataverse workflow and carries its id: that alone proves no solution.
      solutionAware: null,
      workflowEntityId: f.properties?.workflowEntityId ?? null,
      seenAt: o.seenAt,
    };
  });
}

/**
 * The users who own the flow today: Owner and CanEdit principals of type User (pnp/cli-microsoft365 `flow owner list` reads
 * `…/flows/{flow}/permissions`; field-samples/flow-permissions-climicrosoft365-spec.json); null when the caller may not read them.
 */
async function ownersFrom(o: ListOptions, url: string): Promise<string[] | null> {
  try {
    const permissions = await o.rest.all<Permission>(url, undefined, { signal: o.signal });
    return permissions.flatMap((p) => {
      const { roleName, principal } = p.properties ?? {};
      return (roleName === 'Owner' || roleName === 'CanEdit') && principal?.type === 'User' && principal.id ? [principal.id] : [];
    });
  } catch (error) {
    if (error instanceof AppFailure && error.code === 'access-denied') return null;
    throw error;
  }
}

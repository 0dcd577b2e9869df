/** Power Automate cloud flows per environment with creator, state and Dataverse workflow id; admin scope or the caller's own flows. */
import type { FlowFact } from '../../shared/power-platform-types';
import type { ListOptions } from './bap-api';

interface Flow {
  name: string;
  properties?: { displayName?: string; state?: string; creator?: { objectId?: string }; workflowEntityId?: string };
}

/** A listed flow: its solution awareness is decided later, from Dataverse, through `workflowEntityId` (null when not stored there). */
export type ListedFlow = FlowFact & { workflowEntityId: string | null };

export async function listFlows(o: ListOptions, environmentId: string, scope: 'admin' | 'maker'): Promise<ListedFlow[]> {
  const env = encodeURIComponent(environmentId);
  const url =
    scope === 'admin'
      ? `${o.base}/providers/Microsoft.ProcessSimple/scopes/admin/environments/${env}/v2/flows?api-version=2016-11-01`
      : `${o.base}/providers/Microsoft.ProcessSimple/environments/${env}/flows?api-version=2016-11-01&include=includeSolutionCloudFlows`;
  const flows = await o.rest.all<Flow>(url, undefined, { signal: o.signal });
  return flows.map((f) => ({
    tenantId: o.tenantId,
    environmentId,
    flowId: f.name,
    displayName: f.properties?.displayName ?? f.name,
    creatorObjectId: f.properties?.creator?.objectId ?? null,
    state: f.properties?.state ?? null,
    // Every cloud flow of a Dataverse environment is a Dataverse workflow and carries its id: that alone proves no solution.
    solutionAware: null,
    workflowEntityId: f.properties?.workflowEntityId ?? null,
    seenAt: o.seenAt,
  }));
}

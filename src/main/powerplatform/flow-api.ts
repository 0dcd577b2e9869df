/** Power Automate cloud flows per environment with creator, state and solution awareness; admin scope or the caller's own flows. */
import type { FlowFact } from '../../shared/power-platform-types';
import type { ListOptions } from './bap-api';

interface Flow {
  name: string;
  properties?: { displayName?: string; state?: string; creator?: { objectId?: string }; workflowEntityId?: string };
}

export async function listFlows(o: ListOptions, environmentId: string, scope: 'admin' | 'maker'): Promise<FlowFact[]> {
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
    // A solution cloud flow is a Dataverse workflow: it carries the workflow's id.
    solutionAware: typeof f.properties?.workflowEntityId === 'string',
    seenAt: o.seenAt,
  }));
}

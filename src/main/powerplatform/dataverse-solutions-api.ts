/** A Dataverse environment's model-driven apps (`appmodules`, with their creator) and which workflows and apps are components of a delivered solution. */
import type { AppFact } from '../../shared/power-platform-types';
import { SYSTEM_OBJECT_ID } from '../../shared/attribution/power-apps-rules';
import { odataNextLinkPager } from '../http/paging';
import { withId, type RestClient } from '../http/rest-client';

export interface DataverseOptions {
  rest: RestClient;
  instanceUrl: string;
  tenantId: string;
  environmentId: string;
  seenAt: string;
  signal: AbortSignal;
}

interface AppModule {
  appmoduleid: string;
  name?: string;
  ismanaged?: boolean;
  appmodule_createdby?: { azureactivedirectoryobjectid?: string | null; fullname?: string } | null;
}

interface Solution {
  solutionid: string;
  uniquename?: string;
}

interface SolutionComponent {
  objectid?: string;
  _solutionid_value?: string;
}

/**
 * Solutions every organization has, which hold components without anyone delivering them: Default holds every component of the
 * environment, Active the unmanaged layer (Learn, "Solution concepts" and "Solution layers"). Membership in any other solution is
 * what "delivered through a solution" means here; whether Microsoft's programs also require it to be managed is not documented.
 */
const NOT_DELIVERY = new Set(['default', 'active']);
/** `solutioncomponent.componenttype` of a workflow (cloud flows are workflows) and of a model-driven app (Learn, solutioncomponent reference). */
const WORKFLOW = 29;
const APP_MODULE = 80;

const api = (o: DataverseOptions, path: string) => `${o.instanceUrl}/api/data/v9.2/${path}`;
const pager = () => odataNextLinkPager({ maxPageSize: 5000 });

/**
 * Object ids (lower case) of the workflows and model-driven apps that are components of a solution other than Default and
 * Active. A cloud flow's `workflowEntityId` only says it is stored in Dataverse, where every cloud flow now is (Learn,
 * "Power Automate Web API"; microsoft/coe-starter-kit#9324); its solution membership is in `solutioncomponents`.
 */
export async function readDeliveredComponents(o: DataverseOptions): Promise<Set<string>> {
  const solutions = await o.rest.all(api(o, 'solutions?$select=solutionid,uniquename'), pager(), { signal: o.signal, isItem: withId<Solution>('solutionid') });
  const delivery = new Set(solutions.filter((s) => !NOT_DELIVERY.has((s.uniquename ?? '').toLowerCase())).map((s) => s.solutionid.toLowerCase()));
  const filter = encodeURIComponent(`componenttype eq ${WORKFLOW} or componenttype eq ${APP_MODULE}`);
  const components = await o.rest.all<SolutionComponent>(api(o, `solutioncomponents?$select=objectid,componenttype,_solutionid_value&$filter=${filter}`), pager(), { signal: o.signal });
  return new Set(components.flatMap((c) => (c.objectid && delivery.has((c._solutionid_value ?? '').toLowerCase()) ? [c.objectid.toLowerCase()] : [])));
}

/** The Entra object id of an app's creator; SYSTEM's id for Dataverse's SYSTEM user (no Entra account); null when not given. */
function creatorObjectId(creator: AppModule['appmodule_createdby']): string | null {
  if (creator?.azureactivedirectoryobjectid) return creator.azureactivedirectoryobjectid;
  return creator?.fullname === 'SYSTEM' ? SYSTEM_OBJECT_ID : null;
}

/**
 * Model-driven apps are not in the Power Apps app lists (MicrosoftDocs/power-platform#304): they are Dataverse `appmodules`.
 * An appmodule is organization-owned (no `ownerid`); its `createdby` is a systemuser whose `azureactivedirectoryobjectid` is
 * the Entra object id (Learn, "Model-driven App (AppModule) table/entity reference", relation lk_appmodule_createdby), so the
 * account that created or imported the app is its owner here. A managed app came in a managed solution.
 */
export async function listModelDrivenApps(o: DataverseOptions, delivered: ReadonlySet<string>): Promise<AppFact[]> {
  const select = '$select=appmoduleid,name,uniquename,clienttype,ismanaged,solutionid,_createdby_value';
  const expand = '$expand=appmodule_createdby($select=azureactivedirectoryobjectid,fullname)';
  const apps = await o.rest.all(api(o, `appmodules?${select}&${expand}`), pager(), { signal: o.signal, isItem: withId<AppModule>('appmoduleid') });
  return apps.map((a) => ({
    tenantId: o.tenantId,
    environmentId: o.environmentId,
    appId: a.appmoduleid,
    displayName: a.name ?? a.appmoduleid,
    appType: 'model-driven',
    ownerObjectId: creatorObjectId(a.appmodule_createdby),
    // Model-driven apps are shared through security roles: they have no co-owners.
    coOwnerObjectIds: [],
    editorEmails: [],
    solutionAware: a.ismanaged === true || delivered.has(a.appmoduleid.toLowerCase()),
    seenAt: o.seenAt,
  }));
}

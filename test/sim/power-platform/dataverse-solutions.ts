/**
 * Simulated Dataverse solution tables of an environment's instance: model-driven apps (`appmodules`), `solutions` and
 * `solutioncomponents`, with `$select`, `$expand` of an app's creator, and @odata.nextLink paging as systemusers have.
 */
import { json, type SimReply, type SimRequest } from '../http-kit';
import { SYSTEM_OBJECT_ID, stableGuid, workflowEntityIdOf } from '../power-platform-shapes';
import type { SimEnvironment } from '../scenario';
import { PAGE_SIZE, type PowerPlatformContext } from './pp-context';

type Row = Record<string, unknown>;

/** The solutions every Dataverse organization has: every component is in Default; unmanaged layers are in Active (clients match them by uniquename). */
const DEFAULT_SOLUTION = { solutionid: 'fd140aaf-4df4-11dd-bd17-0019b9312238', uniquename: 'Default', friendlyname: 'Default Solution', ismanaged: false };
const ACTIVE_SOLUTION = { solutionid: 'fd140aae-4df4-11dd-bd17-0019b9312238', uniquename: 'Active', friendlyname: 'Active Solution', ismanaged: false };

/** `solutioncomponent.componenttype` of a workflow (cloud flows included) and of a model-driven app (Learn, solutioncomponent table reference). */
const WORKFLOW = 29;
const APP_MODULE = 80;

const API = '/api/data/v9.2/';

/** The delivered solution of the environment: the one the scenario's `solution: true` apps and flows came in. */
const deliverySolution = (env: SimEnvironment) => ({ solutionid: stableGuid('solution', env.environmentId), uniquename: 'NorthwindDelivery', friendlyname: 'Northwind delivery', ismanaged: true });

/**
 * The creator of a model-driven app as Dataverse has it: a systemuser with its own `systemuserid`, mapped to the Entra object id by
 * `azureactivedirectoryobjectid` (Learn, appmodule reference: `createdby` targets systemuser). SYSTEM, Dataverse's built-in user, is
 * given no Entra object id and the full name "SYSTEM" here: no recorded SYSTEM row was found, so this is the sim's assumption.
 */
function systemUser(objectId: string): Row {
  const system = objectId === SYSTEM_OBJECT_ID;
  return { systemuserid: stableGuid('systemuser', objectId), fullname: system ? 'SYSTEM' : objectId, azureactivedirectoryobjectid: system ? null : objectId };
}

/** Answers GET {instance}/api/data/v9.2/{appmodules|solutions|solutioncomponents} for a caller Dataverse already let in (dataverse.ts). */
export function dataverseSolutionTables(pp: PowerPlatformContext, req: SimRequest, env: SimEnvironment, instanceUrl: string, set: string): SimReply {
  const rows = set === 'appmodules' ? appModules(pp, env) : set === 'solutions' ? solutions(pp, env) : solutionComponents(pp, env, req.url.searchParams.get('$filter') ?? '');
  return odataPage(req, instanceUrl, set, rows);
}

const inDelivery = (pp: PowerPlatformContext, env: SimEnvironment) =>
  (pp.appsByEnvironment.get(env.environmentId) ?? []).some((a) => a.solution) || (pp.flowsByEnvironment.get(env.environmentId) ?? []).some((f) => f.solution);

/** The solutions Customer Insights installs (MicrosoftDocs/customer-insights, ci-docs: "Uninstall the following Customer Insights solutions"). */
const CUSTOMER_INSIGHTS_SOLUTIONS = ['msdyn_CustomerInsightsAnchor', 'msdyn_CustomerInsightsDataTables', 'msdyn_CustomerInsights'].map((uniquename) => ({
  solutionid: stableGuid('solution', uniquename),
  uniquename,
  friendlyname: uniquename,
  ismanaged: true,
}));

function solutions(pp: PowerPlatformContext, env: SimEnvironment): Row[] {
  return [DEFAULT_SOLUTION, ACTIVE_SOLUTION, ...(inDelivery(pp, env) ? [deliverySolution(env)] : []), ...(env.dataverse?.customerInsights ? CUSTOMER_INSIGHTS_SOLUTIONS : [])];
}

// appmodule is organization-owned: no ownerid; `createdby` is a lookup to systemuser, navigation property `appmodule_createdby`;
// `solutionid` is the solution of the layer (Active for unmanaged) (Learn, "Model-driven App (AppModule) table/entity reference").
function appModules(pp: PowerPlatformContext, env: SimEnvironment): Row[] {
  return (pp.appsByEnvironment.get(env.environmentId) ?? [])
    .filter((a) => a.appType === 'model-driven')
    .map((a) => {
      const creator = systemUser(a.ownerObjectId);
      return {
        appmoduleid: a.appId,
        name: a.displayName,
        uniquename: a.displayName.replace(/[^A-Za-z0-9]/g, ''),
        clienttype: 4,
        componentstate: 0,
        ismanaged: a.solution === true,
        solutionid: a.solution ? deliverySolution(env).solutionid : ACTIVE_SOLUTION.solutionid,
        _createdby_value: creator.systemuserid,
        appmodule_createdby: creator,
      };
    });
}

/** Every workflow and model-driven app is a component of Default; those the scenario delivered are also in the delivery solution. */
function solutionComponents(pp: PowerPlatformContext, env: SimEnvironment, filter: string): Row[] {
  const asked = new Set([...filter.matchAll(/componenttype eq (\d+)/g)].map((m) => Number(m[1])));
  const components = [
    ...(pp.flowsByEnvironment.get(env.environmentId) ?? []).map((f) => ({ objectid: workflowEntityIdOf(f.flowId), componenttype: WORKFLOW, delivered: f.solution === true })),
    ...(pp.appsByEnvironment.get(env.environmentId) ?? []).filter((a) => a.appType === 'model-driven').map((a) => ({ objectid: a.appId, componenttype: APP_MODULE, delivered: a.solution === true })),
  ].filter((x) => asked.size === 0 || asked.has(x.componenttype));
  return components.flatMap((x) => [
    { solutioncomponentid: stableGuid('component', `${x.objectid}:default`), objectid: x.objectid, componenttype: x.componenttype, _solutionid_value: DEFAULT_SOLUTION.solutionid },
    ...(x.delivered ? [{ solutioncomponentid: stableGuid('component', x.objectid), objectid: x.objectid, componenttype: x.componenttype, _solutionid_value: deliverySolution(env).solutionid }] : []),
  ]);
}

/** The columns of `$select` (the primary key always comes back), and the single-valued navigation properties of `$expand` with theirs. */
function project(row: Row, select: string[], expand: Map<string, string[]>): Row {
  const out: Row = {};
  const key = Object.keys(row)[0] ?? '';
  for (const column of [key, ...select]) if (column in row) out[column] = row[column];
  for (const [navigation, columns] of expand) {
    const related = row[navigation];
    if (related && typeof related === 'object') out[navigation] = columns.length ? Object.fromEntries(columns.map((c) => [c, (related as Row)[c] ?? null])) : related;
  }
  return out;
}

/** One page of `rows` in Dataverse's envelope: Prefer odata.maxpagesize (at most PAGE_SIZE here), a `$skiptoken` paging cookie (Learn, page-results). */
function odataPage(req: SimRequest, instanceUrl: string, set: string, rows: Row[]): SimReply {
  const select = (req.url.searchParams.get('$select') ?? '').split(',').filter(Boolean);
  const expand = new Map([...(req.url.searchParams.get('$expand') ?? '').matchAll(/(\w+)(?:\(\$select=([^)]*)\))?/g)].map((m) => [m[1] ?? '', (m[2] ?? '').split(',').filter(Boolean)]));
  const asked = Number(/odata\.maxpagesize=(\d+)/.exec(String(req.headers.prefer ?? ''))?.[1] ?? '5000');
  const size = Math.min(asked, PAGE_SIZE);
  const pageNumber = Number(/pagenumber="(\d+)"/.exec(req.url.searchParams.get('$skiptoken') ?? '')?.[1] ?? '1');
  const next = pageNumber * size < rows.length ? new URL(req.url) : null;
  next?.searchParams.set('$skiptoken', `<cookie pagenumber="${pageNumber + 1}" istracking="False" />`);
  return json(
    200,
    {
      '@odata.context': `${instanceUrl}${API}$metadata#${set}(${select.join(',')})`,
      value: rows.slice((pageNumber - 1) * size, pageNumber * size).map((row, i) => ({ '@odata.etag': `W/"${2000 + i}"`, ...project(row, select, expand) })),
      ...(next ? { '@odata.nextLink': next.toString() } : {}),
    },
    { 'preference-applied': `odata.maxpagesize=${size}` },
  );
}

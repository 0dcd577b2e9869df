/** Simulated Power BI REST API: workspaces and their datasets (configuredBy), the admin lists with their limits per tenant, and the 401 a caller who is not a Fabric admin gets. */
import { randomUUID } from 'node:crypto';
import { json, type SimReply, type SimRequest } from '../http-kit';
import { datasetShape, workspaceShape } from '../power-platform-shapes';
import type { PowerPlatformData } from '../scenario';
import { AUDIENCE, ppError, type PowerPlatformContext } from './pp-context';

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

type AdminApi = 'groups' | 'datasets';

/**
 * Calls per tenant the admin APIs allow ("Maximum 50 requests per hour or 15 requests per minute, per tenant" for
 * Groups_GetGroupsAsAdmin; "50 requests per hour or 5 requests per minute, per tenant" for Datasets_GetDatasetsAsAdmin:
 * fixtures/powerplatform/powerbi-rest.swagger.json, "Limitations"); a scenario may lower them.
 */
const limitsOf = (data: PowerPlatformData, api: AdminApi) =>
  api === 'groups'
    ? { perHour: data.adminGroupsPerHour ?? 50, perMinute: data.adminGroupsPerMinute ?? 15 }
    : { perHour: data.adminDatasetsPerHour ?? 50, perMinute: data.adminDatasetsPerMinute ?? 5 };

export class PowerBiService {
  readonly #pp: PowerPlatformContext;
  /** Times of the admin calls Power BI answered, per tenant and API, in the last hour. */
  readonly #adminCalls = new Map<string, number[]>();

  constructor(pp: PowerPlatformContext) {
    this.#pp = pp;
  }

  handle(req: SimRequest): SimReply | null {
    const pp = this.#pp;
    const p = req.url.pathname;
    let m: RegExpExecArray | null;
    const top = Number(req.url.searchParams.get('$top') ?? '5000');
    const skip = Number(req.url.searchParams.get('$skip') ?? '0');
    const context = (set: string) => `http://wabi-sim.analysis.windows.net/v1.0/myorg/${set}`;
    if (p === '/v1.0/myorg/groups') {
      return pp.as(req, AUDIENCE.powerBi, (c) => {
        const all = pp.data.workspaces.filter((w) => w.tenantId === c.tenantId && (!w.memberObjectIds || w.memberObjectIds.includes(c.objectId))).map(workspaceShape);
        return json(200, { '@odata.context': context('$metadata#groups'), '@odata.count': all.length, value: all.slice(skip, skip + top) });
      });
    }
    if ((m = /^\/v1\.0\/myorg\/groups\/([^/]+)\/datasets$/.exec(p))) {
      const groupId = m[1];
      return pp.as(req, AUDIENCE.powerBi, (c) => {
        const ws = pp.data.workspaces.find((w) => w.tenantId === c.tenantId && w.groupId === groupId && (!w.memberObjectIds || w.memberObjectIds.includes(c.objectId)));
        if (!ws) return ppError(404, 'ItemNotFound', `Couldn't find workspace ${groupId}`);
        return json(200, { '@odata.context': context(`groups/${groupId}/$metadata#datasets`), value: ws.datasets.map((d) => datasetShape(d, ws.groupId, false)) });
      });
    }
    if (p === '/v1.0/myorg/admin/groups') {
      return pp.as(req, AUDIENCE.powerBi, (c) => {
        if (!c.powerBiAdmin) return notFabricAdmin();
        if (!req.url.searchParams.has('$top')) return ppError(400, 'InvalidRequest', "The '$top' query parameter is required.");
        const wait = this.#adminWait(c.tenantId, 'groups');
        if (wait > 0) return tooManyRequests(wait);
        const all = pp.data.workspaces.filter((w) => w.tenantId === c.tenantId).map(workspaceShape);
        return json(200, { '@odata.context': context('admin/$metadata#groups'), value: all.slice(skip, skip + top) });
      });
    }
    if (p === '/v1.0/myorg/admin/datasets') {
      return pp.as(req, AUDIENCE.powerBi, (c) => {
        if (!c.powerBiAdmin) return notFabricAdmin();
        const wait = this.#adminWait(c.tenantId, 'datasets');
        if (wait > 0) return tooManyRequests(wait);
        const all = pp.data.workspaces.filter((w) => w.tenantId === c.tenantId).flatMap((w) => w.datasets.map((d) => datasetShape(d, w.groupId, true)));
        return json(200, { '@odata.context': context('admin/$metadata#datasets'), value: all.slice(skip, skip + top) });
      });
    }
    return null;
  }

  /** Seconds until the tenant may call the admin API again under both its limits (0 = now; the call is then counted). */
  #adminWait(tenantId: string, api: AdminApi): number {
    const now = Date.now();
    const key = `${tenantId} ${api}`;
    const calls = (this.#adminCalls.get(key) ?? []).filter((at) => at > now - HOUR_MS);
    const lastMinute = calls.filter((at) => at > now - MINUTE_MS);
    const { perHour, perMinute } = limitsOf(this.#pp.data, api);
    const free = (oldest: number | undefined, window: number) => Math.max(1, Math.ceil(((oldest ?? now) + window - now) / 1000));
    if (calls.length >= perHour) return free(calls.at(-perHour), HOUR_MS);
    if (lastMinute.length >= perMinute) return free(lastMinute.at(-perMinute), MINUTE_MS);
    calls.push(now);
    this.#adminCalls.set(key, calls);
    return 0;
  }
}

/** Power BI's own request id header, as its answers carry it (`RequestId`: MicrosoftDocs/powerbi-docs#1096, RuiRomano/pbimonitor#58). */
const requestIdHeader = () => ({ requestid: randomUUID() });

/**
 * A caller who is not a Fabric (Power BI) admin, or a service principal the tenant settings do not allow, calling an admin API:
 * 401 with `PowerBINotAuthorizedException` (RuiRomano/pbimonitor#66: "401 (Unauthorized)" on the admin catalog read;
 * microsoft/powerbi-powershell#112 and #291: `-Scope Organization` answers 'Unauthorized' until the admin role is active).
 * The body is the one recorded in MicrosoftDocs/powerbi-docs#1096 and #3234: `error.code` and `error["pbi.error"]`, no message.
 */
function notFabricAdmin(): SimReply {
  const code = 'PowerBINotAuthorizedException';
  return json(401, { error: { code, 'pbi.error': { code, parameters: {}, details: [], exceptionCulprit: 1 } } }, requestIdHeader());
}

/** Over a limit: 429 with Retry-After in seconds and the message recorded in RuiRomano/pbimonitor#58 (field-samples/FACTS.md, "429"). */
function tooManyRequests(wait: number): SimReply {
  const message = `You have exceeded the amount of requests allowed in the current time frame and further requests will fail. Retry in ${wait} seconds.`;
  return json(429, { message }, { 'retry-after': String(wait), ...requestIdHeader() });
}

/** Simulated Power BI REST API: workspaces and their datasets (configuredBy), the admin lists, and the admin datasets hourly limit per tenant. */
import { json, type SimReply, type SimRequest } from '../http-kit';
import { datasetShape, workspaceShape } from '../power-platform-shapes';
import { AUDIENCE, ppError, type PowerPlatformContext } from './pp-context';

const HOUR_MS = 3_600_000;

export class PowerBiService {
  readonly #pp: PowerPlatformContext;
  /** Times of admin datasets calls per tenant in the last hour. */
  readonly #adminDatasetCalls = new Map<string, number[]>();

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
        if (!c.powerBiAdmin) return this.#notPowerBiAdmin();
        if (!req.url.searchParams.has('$top')) return ppError(400, 'InvalidRequest', "The '$top' query parameter is required.");
        const all = pp.data.workspaces.filter((w) => w.tenantId === c.tenantId).map(workspaceShape);
        return json(200, { '@odata.context': context('admin/$metadata#groups'), value: all.slice(skip, skip + top) });
      });
    }
    if (p === '/v1.0/myorg/admin/datasets') {
      return pp.as(req, AUDIENCE.powerBi, (c) => {
        if (!c.powerBiAdmin) return this.#notPowerBiAdmin();
        const wait = this.#adminDatasetsWait(c.tenantId);
        if (wait > 0) {
          return json(429, { message: `You have exceeded the amount of requests allowed in the current time frame and further requests will fail. Retry in ${wait} seconds.` }, { 'retry-after': String(wait) });
        }
        const all = pp.data.workspaces.filter((w) => w.tenantId === c.tenantId).flatMap((w) => w.datasets.map((d) => datasetShape(d, w.groupId, true)));
        return json(200, { '@odata.context': context('admin/$metadata#datasets'), value: all.slice(skip, skip + top) });
      });
    }
    return null;
  }

  #notPowerBiAdmin(): SimReply {
    return ppError(403, 'PowerBINotAuthorizedException', 'The caller is not a Fabric administrator, or service principals may not use the admin APIs in this tenant.');
  }

  /** Seconds until the tenant may call admin datasets again (0 = now; the call is then counted). */
  #adminDatasetsWait(tenantId: string): number {
    const now = Date.now();
    const calls = (this.#adminDatasetCalls.get(tenantId) ?? []).filter((at) => at > now - HOUR_MS);
    const limit = this.#pp.data.adminDatasetsPerHour ?? 50;
    if (calls.length >= limit) return Math.max(1, Math.ceil(((calls[0] ?? now) + HOUR_MS - now) / 1000));
    calls.push(now);
    this.#adminDatasetCalls.set(tenantId, calls);
    return 0;
  }
}

/** Simulated Dataverse Web API of each environment's instance: system users, paged with @odata.nextLink and Prefer: odata.maxpagesize. */
import { json, type SimReply, type SimRequest } from '../http-kit';
import { handleDataverseSolutions } from './dataverse-solutions';
import { PAGE_SIZE, ppError, type PowerPlatformContext } from './pp-context';

export class DataverseService {
  readonly #pp: PowerPlatformContext;

  constructor(pp: PowerPlatformContext) {
    this.#pp = pp;
  }

  /** A request to the instance of environment `environmentId` (each instance has its own origin). */
  handle(req: SimRequest, environmentId: string): SimReply | null {
    const pp = this.#pp;
    if (req.url.pathname !== '/api/data/v9.2/systemusers') return handleDataverseSolutions(pp, req, environmentId);
    const env = pp.environment(environmentId);
    if (!env?.dataverse) return ppError(404, 'NotFound', 'No Dataverse organization here.');
    const dataverse = env.dataverse;
    const instanceUrl = pp.instanceUrl(env);
    return pp.as(req, instanceUrl, (c) => {
      if (c.tenantId !== env.tenantId) return ppError(401, '0x80072560', 'The user is not a member of the organization.');
      if (!c.powerPlatformAdmin && !dataverse.enabledUserObjectIds.includes(c.objectId)) return ppError(403, '0x80072560', 'The user is not a member of the organization.');
      const onlyEnabled = /isdisabled eq false/.test(req.url.searchParams.get('$filter') ?? '');
      const users = [
        ...dataverse.enabledUserObjectIds.map((oid) => ({ oid, isdisabled: false })),
        ...(onlyEnabled ? [] : (dataverse.disabledUserObjectIds ?? []).map((oid) => ({ oid, isdisabled: true }))),
      ];
      const asked = Number(/odata\.maxpagesize=(\d+)/.exec(String(req.headers.prefer ?? ''))?.[1] ?? '5000');
      const size = Math.min(asked, PAGE_SIZE);
      const pageNumber = Number(/pagenumber="(\d+)"/.exec(req.url.searchParams.get('$skiptoken') ?? '')?.[1] ?? '1');
      const slice = users.slice((pageNumber - 1) * size, pageNumber * size);
      const next = pageNumber * size < users.length ? new URL(req.url) : null;
      next?.searchParams.set('$skiptoken', `<cookie pagenumber="${pageNumber + 1}" istracking="False" />`);
      return json(
        200,
        {
          '@odata.context': `${instanceUrl}/api/data/v9.2/$metadata#systemusers(azureactivedirectoryobjectid,isdisabled)`,
          value: slice.map((u, i) => ({ '@odata.etag': `W/"${1000 + i}"`, azureactivedirectoryobjectid: u.oid, isdisabled: u.isdisabled, systemuserid: u.oid })),
          ...(next ? { '@odata.nextLink': next.toString() } : {}),
        },
        { 'preference-applied': `odata.maxpagesize=${size}` },
      );
    });
  }
}

/**
 * Simulated Dataverse Web API of each environment's instance: system users (kinds, disabled and soft-deleted rows included) and
 * the solution tables (dataverse-solutions.ts), honouring $select, paged with @odata.nextLink and Prefer: odata.maxpagesize; a service principal reads only as an application user.
 */
import { json, type SimReply, type SimRequest } from '../http-kit';
import type { SimEnvironment, SimSystemUser } from '../scenario';
import { dataverseSolutionTables } from './dataverse-solutions';
import { PAGE_SIZE, ppError, type Caller, type PowerPlatformContext } from './pp-context';

type Row = Record<string, string | number | boolean | null>;
type Dataverse = NonNullable<SimEnvironment['dataverse']>;

/** Every system user of the instance as Dataverse stores it, enabled ones first. */
function systemUsers(dataverse: Dataverse): SimSystemUser[] {
  return [
    ...dataverse.enabledUserObjectIds.map((objectId) => ({ objectId })),
    ...(dataverse.disabledUserObjectIds ?? []).map((objectId) => ({ objectId, disabled: true })),
    ...(dataverse.otherUsers ?? []),
  ];
}

/**
 * A systemuser row with the columns the TF provider's recorded row carries (field-samples/dataverse-systemusers-tfprovider.json):
 * `accessmode` (0 read-write … 4 non-interactive, 5 delegated admin), `applicationid` (null for people), `deletedstate` (0 unless
 * soft-deleted: microsoft/terraform-provider-power-platform `GetApplicationUser` skips rows whose deletedstate is not 0), `azurestate`.
 */
const userRow = (u: SimSystemUser): Row => ({
  systemuserid: u.objectId,
  azureactivedirectoryobjectid: u.objectId,
  applicationid: u.applicationId ?? null,
  accessmode: u.accessMode ?? (u.applicationId ? 4 : 0),
  isdisabled: u.disabled === true,
  deletedstate: u.deleted ? 1 : 0,
  azurestate: 0,
  isintegrationuser: false,
  islicensed: !u.applicationId,
});

export class DataverseService {
  readonly #pp: PowerPlatformContext;

  constructor(pp: PowerPlatformContext) {
    this.#pp = pp;
  }

  /** A request to the instance of environment `environmentId` (each instance has its own origin). */
  handle(req: SimRequest, environmentId: string): SimReply | null {
    const pp = this.#pp;
    const set = /^\/api\/data\/v9\.2\/(systemusers|appmodules|solutions|solutioncomponents)$/.exec(req.url.pathname)?.[1];
    if (!set) return null;
    const env = pp.environment(environmentId);
    if (!env?.dataverse) return ppError(404, 'NotFound', 'No Dataverse organization here.');
    const dataverse = env.dataverse;
    const instanceUrl = pp.instanceUrl(env);
    return pp.as(req, instanceUrl, (c) => {
      if (c.tenantId !== env.tenantId) return ppError(401, '0x80072560', 'The user is not a member of the organization.');
      if (!this.#member(c, dataverse)) return ppError(403, '0x80072560', 'The user is not a member of the organization.');
      if (set !== 'systemusers') return dataverseSolutionTables(pp, req, env, instanceUrl, set);
      const onlyEnabled = /isdisabled eq false/.test(req.url.searchParams.get('$filter') ?? '');
      return this.#list(req, instanceUrl, set, systemUsers(dataverse).filter((u) => !onlyEnabled || !u.disabled).map(userRow));
    });
  }

  /**
   * Who may read the instance: a person who is an enabled user there (or a Power Platform admin); a service principal only as an
   * enabled application user, even a registered Power Platform management app (error 0x80072560 otherwise: MicrosoftDocs/power-platform#2124).
   */
  #member(c: Caller, dataverse: Dataverse): boolean {
    const live = systemUsers(dataverse).filter((u) => !u.disabled && !u.deleted);
    if (c.kind === 'service-principal') {
      const clientId = this.#pp.dir.scenario.servicePrincipals.find((s) => s.tenantId === c.tenantId && s.objectId === c.objectId)?.clientId;
      return live.some((u) => u.applicationId !== undefined && u.applicationId === clientId);
    }
    return c.powerPlatformAdmin || live.some((u) => !u.applicationId && u.objectId === c.objectId);
  }

  /** An OData collection: only the $select-ed columns and the primary key come back (an unknown column is a 400), paged by maxpagesize. */
  #list(req: SimRequest, instanceUrl: string, set: string, rows: Row[]): SimReply {
    const selected = req.url.searchParams.get('$select')?.split(',').map((s) => s.trim()).filter(Boolean) ?? null;
    const key = 'systemuserid';
    const unknown = selected?.find((column) => rows[0] !== undefined && !(column in rows[0]));
    if (unknown) return ppError(400, '0x80060888', `Could not find a property named '${unknown}' on type 'Microsoft.Dynamics.CRM.${set.replace(/s$/, '')}'.`);
    const shaped = rows.map((row) => (selected ? Object.fromEntries([...selected, key].map((column) => [column, row[column] ?? null])) : row));
    const asked = Number(/odata\.maxpagesize=(\d+)/.exec(String(req.headers.prefer ?? ''))?.[1] ?? '5000');
    const size = Math.min(asked, PAGE_SIZE);
    const pageNumber = Number(/pagenumber="(\d+)"/.exec(req.url.searchParams.get('$skiptoken') ?? '')?.[1] ?? '1');
    const slice = shaped.slice((pageNumber - 1) * size, pageNumber * size);
    const next = pageNumber * size < shaped.length ? new URL(req.url) : null;
    next?.searchParams.set('$skiptoken', `<cookie pagenumber="${pageNumber + 1}" istracking="False" />`);
    return json(
      200,
      {
        '@odata.context': `${instanceUrl}/api/data/v9.2/$metadata#${set}${selected ? `(${selected.join(',')})` : ''}`,
        value: slice.map((row, i) => ({ '@odata.etag': `W/"${1000 + i}"`, ...row })),
        ...(next ? { '@odata.nextLink': next.toString() } : {}),
      },
      { 'preference-applied': `odata.maxpagesize=${size}` },
    );
  }
}

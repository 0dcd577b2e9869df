/** Power BI's admin API limits per tenant, and PAL Desk's budget for them kept in the inventory: the app, the browser host and every CLI run on a data folder share it. */
import { AppFailure } from '../../shared/result';
import type { AdminCallsRepo, CallRefusal } from '../inventory/admin-calls-repo';

export type PowerBiAdminApi = 'admin/groups' | 'admin/datasets';

/**
 * Calls per tenant each admin API allows (fixtures/powerplatform/powerbi-rest.swagger.json, "Limitations": Groups_GetGroupsAsAdmin
 * "Maximum 50 requests per hour or 15 requests per minute, per tenant"; Datasets_GetDatasetsAsAdmin "50 requests per hour or
 * 5 requests per minute, per tenant").
 */
export const POWER_BI_ADMIN_LIMITS: Readonly<Record<PowerBiAdminApi, { perHour: number; perMinute: number }>> = {
  'admin/groups': { perHour: 50, perMinute: 15 },
  'admin/datasets': { perHour: 50, perMinute: 5 },
};

const WHAT: Record<PowerBiAdminApi, string> = { 'admin/groups': 'admin workspace lists', 'admin/datasets': 'admin dataset reads' };
const SERVICE = 'power-bi';

const isAdminApi = (api: string): api is PowerBiAdminApi => api in POWER_BI_ADMIN_LIMITS;

export class PowerBiAdminBudget {
  readonly #calls: Pick<AdminCallsRepo, 'take' | 'hold'>;

  constructor(calls: Pick<AdminCallsRepo, 'take' | 'hold'>) {
    this.#calls = calls;
  }

  /** Counts one call of `api` for the tenant, or throws 'throttled' saying when PAL Desk reads again; `then` are the admin APIs the same read calls next. */
  take(tenantId: string, label: string, api: PowerBiAdminApi, then: readonly PowerBiAdminApi[] = []): void {
    const refused = this.#calls.take(SERVICE, tenantId, api, POWER_BI_ADMIN_LIMITS, then);
    if (refused) throw limitReached(label, refused);
  }

  /** Holds every admin call for the tenant until the time Power BI's Retry-After named, and returns the failure to report. */
  hold(tenantId: string, label: string, api: PowerBiAdminApi, until: Date): AppFailure {
    this.#calls.hold(SERVICE, tenantId, api, until);
    return limitReached(label, { api, reason: 'held', until });
  }
}

function limitReached(label: string, refused: CallRefusal): AppFailure {
  const api = isAdminApi(refused.api) ? refused.api : 'admin/datasets';
  const { perHour, perMinute } = POWER_BI_ADMIN_LIMITS[api];
  const limit = {
    hour: `Power BI allows about ${perHour} ${WHAT[api]} an hour for ${label}`,
    minute: `Power BI allows ${perMinute} ${WHAT[api]} a minute for ${label}`,
    held: `Power BI allows about ${perHour} ${WHAT[api]} an hour for ${label} (${perMinute} a minute) and asked to wait`,
  }[refused.reason];
  return new AppFailure(
    'throttled',
    `${limit}; PAL Desk reads them again after ${refused.until.toLocaleTimeString()}. Until then the datasets shown are from the last sync.`,
    { retryAt: refused.until.toISOString(), budget: true },
  );
}

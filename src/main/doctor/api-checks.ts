/** The calls the doctor makes (a GET of one first page each, never a write) and what each answer proves. */
import type { CloudProfile } from '../../shared/cloud-profile';
import type { DoctorApi } from '../../shared/doctor-types';
import { itemsOf } from '../http/paging';

export interface Reading {
  outcome: 'pass' | 'limited';
  /** What the answer proved, in words. */
  proved: string;
}

export interface ApiCheck {
  api: DoctorApi;
  name: string;
  /** The token scope the call needs. */
  scope: string;
  url: string;
  /** What an answer proves; null when its status is a failure (mapped as everywhere else in PAL Desk). */
  read(status: number, body: unknown): Reading | null;
}

const is2xx = (status: number) => status >= 200 && status < 300;
const field = (value: unknown, name: string): unknown => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined);
const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** "3 environments", or "2 environments on the first page" when the list has more pages (the doctor reads one). */
export const counted = (body: unknown, noun: string, nextField = 'nextLink'): string =>
  `${plural(itemsOf(body).length, noun)}${typeof field(body, nextField) === 'string' ? ' on the first page (more follow)' : ''}`;

/** The Power BI error of a caller who is not a Fabric admin (RuiRomano/pbimonitor#66, microsoft/powerbi-powershell#112 and #291). */
const notFabricAdmin = (body: unknown) => field(field(body, 'error'), 'code') === 'PowerBINotAuthorizedException';

const listCheck = (api: DoctorApi, name: string, scope: string, url: string, noun: string, words: (count: string) => string, nextField?: string): ApiCheck => ({
  api,
  name,
  scope,
  url,
  read: (status, body) => (is2xx(status) ? { outcome: 'pass', proved: words(counted(body, noun, nextField)) } : null),
});

export const partnerLinkCheck = (cloud: CloudProfile): ApiCheck => ({
  api: 'partner-link',
  name: 'Partner link (ARM)',
  scope: cloud.scopes.arm,
  url: `${cloud.endpoints.arm}/providers/Microsoft.ManagementPartner/partners?api-version=2018-02-01`,
  read: (status, body) => {
    const partnerId = field(field(body, 'properties'), 'partnerId');
    if (is2xx(status)) return { outcome: 'pass', proved: typeof partnerId === 'string' ? `linked partner ID ${partnerId}` : 'no partner ID linked' };
    // ARM answers 404 when nothing is linked for the caller (fixtures/managementpartner, recorded traffic).
    if (status !== 404) return null;
    return cloud.partnerLinkApi === 'documented'
      ? { outcome: 'pass', proved: 'no partner ID linked' }
      : { outcome: 'limited', proved: `unknown: Microsoft does not document the partner-link API in ${cloud.label}` };
  },
});

/** BAP's admin list holds the environments the caller administers (all of them for a tenant admin). */
export const bapAdminCheck = (cloud: CloudProfile): ApiCheck => ({
  api: 'bap-admin-environments',
  name: 'BAP admin environments',
  scope: cloud.scopes.powerApps,
  url: `${cloud.endpoints.bap}/providers/Microsoft.BusinessAppPlatform/scopes/admin/environments?api-version=2023-06-01`,
  read: (status, body) => {
    if (!is2xx(status)) return null;
    return itemsOf(body).length === 0
      ? { outcome: 'limited', proved: 'admin of no environment (the admin list is empty)' }
      : { outcome: 'pass', proved: `admin of ${counted(body, 'environment')}` };
  },
});

export const bapMakerCheck = (cloud: CloudProfile): ApiCheck =>
  listCheck('bap-maker-environments', 'BAP maker environments', cloud.scopes.powerApps, `${cloud.endpoints.bap}/providers/Microsoft.BusinessAppPlatform/environments?api-version=2020-10-01`, 'environment', (n) => `maker view: ${n}`);

export const powerAppsAdminCheck = (cloud: CloudProfile, environmentId: string): ApiCheck =>
  listCheck(
    'power-apps-admin-apps',
    'Power Apps admin apps',
    cloud.scopes.powerApps,
    `${cloud.endpoints.powerApps}/providers/Microsoft.PowerApps/scopes/admin/environments/${encodeURIComponent(environmentId)}/apps?api-version=2016-11-01`,
    'app',
    (n) => `admin: ${n} in environment ${environmentId}`,
  );

export const flowAdminCheck = (cloud: CloudProfile, environmentId: string): ApiCheck =>
  listCheck(
    'flow-admin-flows',
    'Flow admin flows',
    cloud.scopes.flow,
    `${cloud.endpoints.flow}/providers/Microsoft.ProcessSimple/scopes/admin/environments/${encodeURIComponent(environmentId)}/v2/flows?api-version=2016-11-01`,
    'flow',
    (n) => `admin: ${n} in environment ${environmentId}`,
  );

export const powerBiGroupsCheck = (cloud: CloudProfile): ApiCheck =>
  listCheck('power-bi-groups', 'Power BI workspaces', cloud.scopes.powerBi, `${cloud.endpoints.powerBi}/v1.0/myorg/groups`, 'workspace', (n) => `member of ${n}`, '@odata.nextLink');

/** One item of the admin list proves the role; `admin/datasets` (about 50 calls an hour per tenant) is never called. */
export const powerBiAdminCheck = (cloud: CloudProfile): ApiCheck => ({
  api: 'power-bi-admin-groups',
  name: 'Power BI admin workspaces',
  scope: cloud.scopes.powerBi,
  url: `${cloud.endpoints.powerBi}/v1.0/myorg/admin/groups?$top=1`,
  read: (status, body) => {
    if (is2xx(status)) return { outcome: 'pass', proved: 'Fabric admin: reads every workspace' };
    if ((status === 401 || status === 403) && notFabricAdmin(body)) return { outcome: 'limited', proved: 'not a Fabric admin (PowerBINotAuthorizedException): only its own workspaces' };
    return null;
  },
});

/** Installed application packages: how PAL Desk recognises Customer Insights (microsoft/terraform-provider-power-platform). */
export const applicationPackagesCheck = (cloud: CloudProfile, environmentId: string): ApiCheck =>
  listCheck(
    'application-packages',
    'Power Platform API application packages',
    cloud.scopes.powerPlatformApi,
    `${cloud.endpoints.powerPlatformApi}/appmanagement/environments/${encodeURIComponent(environmentId)}/applicationPackages?api-version=2022-03-01-preview`,
    'application package',
    (n) => `${n} in environment ${environmentId}`,
  );

export const dataverseUsersCheck = (origin: string): ApiCheck =>
  listCheck('dataverse-users', `Dataverse users (${new URL(origin).host})`, `${origin}/.default`, `${origin}/api/data/v9.2/systemusers?$select=systemuserid&$top=1`, 'user', () => 'reads system users', '@odata.nextLink');

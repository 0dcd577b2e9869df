/**
 * Cloud profiles: every Microsoft endpoint, token audience and Dataverse host PAL Desk talks to, per national cloud or the
 * simulated cloud, in one table. Sources: microsoft/terraform-provider-power-platform `internal/constants/constants.go`
 * (BAP, Power Apps, Power Platform API hosts and sign-in per cloud; GCC signs in with the commercial authority), the
 * Power Apps admin PowerShell host map (microsoft/coe-starter-kit `Microsoft.PowerApps.RestClientModule.psm1`,
 * `Get-AudienceForHostName`: BAP and Power Apps share the Power Apps audience, ARM's own host its own), MicrosoftDocs/powerbi-docs
 * `embed-sample-for-customers-national-clouds.md` (Power BI hosts and audiences) and Microsoft Learn's Dataverse regions.
 */

export type CloudId = 'public' | 'gcc' | 'gcchigh' | 'dod' | 'china' | 'sim';

export interface CloudEndpoints {
  /** Entra ID authority host, e.g. https://login.microsoftonline.com (no trailing slash). */
  authorityHost: string;
  /** Azure Resource Manager, e.g. https://management.azure.com (the Partner Admin Link API). */
  arm: string;
  /** Business Application Platform (Power Platform environments). */
  bap: string;
  /** Power Apps API. */
  powerApps: string;
  /** Power Automate (Flow) API. */
  flow: string;
  /** Power BI REST API. */
  powerBi: string;
  /** Power Platform API (application packages of an environment). */
  powerPlatformApi: string;
}

/** Token scopes (`<audience>/.default`) per API; BAP uses the Power Apps audience. */
export interface CloudScopes {
  arm: string;
  powerApps: string;
  flow: string;
  powerBi: string;
  powerPlatformApi: string;
}

export interface CloudProfile {
  id: CloudId;
  label: string;
  endpoints: CloudEndpoints;
  scopes: CloudScopes;
  /**
   * Hosts of this cloud's Dataverse instances: `*.crm.dynamics.com` (a `*` stands for one DNS label) or an exact `host:port`.
   * A Dataverse token is only ever asked for, and sent to, an instance on this list.
   */
  dataverseHosts: string[];
  /**
   * Whether Microsoft documents the ManagementPartner (Partner Admin Link) API in this cloud's ARM. Nothing we found documents it
   * for the US Government or China ARM clouds, so PAL Desk says "unknown" there instead of promising a link.
   */
  partnerLinkApi: 'documented' | 'unknown';
  /** host:port entries msal-node must trust as authorities (only for non-Microsoft hosts, i.e. the simulated cloud). */
  knownAuthorities: string[];
  /** PEM of the only extra CA to trust; set only for the simulated cloud, never for a real cloud. */
  caCertPem?: string;
}

const scopeOf = (audience: string) => `${audience.replace(/\/+$/, '')}/.default`;

/** Commercial Dataverse regions (crm9 is GCC; Learn "Datacenter regions"). */
const COMMERCIAL_DATAVERSE = ['crm', 'crm2', 'crm3', 'crm4', 'crm5', 'crm6', 'crm7', 'crm8', 'crm11', 'crm12', 'crm14', 'crm15', 'crm16', 'crm17', 'crm19', 'crm20', 'crm21'].map((r) => `*.${r}.dynamics.com`);

interface Row {
  id: Exclude<CloudId, 'sim'>;
  label: string;
  login: string;
  arm: string;
  bap: string;
  powerApps: string;
  powerAppsAudience: string;
  flow: string;
  flowAudience: string;
  powerBi: string;
  powerBiAudience: string;
  powerPlatformApi: string;
  dataverseHosts: string[];
  partnerLinkApi: CloudProfile['partnerLinkApi'];
}

/** The table: one row per cloud (hosts without scheme). */
const ROWS: readonly Row[] = [
  {
    id: 'public', label: 'Commercial (global)', login: 'login.microsoftonline.com', arm: 'management.azure.com',
    bap: 'api.bap.microsoft.com', powerApps: 'api.powerapps.com', powerAppsAudience: 'service.powerapps.com',
    flow: 'api.flow.microsoft.com', flowAudience: 'service.flow.microsoft.com',
    powerBi: 'api.powerbi.com', powerBiAudience: 'analysis.windows.net/powerbi/api',
    powerPlatformApi: 'api.powerplatform.com', dataverseHosts: COMMERCIAL_DATAVERSE, partnerLinkApi: 'documented',
  },
  {
    // GCC: the commercial sign-in and ARM, US Government Power Platform hosts. The Power Apps audience follows the admin PowerShell's
    // host map (gov.service.powerapps.us); the Terraform provider names https://service.powerapps.us instead: `pal-desk doctor` shows which answers.
    id: 'gcc', label: 'US Government (GCC)', login: 'login.microsoftonline.com', arm: 'management.azure.com',
    bap: 'gov.api.bap.microsoft.us', powerApps: 'gov.api.powerapps.us', powerAppsAudience: 'gov.service.powerapps.us',
    flow: 'gov.api.flow.microsoft.us', flowAudience: 'gov.service.flow.microsoft.us',
    powerBi: 'api.powerbigov.us', powerBiAudience: 'analysis.usgovcloudapi.net/powerbi/api',
    powerPlatformApi: 'api.gov.powerplatform.microsoft.us', dataverseHosts: ['*.crm9.dynamics.com'], partnerLinkApi: 'documented',
  },
  {
    id: 'gcchigh', label: 'US Government (GCC High)', login: 'login.microsoftonline.us', arm: 'management.usgovcloudapi.net',
    bap: 'high.api.bap.microsoft.us', powerApps: 'high.api.powerapps.us', powerAppsAudience: 'high.service.powerapps.us',
    flow: 'high.api.flow.microsoft.us', flowAudience: 'high.service.flow.microsoft.us',
    powerBi: 'api.high.powerbigov.us', powerBiAudience: 'high.analysis.usgovcloudapi.net/powerbi/api',
    // The Terraform provider's constant for GCC High is the DoD host; no other source names one.
    powerPlatformApi: 'api.appsplatform.us', dataverseHosts: ['*.crm.microsoftdynamics.us'], partnerLinkApi: 'unknown',
  },
  {
    id: 'dod', label: 'US Government (DoD)', login: 'login.microsoftonline.us', arm: 'management.usgovcloudapi.net',
    bap: 'api.bap.appsplatform.us', powerApps: 'api.apps.appsplatform.us', powerAppsAudience: 'service.apps.appsplatform.us',
    flow: 'api.flow.appsplatform.us', flowAudience: 'service.flow.appsplatform.us',
    powerBi: 'api.mil.powerbigov.us', powerBiAudience: 'mil.analysis.usgovcloudapi.net/powerbi/api',
    powerPlatformApi: 'api.appsplatform.us', dataverseHosts: ['*.crm.appsplatform.us'], partnerLinkApi: 'unknown',
  },
  {
    id: 'china', label: 'China (operated by 21Vianet)', login: 'login.chinacloudapi.cn', arm: 'management.chinacloudapi.cn',
    bap: 'api.bap.partner.microsoftonline.cn', powerApps: 'api.powerapps.cn', powerAppsAudience: 'service.powerapps.cn',
    flow: 'api.powerautomate.cn', flowAudience: 'service.powerautomate.cn',
    powerBi: 'api.powerbi.cn', powerBiAudience: 'analysis.chinacloudapi.cn/powerbi/api',
    powerPlatformApi: 'api.powerplatform.partner.microsoftonline.cn', dataverseHosts: ['*.crm.dynamics.cn'], partnerLinkApi: 'unknown',
  },
];

const https = (host: string) => `https://${host}`;

function profileOf(row: Row): CloudProfile {
  return {
    id: row.id,
    label: row.label,
    endpoints: {
      authorityHost: https(row.login),
      arm: https(row.arm),
      bap: https(row.bap),
      powerApps: https(row.powerApps),
      flow: https(row.flow),
      powerBi: https(row.powerBi),
      powerPlatformApi: https(row.powerPlatformApi),
    },
    scopes: {
      arm: scopeOf(https(row.arm)),
      powerApps: scopeOf(https(row.powerAppsAudience)),
      flow: scopeOf(https(row.flowAudience)),
      powerBi: scopeOf(https(row.powerBiAudience)),
      powerPlatformApi: scopeOf(https(row.powerPlatformApi)),
    },
    dataverseHosts: row.dataverseHosts,
    partnerLinkApi: row.partnerLinkApi,
    knownAuthorities: [],
  };
}

export const REAL_CLOUDS: readonly CloudProfile[] = ROWS.map(profileOf);

/** The default: the commercial (global) cloud. */
export const PUBLIC_CLOUD = REAL_CLOUDS[0] as CloudProfile;

/** What PAL Desk says wherever a partner link is read or written in a cloud where Microsoft does not document the API. */
export const undocumentedPartnerLink = (cloudLabel: string): string =>
  `Microsoft does not document the Partner Admin Link API in ${cloudLabel}; PAL Desk tries it and reports what Azure answers.`;

/** Earlier names of a cloud, still accepted (`usgov` paired the GCC High sign-in and ARM hosts, so it means GCC High). */
export const CLOUD_ALIASES: Readonly<Record<string, CloudId>> = { usgov: 'gcchigh' };

/** A real cloud by id or earlier name, or undefined. */
export const realCloud = (id: string): CloudProfile | undefined => REAL_CLOUDS.find((c) => c.id === (CLOUD_ALIASES[id] ?? id));

/** Whether `host` (host or host:port, lower case) is on a list of `*.suffix` patterns and exact host:port entries. */
export function hostMatches(host: string, patterns: readonly string[]): boolean {
  const h = host.toLowerCase();
  return patterns.some((p) => {
    const pattern = p.toLowerCase();
    if (!pattern.startsWith('*.')) return h === pattern;
    const suffix = pattern.slice(1);
    return h.endsWith(suffix) && /^[a-z0-9-]+$/.test(h.slice(0, -suffix.length));
  });
}

/** A Dataverse instance URL of this cloud, reduced to its origin; null when the host is not one of the cloud's Dataverse hosts or not https. */
export function dataverseOrigin(cloud: CloudProfile, instanceUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(instanceUrl);
  } catch {
    return null;
  }
  return url.protocol === 'https:' && hostMatches(url.host, cloud.dataverseHosts) ? url.origin : null;
}

/**
 * The token scope for a URL of this cloud, by its origin (as the admin PowerShell's `Get-AudienceForHostName` does); null for a host
 * not on the cloud's list, which must never receive a token.
 */
export function scopeForUrl(cloud: CloudProfile, url: string): string | null {
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    return null;
  }
  const { endpoints: e, scopes: s } = cloud;
  const byOrigin: [string, string][] = [
    [e.arm, s.arm],
    [e.bap, s.powerApps],
    [e.powerApps, s.powerApps],
    [e.flow, s.flow],
    [e.powerBi, s.powerBi],
    [e.powerPlatformApi, s.powerPlatformApi],
  ];
  const known = byOrigin.find(([endpoint]) => new URL(endpoint).origin === origin)?.[1];
  if (known) return known;
  const dataverse = dataverseOrigin(cloud, url);
  return dataverse ? `${dataverse}/.default` : null;
}

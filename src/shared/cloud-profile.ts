/** Cloud profiles: every Microsoft endpoint and token scope PAL Desk talks to, per national cloud or the simulated cloud. */

export type CloudId = 'public' | 'usgov' | 'china' | 'sim';

export interface CloudEndpoints {
  /** Entra ID authority host, e.g. https://login.microsoftonline.com (no trailing slash). */
  authorityHost: string;
  /** Azure Resource Manager, e.g. https://management.azure.com. */
  arm: string;
  /** Business Application Platform (Power Platform environments). */
  bap: string;
  /** Power Apps API. */
  powerApps: string;
  /** Power Automate (Flow) API. */
  flow: string;
  /** Power BI REST API. */
  powerBi: string;
}

export interface CloudScopes {
  arm: string;
  powerApps: string;
  flow: string;
  powerBi: string;
}

export interface CloudProfile {
  id: CloudId;
  label: string;
  endpoints: CloudEndpoints;
  scopes: CloudScopes;
  /** host:port entries msal-node must trust as authorities (only for non-Microsoft hosts, i.e. the simulated cloud). */
  knownAuthorities: string[];
  /** PEM of the only extra CA to trust; set only for the simulated cloud, never for a real cloud. */
  caCertPem?: string;
}

const scopesFor = (arm: string, powerApps: string, flow: string, powerBi: string): CloudScopes => ({
  arm: `${arm}/.default`,
  powerApps: `${powerApps}/.default`,
  flow: `${flow}/.default`,
  powerBi: `${powerBi}/.default`,
});

export const PUBLIC_CLOUD: CloudProfile = {
  id: 'public',
  label: 'Azure (global)',
  endpoints: {
    authorityHost: 'https://login.microsoftonline.com',
    arm: 'https://management.azure.com',
    bap: 'https://api.bap.microsoft.com',
    powerApps: 'https://api.powerapps.com',
    flow: 'https://api.flow.microsoft.com',
    powerBi: 'https://api.powerbi.com',
  },
  scopes: scopesFor(
    'https://management.azure.com',
    'https://service.powerapps.com',
    'https://service.flow.microsoft.com',
    'https://analysis.windows.net/powerbi/api',
  ),
  knownAuthorities: [],
};

export const USGOV_CLOUD: CloudProfile = {
  id: 'usgov',
  label: 'Azure US Government',
  endpoints: {
    authorityHost: 'https://login.microsoftonline.us',
    arm: 'https://management.usgovcloudapi.net',
    bap: 'https://gov.api.bap.microsoft.us',
    powerApps: 'https://gov.api.powerapps.us',
    flow: 'https://gov.api.flow.microsoft.us',
    powerBi: 'https://api.powerbigov.us',
  },
  scopes: scopesFor(
    'https://management.usgovcloudapi.net',
    'https://gov.service.powerapps.us',
    'https://gov.service.flow.microsoft.us',
    'https://analysis.usgovcloudapi.net/powerbi/api',
  ),
  knownAuthorities: [],
};

export const CHINA_CLOUD: CloudProfile = {
  id: 'china',
  label: 'Azure operated by 21Vianet',
  endpoints: {
    authorityHost: 'https://login.chinacloudapi.cn',
    arm: 'https://management.chinacloudapi.cn',
    bap: 'https://api.bap.partner.microsoftonline.cn',
    powerApps: 'https://api.powerapps.cn',
    flow: 'https://api.powerautomate.cn',
    powerBi: 'https://api.powerbi.cn',
  },
  scopes: scopesFor(
    'https://management.chinacloudapi.cn',
    'https://service.powerapps.cn',
    'https://service.powerautomate.cn',
    'https://analysis.chinacloudapi.cn/powerbi/api',
  ),
  knownAuthorities: [],
};

export const REAL_CLOUDS: readonly CloudProfile[] = [PUBLIC_CLOUD, USGOV_CLOUD, CHINA_CLOUD];

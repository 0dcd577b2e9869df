/** `pal-desk clouds`: every national cloud's endpoints, token scopes, Dataverse hosts and whether the Partner Admin Link API is documented there. */
import { undocumentedPartnerLink, type CloudEndpoints, type CloudProfile } from '../../shared/cloud-profile';
import { table } from './cli-output';

/** What `clouds --json` prints for one cloud. */
export interface CloudListing {
  id: CloudProfile['id'];
  label: string;
  endpoints: CloudEndpoints;
  scopes: CloudProfile['scopes'];
  dataverseHosts: string[];
  partnerLinkApi: CloudProfile['partnerLinkApi'];
  /** Whether PAL Desk starts on this cloud with these options (`--cloud`, PAL_DESK_CLOUD, else Settings, else public). */
  inUse: boolean;
}

export const cloudListing = ({ id, label, endpoints, scopes, dataverseHosts, partnerLinkApi }: CloudProfile, inUse: string | null): CloudListing => ({
  id,
  label,
  endpoints,
  scopes,
  dataverseHosts,
  partnerLinkApi,
  inUse: id === inUse,
});

/** Each API of a cloud with its host and the scope PAL Desk asks a token for (BAP shares the Power Apps audience; sign-in has none). */
const ROWS: [string, keyof CloudEndpoints, keyof CloudProfile['scopes'] | null][] = [
  ['Sign-in (Entra ID)', 'authorityHost', null],
  ['Azure Resource Manager', 'arm', 'arm'],
  ['Power Platform environments (BAP)', 'bap', 'powerApps'],
  ['Power Apps', 'powerApps', 'powerApps'],
  ['Power Automate', 'flow', 'flow'],
  ['Power BI', 'powerBi', 'powerBi'],
  ['Power Platform API', 'powerPlatformApi', 'powerPlatformApi'],
];

/** One block per cloud: a table of its APIs, then its Dataverse hosts and the partner-link API's standing. */
export function cloudsText(clouds: readonly CloudProfile[], inUse: string | null): string {
  return clouds
    .map((c) => {
      const rows = ROWS.map(([name, endpoint, scope]) => [name, c.endpoints[endpoint], scope ? c.scopes[scope] : '-']);
      const partnerLink = c.partnerLinkApi === 'documented' ? 'Partner Admin Link API: documented by Microsoft.' : undocumentedPartnerLink(c.label);
      return [`${c.label} (--cloud ${c.id})${c.id === inUse ? ' — in use' : ''}`, table(['API', 'ENDPOINT', 'TOKEN SCOPE'], rows), `Dataverse hosts: ${c.dataverseHosts.join(', ')}`, partnerLink].join('\n');
    })
    .join('\n\n');
}

/** One host PAL Desk connects to (HTTPS, port 443) and what for: what a customer's proxy or firewall must let through. */
export interface CloudHost {
  host: string;
  usedFor: string;
}

/** Every host PAL Desk itself calls in a cloud, from its profile (so the list cannot drift from what the app calls): sign-in, each API, Dataverse. */
export function cloudHosts(c: CloudProfile): CloudHost[] {
  const byHost = new Map<string, string[]>();
  for (const [name, endpoint] of ROWS) {
    const host = new URL(c.endpoints[endpoint]).host;
    byHost.set(host, [...(byHost.get(host) ?? []), name]);
  }
  const hosts = [...byHost].map(([host, names]) => ({ host, usedFor: names.join('; ') }));
  return [...hosts, ...c.dataverseHosts.map((host) => ({ host, usedFor: 'Dataverse environments (solutions, model-driven apps)' }))];
}

/** `clouds --hosts`: the hosts of one cloud as a table, then what else a network must allow. */
export const cloudHostsText = (c: CloudProfile): string =>
  [
    `PAL Desk on ${c.label} (--cloud ${c.id}) connects to these hosts over HTTPS (port 443):`,
    table(['HOST', 'USED FOR'], cloudHosts(c).map(({ host, usedFor }) => [host, usedFor])),
    `Signing in as a person also opens ${new URL(c.endpoints.authorityHost).host} in your browser, which then returns to PAL Desk at http://localhost on this computer.`,
  ].join('\n');

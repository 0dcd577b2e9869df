/** What PAL Desk concludes from one account's doctor lines, in sentences a person (or a support engineer) reads first. */
import type { DoctorApi, DoctorApiLine, DoctorTokenLine } from '../../shared/doctor-types';

export interface AccountFacts {
  /** The account's linked partner ID, null when none is linked, undefined when the read failed. */
  linkedPartnerId: string | null | undefined;
  /** Environments in each BAP list, every page (undefined when it failed or was not read). */
  adminEnvironments: number | undefined;
  makerEnvironments: number | undefined;
  /** A page after the first of a BAP list failed: the counts are lower bounds. */
  partial: boolean;
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

export function conclude(who: string, tokens: readonly DoctorTokenLine[], apis: readonly DoctorApiLine[], facts: AccountFacts, ourPartnerId: string | null): string[] {
  const out: string[] = [];
  const line = (api: DoctorApi) => apis.find((a) => a.api === api);
  const answered = (api: DoctorApi) => {
    const l = line(api);
    return l?.outcome === 'pass' || l?.outcome === 'limited' ? l : undefined;
  };
  for (const t of tokens) if (t.outcome === 'fail') out.push(`${who} gets no ${t.audience} token without a browser: ${t.failure?.message ?? ''}`);

  const linked = facts.linkedPartnerId;
  if (linked === undefined) out.push(`PAL Desk cannot tell ${who}'s partner link: see the partner link line.`);
  else if (linked === null) out.push(`${who} can link the partner ID: nothing is linked yet.`);
  else if (ourPartnerId === null || linked === ourPartnerId) out.push(`${who} has partner ID ${linked} linked${ourPartnerId ? ' (yours)' : ''}.`);
  else out.push(`${who} is linked to partner ID ${linked}, not yours (${ourPartnerId}): link yours to be credited.`);

  const environments = (n: number) => `${facts.partial ? 'at least ' : ''}${plural(n, 'environment')}`;
  if (facts.adminEnvironments) out.push(`${who} administers ${environments(facts.adminEnvironments)}: PAL Desk reads their apps and flows as an admin.`);
  else if (facts.adminEnvironments === 0) out.push(`${who} administers no environment: apps and flows come only from what ${who} can see as a maker.`);
  else if (facts.makerEnvironments !== undefined) out.push(`Apps and flows: only what ${who} can see as a maker (${environments(facts.makerEnvironments)}); the admin list did not answer.`);
  else out.push(`PAL Desk cannot list environments as ${who}.`);

  const fabric = answered('power-bi-admin-groups');
  const workspaces = answered('power-bi-groups');
  if (fabric?.outcome === 'pass') out.push(`${who} is a Fabric admin: PAL Desk reads every Power BI workspace.`);
  else if (fabric && workspaces) out.push(`Power BI: only workspaces ${who} is a member of (${workspaces.proved.replace(/^member of /, '')}).`);
  else out.push(`Power BI: PAL Desk cannot tell what ${who} may read; see its lines.`);

  if (answered('application-packages')) out.push(`${who} can read installed application packages, which tell Customer Insights environments apart.`);
  else if (line('application-packages')) out.push(`PAL Desk cannot read application packages as ${who}: whether an environment has Customer Insights stays unknown.`);

  const dataverse = apis.filter((a) => a.api === 'dataverse-users');
  if (dataverse.length > 0) {
    const readable = dataverse.filter((a) => a.outcome === 'pass').length;
    out.push(`${who} can read users in ${readable} of ${plural(dataverse.length, 'Dataverse instance')}.`);
  }
  return out;
}

/** The partner-link checks: is the attributed account linked to our partner ID, and do our attributed accounts name several partners. */
import type { Check, OurAccount, TenantContext } from '../checklist-types';
import { DOCS } from './doc-links';
import { describeAccount, whoToUse } from './our-accounts';

/** `attributed`: our accounts the role check found (owner first); empty when none is. */
export function palCheck(attributed: readonly OurAccount[], context: TenantContext): Check {
  const ours = context.partnerId;
  if (ours === null) {
    return { id: 'pal', status: 'unknown', reason: 'Your partner ID is not set, so links cannot be checked.', remediation: 'Enter your partner ID (the Associated MPN ID from Partner Center) in Settings.' };
  }
  if (attributed.length === 0) {
    return { id: 'pal', status: 'unknown', reason: `No account of ours is attributed, so no partner link applies yet; once it is, the link of ${whoToUse(context)} decides.`, remediation: null };
  }
  const linked = attributed.find((a) => a.link.status === 'linked');
  if (linked) return { id: 'pal', status: 'pass', reason: `${linked.label} is linked to our partner ID ${ours}.`, remediation: null };
  const unread = attributed.filter((a) => a.link.status === 'unknown');
  if (unread.length > 0) {
    const names = unread.map((a) => a.label).join(', ');
    return { id: 'pal', status: 'unknown', reason: `The partner link of ${names} has not been read yet.`, remediation: `Sync this tenant so PAL Desk reads the link of ${names}.`, docUrl: DOCS.pal };
  }
  const account = attributed.find((a) => a.link.status === 'other-partner');
  if (account) {
    const theirs = account.link.partnerId ?? 'unknown';
    return {
      id: 'pal',
      status: 'fail',
      reason: `${account.label} is linked to partner ID ${theirs}, not ours (${ours}): the credit goes to ${theirs}.`,
      remediation: `Check with whoever linked ${account.label} to ${theirs}; if it should be ours, update its link to ${ours} (PAL Desk asks before replacing another partner's ID, or run "az managementpartner update --partner-id ${ours}" signed in as ${account.label}).`,
      docUrl: DOCS.pal,
    };
  }
  const names = attributed.map((a) => a.label).join(', ');
  return {
    id: 'pal',
    status: 'fail',
    reason: `${names} ${attributed.length === 1 ? 'is' : 'are'} attributed but not linked to a partner ID.`,
    remediation: `Link ${names} to partner ID ${ours} in this tenant (PAL Desk: Link, or "az managementpartner create --partner-id ${ours}" signed in as ${attributed.length === 1 ? names : "each of them"}).`,
    docUrl: DOCS.pal,
  };
}

/**
 * When several partners are attributed, the latest active one wins: warn when our attributed accounts name more than one
 * partner ID, or when `outsiders` (editors from neither the customer nor us, e.g. another partner's consultant) share the resource.
 */
export function severalPartnersCheck(attributed: readonly OurAccount[], context: TenantContext, outsiders: readonly string[] = []): Check {
  if (attributed.length === 0) {
    return { id: 'several-partners', status: 'unknown', reason: 'No account of ours is attributed, so whether other partner IDs compete does not apply yet.', remediation: null };
  }
  const ids = new Set<string>();
  for (const a of attributed) {
    if (a.link.status === 'linked' && context.partnerId) ids.add(context.partnerId);
    if (a.link.status === 'other-partner' && a.link.partnerId) ids.add(a.link.partnerId);
  }
  if (ids.size > 1) {
    const others = attributed.filter((a) => a.link.status === 'other-partner');
    return {
      id: 'several-partners',
      status: 'warn',
      reason: `Our attributed accounts are linked to several partner IDs (${[...ids].join(', ')}): ${others.map(describeAccount).join('; ')}. When several partners are attributed, the latest active one gets the credit.`,
      remediation: `Remove ${others.map((a) => a.label).join(', ')} from the resource, or link ${others.length === 1 ? 'it' : 'them'} to ${context.partnerId}.`,
      docUrl: DOCS.pal,
    };
  }
  const unread = attributed.filter((a) => a.link.status === 'unknown');
  if (ids.size === 1 && unread.length > 0) {
    return { id: 'several-partners', status: 'unknown', reason: `The partner link of ${unread.map((a) => a.label).join(', ')}, also attributed, has not been read: it may name another partner.`, remediation: 'Sync this tenant to read it.' };
  }
  if (outsiders.length > 0) {
    const names = outsiders.join(', ');
    const one = outsiders.length === 1;
    return {
      id: 'several-partners',
      status: 'warn',
      reason: `${names} also ${one ? 'edits' : 'edit'} it, from outside the customer and not one of our accounts: if ${one ? 'that account is' : 'they are'} linked to another partner's ID, the most recently active partner gets the credit.`,
      remediation: `Ask the customer who ${names} ${one ? 'works' : 'work'} for; if another partner, agree which partner claims it, or remove ${one ? 'that co-owner' : 'those co-owners'} if it is ours to deliver.`,
      docUrl: DOCS.pal,
    };
  }
  return { id: 'several-partners', status: 'pass', reason: 'Our attributed accounts name no other partner ID, and no editor from outside the customer shares it (other companies\' links are not visible here).', remediation: null };
}

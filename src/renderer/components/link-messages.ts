/** What a person reads after linking or unlinking: one message per outcome, and one line per account for "Link all accounts". */
import type { AccountLinkResult, LinkOutcome, UnlinkOutcome } from '../../shared/pal-types';

export type Message = { intent: 'success' | 'warning' | 'error' | 'info'; text: string };

/** The outcome of linking one account, said on that account's card. */
export function describeLink(o: LinkOutcome): Message {
  switch (o.kind) {
    case 'linked':
      return { intent: 'success', text: `Linked partner ID ${o.partnerId}; Azure reads it back.` };
    case 'already-linked':
      return { intent: 'info', text: `Already linked to ${o.partnerId}; nothing changed.` };
    case 'replaced':
      return { intent: 'success', text: `Replaced ${o.previousPartnerId} with ${o.partnerId}; Azure reads it back.` };
    case 'needs-confirmation':
      return { intent: 'warning', text: `Another partner ID (${o.otherPartnerId}) is linked. Confirm to replace it.` };
    case 'queued':
      return { intent: 'info', text: 'Offline: the link is queued and will be sent when Azure is reachable.' };
  }
}

export function describeUnlink(o: UnlinkOutcome): Message {
  switch (o.kind) {
    case 'unlinked':
      return { intent: 'success', text: `Removed partner ID ${o.previousPartnerId}; Azure reads no link back.` };
    case 'not-linked':
      return { intent: 'info', text: 'No partner ID was linked; nothing changed.' };
    case 'needs-confirmation':
      return { intent: 'warning', text: `The linked ID is ${o.otherPartnerId}, not yours; nothing was removed.` };
    case 'queued':
      return { intent: 'info', text: 'Offline: the removal is queued and will be sent when Azure is reachable.' };
  }
}

function short(o: LinkOutcome): Message {
  switch (o.kind) {
    case 'linked':
      return { intent: 'success', text: 'linked' };
    case 'already-linked':
      return { intent: 'info', text: 'already linked, nothing changed' };
    case 'replaced':
      return { intent: 'success', text: `replaced ${o.previousPartnerId}` };
    case 'needs-confirmation':
      return { intent: 'warning', text: `another partner's ID ${o.otherPartnerId} is linked — confirm on its card` };
    case 'queued':
      return { intent: 'info', text: 'offline, queued' };
  }
}

/** One account's line after "Link all accounts": "ana@…: linked". */
export function describeAccountResult(name: string, result: AccountLinkResult): Message {
  const { intent, text } = 'error' in result ? { intent: 'error' as const, text: result.error.message } : short(result.outcome);
  return { intent, text: `${name}: ${text}` };
}

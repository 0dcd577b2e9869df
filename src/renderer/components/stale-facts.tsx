/** Warnings for facts the last sync could not refresh: which, since when, and why (the last known values stay on screen). */
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { formatAge } from '../../shared/age';
import type { StaleFact } from '../../shared/view-types';

/** "partner-links" → "Partner links". */
const factName = (collector: string) => collector.charAt(0).toUpperCase() + collector.slice(1).replace(/-/g, ' ');

export function StaleFacts({ stale }: { stale: StaleFact[] }) {
  return stale.map((fact) => (
    <MessageBar key={fact.collector} intent="warning">
      <MessageBarBody>
        {factName(fact.collector)} could not be refreshed {formatAge(fact.failedAt)}: {fact.message}
      </MessageBarBody>
    </MessageBar>
  ));
}

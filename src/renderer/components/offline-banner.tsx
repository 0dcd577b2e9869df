/** The offline banner: since when Azure has been unreachable, that the screen shows last-known data, and how many links wait in the queue. */
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useEffect } from 'react';
import { useConnectivity } from '../state/connectivity-store';
import { offlineSince } from '../state/offline-since';
import { useAppStore } from '../store';

const clock = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

export function OfflineBanner() {
  const follow = useConnectivity((s) => s.follow);
  const cloud = useConnectivity((s) => s.cloud);
  const browserOfflineSince = useConnectivity((s) => s.browserOfflineSince);
  const since = offlineSince(cloud, browserOfflineSince);
  const queued = useAppStore((s) => s.pending.filter((p) => p.status === 'queued' || p.status === 'running').length);
  useEffect(() => follow(), [follow]);
  if (!since) return null;
  return (
    <MessageBar intent="warning" layout="multiline" aria-label="Offline">
      <MessageBarBody>
        <MessageBarTitle>Offline since {clock(since)}</MessageBarTitle>
        Showing what PAL Desk last knew; links you make are queued and sent when Azure is reachable.
        {queued > 0 && ` ${queued} action${queued === 1 ? '' : 's'} queued.`}
      </MessageBarBody>
    </MessageBar>
  );
}

/** The audit log entries loaded so far, newest first, with "Load older" while more may match. */
import { Body1, Button, makeStyles, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { formatAge } from '../../shared/age';
import { useActivityStore } from './activity-store';

const useStyles = makeStyles({
  /** UPNs and request ids have no spaces: they wrap anywhere rather than run into the next column. */
  wrap: { overflowWrap: 'anywhere' },
});

export function AuditTable({ filtered }: { filtered: boolean }) {
  const styles = useStyles();
  const entries = useActivityStore((s) => s.entries);
  const hasMore = useActivityStore((s) => s.hasMore);
  const loading = useActivityStore((s) => s.loading);
  const loadOlder = useActivityStore((s) => s.loadOlder);

  if (entries.length === 0) {
    if (loading) return <Spinner size="small" label="Reading the audit log…" />;
    return (
      <Body1>
        {filtered
          ? 'No entry matches these filters. Change or clear them to see more.'
          : 'Nothing yet. Every partner link PAL Desk creates, updates or removes will be listed here with its outcome.'}
      </Body1>
    );
  }
  return (
    <>
      <Table aria-label="Audit log" size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>When</TableHeaderCell>
            <TableHeaderCell>Tenant</TableHeaderCell>
            <TableHeaderCell>Account</TableHeaderCell>
            <TableHeaderCell>Action</TableHeaderCell>
            <TableHeaderCell>Before → after</TableHeaderCell>
            <TableHeaderCell>Outcome</TableHeaderCell>
            <TableHeaderCell>ARM request</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {entries.map((entry) => (
            <TableRow key={entry.id}>
              <TableCell title={entry.at}>{formatAge(entry.at)}</TableCell>
              <TableCell className={styles.wrap}>
                <bdi>{entry.tenantName ?? entry.tenantId}</bdi>
              </TableCell>
              <TableCell className={styles.wrap}>{entry.identity ?? '—'}</TableCell>
              <TableCell>{entry.action}</TableCell>
              <TableCell>
                {entry.before ?? '—'} → {entry.after ?? '—'}
              </TableCell>
              <TableCell title={entry.message ?? undefined}>{entry.outcome}</TableCell>
              <TableCell className={styles.wrap}>{entry.requestId ?? '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {hasMore && (
        <Button disabled={loading} onClick={() => void loadOlder()}>
          {loading ? 'Loading…' : 'Load older'}
        </Button>
      )}
    </>
  );
}

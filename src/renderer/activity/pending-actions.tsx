/** Actions queued until Azure is reachable, each with its state, attempts and age; one that needs confirmation opens its tenant to review. */
import { Button, makeStyles, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useAppStore } from '../store';
import { pendingRows } from './pending-state';

const useStyles = makeStyles({
  wrap: { overflowWrap: 'anywhere' },
});

export function PendingActions() {
  const styles = useStyles();
  const pending = useAppStore((s) => s.pending);
  const tenants = useAppStore((s) => s.tenants);
  const [now, setNow] = useState(Date.now);
  /** Ages and "waiting until" move on while the page stays open. */
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const rows = pendingRows(pending, tenants, now);
  if (rows.length === 0) return null;
  const review = (tenantId: string) => {
    const { selectTenant, setPage } = useAppStore.getState();
    selectTenant(tenantId);
    setPage('tenants');
  };

  return (
    <>
      <Subtitle2 as="h2">Queued until Azure is reachable</Subtitle2>
      <Table aria-label="Queued actions" size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Tenant</TableHeaderCell>
            <TableHeaderCell>Account</TableHeaderCell>
            <TableHeaderCell>Action</TableHeaderCell>
            <TableHeaderCell>State</TableHeaderCell>
            <TableHeaderCell>Attempts</TableHeaderCell>
            <TableHeaderCell>Queued</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.id}>
              <TableCell className={styles.wrap}>{row.tenant}</TableCell>
              <TableCell className={styles.wrap}>{row.account}</TableCell>
              <TableCell>{row.what}</TableCell>
              <TableCell>
                {row.state}
                {row.detail ? `: ${row.detail}` : ''}
                {row.needsReview && (
                  <>
                    {' '}
                    <Button size="small" aria-label={`Review ${row.tenant}`} onClick={() => review(row.tenantId)}>
                      Review
                    </Button>
                  </>
                )}
              </TableCell>
              <TableCell>{row.attempts}</TableCell>
              <TableCell>{row.age}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}

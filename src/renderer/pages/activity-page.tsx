/** Activity page: queued actions still to send, and the audit log of every change PAL Desk made (newest first). */
import { Body1, makeStyles, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Title2, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import { formatAge } from '../../shared/age';
import { ExportMenu } from '../export/export-menu';
import { useAppStore } from '../store';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

export function ActivityPage() {
  const styles = useStyles();
  const audit = useAppStore((s) => s.audit);
  const allPending = useAppStore((s) => s.pending);
  const pending = allPending.filter((p) => p.status !== 'done');
  const loadAudit = useAppStore((s) => s.loadAudit);
  useEffect(() => void loadAudit(), [loadAudit]);

  return (
    <section className={styles.page} aria-labelledby="activity-title">
      <Title2 as="h1" id="activity-title">Activity</Title2>
      <div>
        <ExportMenu what={['audit']} label="Export audit log" />
      </div>
      {pending.length > 0 && (
        <>
          <Subtitle2>Queued until Azure is reachable</Subtitle2>
          <Table aria-label="Queued actions" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Tenant</TableHeaderCell>
                <TableHeaderCell>Action</TableHeaderCell>
                <TableHeaderCell>Status</TableHeaderCell>
                <TableHeaderCell>Queued</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {pending.map((p) => (
                <TableRow key={p.id}>
                  <TableCell>{p.tenantId}</TableCell>
                  <TableCell>
                    {p.kind} {p.partnerId}
                  </TableCell>
                  <TableCell>{p.lastError ? `${p.status}: ${p.lastError}` : p.status}</TableCell>
                  <TableCell>{formatAge(p.createdAt)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
      <Subtitle2>Audit log</Subtitle2>
      {audit.length === 0 ? (
        <Body1>Nothing yet. Every partner link PAL Desk creates, updates or removes will be listed here with its outcome.</Body1>
      ) : (
        <Table aria-label="Audit log" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>When</TableHeaderCell>
              <TableHeaderCell>Tenant</TableHeaderCell>
              <TableHeaderCell>Action</TableHeaderCell>
              <TableHeaderCell>Before → after</TableHeaderCell>
              <TableHeaderCell>Outcome</TableHeaderCell>
              <TableHeaderCell>ARM request</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {audit.map((entry) => (
              <TableRow key={entry.id}>
                <TableCell title={entry.at}>{formatAge(entry.at)}</TableCell>
                <TableCell>{entry.tenantName ?? entry.tenantId}</TableCell>
                <TableCell>{entry.action}</TableCell>
                <TableCell>
                  {entry.before ?? '—'} → {entry.after ?? '—'}
                </TableCell>
                <TableCell title={entry.message ?? undefined}>{entry.outcome}</TableCell>
                <TableCell>{entry.requestId ?? '—'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}

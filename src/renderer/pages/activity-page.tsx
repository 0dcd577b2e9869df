/** Activity page: queued actions still to send with their state, and the audit log of every change PAL Desk made, filtered, paged and exported. */
import { Button, makeStyles, MessageBar, MessageBarBody, Subtitle2, Title2, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import type { ExportFormat } from '../../shared/export-types';
import { useActivityStore } from '../activity/activity-store';
import { filterOf, isFiltered } from '../activity/audit-filter-form';
import { AuditFilters } from '../activity/audit-filters';
import { AuditTable } from '../activity/audit-table';
import { PendingActions } from '../activity/pending-actions';
import { exportAudit } from '../export/export-file';
import { useAppStore } from '../store';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, alignItems: 'stretch' },
  toolbar: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export function ActivityPage() {
  const styles = useStyles();
  const form = useActivityStore((s) => s.form);
  const error = useActivityStore((s) => s.error);
  const reload = useActivityStore((s) => s.reload);
  const empty = useActivityStore((s) => s.entries.length === 0);
  const pending = useAppStore((s) => s.pending);
  const [exporting, setExporting] = useState(false);
  const filtered = isFiltered(form);
  /** A queued action that settles adds an audit entry: `pending` changes then. */
  useEffect(() => void reload(), [reload, pending]);

  const onExport = async (format: ExportFormat) => {
    setExporting(true);
    await exportAudit(format, filterOf(form));
    setExporting(false);
  };

  return (
    <section className={styles.page} aria-labelledby="activity-title">
      <Title2 as="h1" id="activity-title">
        Activity
      </Title2>
      <PendingActions />
      <Subtitle2 as="h2">Audit log</Subtitle2>
      <AuditFilters />
      <div className={styles.toolbar}>
        {(['csv', 'json'] as const).map((format) => (
          <Button key={format} icon={<ArrowDownloadRegular />} disabled={exporting || empty} onClick={() => void onExport(format)}>
            Export {filtered ? 'filtered log' : 'log'} as {format.toUpperCase()}
          </Button>
        ))}
      </div>
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>The audit log could not be read: {error.message} Change the filters or open the page again.</MessageBarBody>
        </MessageBar>
      )}
      <AuditTable filtered={filtered} />
    </section>
  );
}

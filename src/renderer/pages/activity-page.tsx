/** Activity page: queued actions still to send with their state, and the audit log of every change PAL Desk made, filtered, paged and exported. */
import { Button, makeStyles, MessageBar, MessageBarBody, Subtitle2, Title2, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import { useActivityStore } from '../activity/activity-store';
import { filterOf, isFiltered } from '../activity/audit-filter-form';
import { AuditFilters } from '../activity/audit-filters';
import type { AuditFileFormat } from '../activity/audit-file';
import { AuditTable } from '../activity/audit-table';
import { exportAudit } from '../activity/export-audit';
import { PendingActions } from '../activity/pending-actions';
import { useAppStore } from '../store';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, alignItems: 'stretch' },
  toolbar: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

type Notice = { intent: 'success' | 'error'; text: string };

export function ActivityPage() {
  const styles = useStyles();
  const form = useActivityStore((s) => s.form);
  const error = useActivityStore((s) => s.error);
  const reload = useActivityStore((s) => s.reload);
  const empty = useActivityStore((s) => s.entries.length === 0);
  const pending = useAppStore((s) => s.pending);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [exporting, setExporting] = useState(false);
  const filtered = isFiltered(form);
  /** A queued action that settles adds an audit entry: `pending` changes then. */
  useEffect(() => void reload(), [reload, pending]);

  const onExport = async (format: AuditFileFormat) => {
    setExporting(true);
    const result = await exportAudit(filterOf(form), format);
    setExporting(false);
    if (!result.ok) return setNotice({ intent: 'error', text: result.error.message });
    const { count, fileName, truncated } = result.value;
    const what = `${count} ${filtered ? 'matching ' : ''}entr${count === 1 ? 'y' : 'ies'}`;
    setNotice({ intent: 'success', text: truncated ? `Exported the newest ${what} to ${fileName}; narrow the filters to export older ones.` : `Exported ${what} to ${fileName}.` });
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
      {notice && (
        <MessageBar intent={notice.intent} role={notice.intent === 'error' ? 'alert' : 'status'}>
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>The audit log could not be read: {error.message} Change the filters or open the page again.</MessageBarBody>
        </MessageBar>
      )}
      <AuditTable filtered={filtered} />
    </section>
  );
}

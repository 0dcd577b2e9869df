/** The bulk-work panel, docked beside the page (never modal): per-tenant progress and outcome of a sync or link all, Cancel, what needs a person, and a summary. */
import {
  Badge,
  Button,
  DrawerBody,
  DrawerHeader,
  DrawerHeaderTitle,
  InlineDrawer,
  makeStyles,
  ProgressBar,
  Text,
  tokens,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { api } from '../api';
import { useJobPanel, type JobRow } from '../state/job-store';
import { useAppStore } from '../store';
import { JobRowActions } from './job-row-actions';
import { JOB_TITLES, rowStateText, summaryText } from './job-words';

const useStyles = makeStyles({
  drawer: { width: '360px', borderLeft: `1px solid ${tokens.colorNeutralStroke2}` },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalS },
  row: { display: 'grid', gap: tokens.spacingVerticalXXS, paddingBottom: tokens.spacingVerticalS, borderBottom: `1px solid ${tokens.colorNeutralStroke3}` },
  rowHead: { display: 'flex', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, alignItems: 'center', minWidth: 0 },
  name: { overflowWrap: 'anywhere' },
  badge: { whiteSpace: 'nowrap', flexShrink: 0 },
  cancel: { alignSelf: 'flex-start' },
});

const BADGE_COLOR: Record<JobRow['status'], 'success' | 'warning' | 'danger' | 'informative' | 'subtle'> = {
  queued: 'subtle',
  running: 'informative',
  done: 'success',
  skipped: 'informative',
  failed: 'danger',
  'needs-sign-in': 'warning',
  'needs-confirmation': 'danger',
  cancelled: 'subtle',
  'signed-in': 'informative',
};

/** Rows a person must act on come first. */
const NEEDS_PERSON = new Set<JobRow['status']>(['needs-sign-in', 'signed-in', 'needs-confirmation', 'failed']);

/** Put away while a tenant's detail is open (see the panel state's `hold`); the compact status brings it back. */
export function JobPanel() {
  const styles = useStyles();
  const job = useJobPanel((s) => s.job);
  const open = useJobPanel((s) => s.open);
  const setOpen = useJobPanel((s) => s.setOpen);
  if (!job) return null;
  const finished = job.summary !== null;
  const rows = [...job.rows.filter((r) => NEEDS_PERSON.has(r.status)), ...job.rows.filter((r) => !NEEDS_PERSON.has(r.status))];
  return (
    <InlineDrawer open={open} position="end" separator className={styles.drawer} aria-labelledby="job-panel-title" as="aside">
      <DrawerHeader>
        <DrawerHeaderTitle
          heading={{ id: 'job-panel-title' }}
          action={<Button appearance="subtle" aria-label="Hide progress" icon={<DismissRegular />} onClick={() => setOpen(false)} />}
        >
          {JOB_TITLES[job.kind]}
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody className={styles.body}>
        <div role="status" aria-live="polite">
          <Text weight="semibold">
            {job.done} of {job.total}
            {finished ? (job.summary?.cancelled ? ' — cancelled' : ' — finished') : ''}
          </Text>
          {finished && <Text block data-testid="job-summary">{summaryText(job.rows)}</Text>}
        </div>
        <ProgressBar value={job.total === 0 ? 1 : job.done / job.total} aria-label="Job progress" />
        {!finished && (
          <Button className={styles.cancel} onClick={() => void api?.jobs.cancel({ jobId: job.jobId })}>
            Cancel
          </Button>
        )}
        <ul className={styles.list} aria-label="Tenants in this job">
          {rows.map((row) => (
            <li key={row.tenantId} className={styles.row} aria-label={row.tenantName}>
              <div className={styles.rowHead}>
                <Text weight="semibold" className={styles.name}>
                  <bdi>{row.tenantName}</bdi>
                </Text>
                <Badge className={styles.badge} appearance="tint" color={BADGE_COLOR[row.status]} data-testid="job-row-state">
                  {rowStateText(row)}
                </Badge>
              </div>
              {row.status === 'running' && row.step && <Text size={200}>{row.step.replace(/-/g, ' ')}</Text>}
              {row.message && <Text size={200}>{row.message}</Text>}
              <JobRowActions row={row} kind={job.kind} />
            </li>
          ))}
        </ul>
      </DrawerBody>
    </InlineDrawer>
  );
}

/** The panel's compact status while it is hidden: what runs or how it ended, and a way back to it (closing a tenant's detail). */
export function JobStatus() {
  const job = useJobPanel((s) => s.job);
  const open = useJobPanel((s) => s.open);
  const setOpen = useJobPanel((s) => s.setOpen);
  const selectTenant = useAppStore((s) => s.selectTenant);
  if (!job || open) return null;
  const text = job.summary ? `${JOB_TITLES[job.kind]} finished: ${summaryText(job.rows)}` : `${JOB_TITLES[job.kind]}: ${job.done} of ${job.total}`;
  return (
    <Button
      appearance="subtle"
      size="small"
      onClick={() => {
        selectTenant(null);
        setOpen(true);
      }}
      aria-label={`${text}. Show progress`}
    >
      {text}
    </Button>
  );
}

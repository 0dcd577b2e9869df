/** Progress of the running sync / link-all job, per tenant and step, with Cancel. */
import { Button, makeStyles, ProgressBar, Text, tokens } from '@fluentui/react-components';
import { api } from '../api';
import { useAppStore } from '../store';

const useStyles = makeStyles({
  bar: { display: 'grid', gap: tokens.spacingVerticalXS, padding: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center' },
});

const TITLES = { sync: 'Syncing', 'link-all': 'Linking all customers', 'replay-queue': 'Sending queued actions' } as const;

export function JobBar() {
  const styles = useStyles();
  const job = useAppStore((s) => s.job);
  if (!job) return null;
  const finished = job.summary !== null;
  const c = job.summary?.counts;
  return (
    <section className={styles.bar} aria-label="Job progress" role="status">
      <div className={styles.row}>
        <Text weight="semibold">
          {TITLES[job.kind]}: {job.done} of {job.total}
          {finished ? (job.summary?.cancelled ? ' — cancelled' : ' — finished') : ''}
        </Text>
        {!finished && (
          <Button size="small" onClick={() => void api?.jobs.cancel({ jobId: job.jobId })}>
            Cancel
          </Button>
        )}
      </div>
      <ProgressBar aria-label={`${TITLES[job.kind]} progress`} value={job.total === 0 ? 1 : job.done / job.total} />
      {finished && c ? (
        <Text size={200}>
          {c.done} done · {c['needs-sign-in']} need sign-in · {c['needs-confirmation']} need confirmation · {c.failed} failed
        </Text>
      ) : (
        job.last && <Text size={200}>{`${job.last.tenantId}: ${job.last.step}`}</Text>
      )}
    </section>
  );
}

/** Overview page: across every customer, the attributed share by product and verdict (charts with the numbers beside them), the tenants' link status, and when they were synced. */
import { Body1, Button, Caption1, makeStyles, Spinner, Subtitle2, Title2, tokens } from '@fluentui/react-components';
import { TenantFigures } from '../overview/tenant-figures';
import { PRODUCT_NAMES } from '../components/checklist-words';
import { coverageNotes } from '../../shared/attribution/coverage-words';
import { syncedText, tenantCounts } from '../overview/overview-data';
import { VerdictCharts } from '../overview/verdict-charts';
import { VerdictTable } from '../overview/verdict-table';
import { useAppStore } from '../store';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '1200px' },
  empty: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalM },
});

export function OverviewPage() {
  const styles = useStyles();
  const tenants = useAppStore((s) => s.tenants);
  const summary = useAppStore((s) => s.checklistSummary);
  const setPage = useAppStore((s) => s.setPage);
  const counts = tenantCounts(tenants);

  return (
    <section className={styles.page} aria-labelledby="overview-title">
      <Title2 as="h1" id="overview-title">
        Overview
      </Title2>
      <Caption1 data-testid="synced">{syncedText(counts)}</Caption1>
      <TenantFigures counts={counts} />
      <Subtitle2 as="h2">Attribution across every customer</Subtitle2>
      {!summary ? (
        <Spinner size="small" label="Reading the checklist…" />
      ) : summary.all.total === 0 ? (
        <div className={styles.empty}>
          <Body1>
            {counts.tracked === 0
              ? 'No customers yet. Add a customer on the Tenants page, sign in, then sync to see which apps, flows, datasets and Customer Insights environments count for your partner ID.'
              : 'No Power Platform resources read yet. Sync your customers on the Tenants page ("Sync all") to see which of them count for your partner ID.'}
          </Body1>
          <Button appearance="primary" onClick={() => setPage('tenants')}>
            Go to Tenants
          </Button>
        </div>
      ) : (
        <>
          <Body1>
            {summary.all.attributed} of {summary.all.total} resources are attributed to your partner ID. Click a bar, a slice or a number to see the tenants behind it.
          </Body1>
          <VerdictCharts summary={summary} />
          <VerdictTable summary={summary} />
          <CoverageNotes notes={coverageNotes(summary, PRODUCT_NAMES)} />
        </>
      )}
    </section>
  );
}

/** Where the counts cover less than everything, and where to see why. */
function CoverageNotes({ notes }: { notes: string[] }) {
  if (notes.length === 0) return null;
  return (
    <div role="note" aria-label="What the counts cover">
      <Caption1 block>Some counts cover only part of a tenant; open the tenant on the Tenants page to see why and what to do.</Caption1>
      {notes.map((note) => (
        <Caption1 block key={note}>
          {note}
        </Caption1>
      ))}
    </div>
  );
}

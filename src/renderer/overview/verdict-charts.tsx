/** The overview's charts: a stacked bar per product with a segment per verdict, and a donut of verdicts across products; clicking a segment filters the tenant grid. */
import { DonutChart, VerticalStackedBarChart, type ChartDataPoint, type VSChartDataPoint } from '@fluentui/react-charts';
import { makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import type { KeyboardEvent } from 'react';
import type { ChecklistSummary } from '../../shared/checklist-types';
import { PRODUCT_NAMES, VERDICT_NAMES } from '../components/checklist-words';
import { useOsPrefersDark } from '../use-os-theme';
import { percent, productStacks, verdictColor, verdictSegments, type Segment } from './overview-data';
import { showTenantsWith } from './show-tenants';

const useStyles = makeStyles({
  charts: { display: 'grid', gridTemplateColumns: 'minmax(320px, 2fr) minmax(240px, 1fr)', gap: tokens.spacingHorizontalXXL, alignItems: 'start' },
  figure: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
});

/** The charts' segments take focus but only react to a click: Enter or Space on a focused one clicks it. */
function clickFocusedSegment(event: KeyboardEvent<HTMLElement>): void {
  const target = event.target;
  if ((event.key !== 'Enter' && event.key !== ' ') || !(target instanceof SVGElement) || target.getAttribute('role') !== 'option') return;
  event.preventDefault();
  target.dispatchEvent(new MouseEvent('click', { bubbles: true }));
}

export function VerdictCharts({ summary }: { summary: ChecklistSummary }) {
  const styles = useStyles();
  const dark = useOsPrefersDark();
  const stacks = productStacks(summary, PRODUCT_NAMES, VERDICT_NAMES);
  const bySegment = new Map<VSChartDataPoint, Segment>();
  const bars = stacks.map((stack) => ({
    xAxisPoint: stack.name,
    chartData: stack.segments.map((segment) => {
      const point: VSChartDataPoint = {
        legend: VERDICT_NAMES[segment.verdict],
        data: segment.count,
        color: verdictColor(segment.verdict, dark),
        xAxisCalloutData: stack.name,
        yAxisCalloutData: `${segment.count} of ${stack.total}`,
        callOutAccessibilityData: { ariaLabel: segment.label },
      };
      bySegment.set(point, segment);
      return point;
    }),
  }));
  const donut: ChartDataPoint[] = verdictSegments(summary, VERDICT_NAMES).map((segment) => ({
    legend: VERDICT_NAMES[segment.verdict],
    data: segment.count,
    color: verdictColor(segment.verdict, dark),
    callOutAccessibilityData: { ariaLabel: segment.label },
    onClick: () => showTenantsWith(null, segment.verdict),
  }));

  return (
    <div className={styles.charts}>
      <figure className={styles.figure} aria-labelledby="by-product-title" onKeyDown={clickFocusedSegment}>
        <Subtitle2 as="h2" id="by-product-title">
          Resources by product and verdict
        </Subtitle2>
        <VerticalStackedBarChart
          data={bars}
          height={280}
          chartTitle="Resources by product and verdict"
          yAxisTitle="Resources"
          barWidth={48}
          onBarClick={(_, data) => {
            const segment = bySegment.get(data as VSChartDataPoint);
            if (segment) showTenantsWith(segment.product, segment.verdict);
          }}
        />
      </figure>
      <figure className={styles.figure} aria-labelledby="by-verdict-title" onKeyDown={clickFocusedSegment}>
        <Subtitle2 as="h2" id="by-verdict-title">
          All products
        </Subtitle2>
        <DonutChart data={{ chartTitle: 'Resources by verdict', chartData: donut }} innerRadius={55} height={240} valueInsideDonut={percent(summary.attributedShare)} hideLabels legendProps={{ enabledWrapLines: true }} />
      </figure>
    </div>
  );
}

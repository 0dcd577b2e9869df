/** A tenant's Power Platform environments as last read (type, region, Dataverse, Customer Insights) and what the inventory covers per product. */
import { Caption1, Card, CardHeader, makeStyles, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from '@fluentui/react-components';
import { formatAge } from '../../shared/age';
import type { EnvironmentFact, InventoryScope } from '../../shared/power-platform-types';
import { InventoryCoverage } from './inventory-coverage';

const useStyles = makeStyles({
  table: { tableLayout: 'fixed', width: '100%' },
  name: { width: '30%' },
  type: { width: '19%' },
  region: { width: '19%' },
  flag: { width: '14%' },
  cell: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  nameCell: { overflowWrap: 'anywhere' },
  coverage: { display: 'grid', gap: tokens.spacingVerticalXS },
});

/** The oldest read among the environments: the age the whole list can claim. */
const oldest = (environments: EnvironmentFact[]) => environments.reduce<string | null>((min, e) => (min === null || e.seenAt < min ? e.seenAt : min), null);

const dataverseHost = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

export function EnvironmentsCard({ environments, scopes }: { environments: EnvironmentFact[]; scopes: InventoryScope[] }) {
  const styles = useStyles();
  const readAt = oldest(environments);
  return (
    <Card role="region" aria-label="Environments">
      <CardHeader
        header={<Subtitle2 as="h2">Environments</Subtitle2>}
        description={<Caption1>{readAt ? `${environments.length} read ${formatAge(readAt)}` : 'Not read yet: sync this tenant.'}</Caption1>}
      />
      {environments.length > 0 && (
        <Table size="small" className={styles.table} aria-label="Environments of this tenant">
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.name}>Name</TableHeaderCell>
              <TableHeaderCell className={styles.type}>Type</TableHeaderCell>
              <TableHeaderCell className={styles.region}>Region</TableHeaderCell>
              <TableHeaderCell className={styles.flag}>Dataverse</TableHeaderCell>
              <TableHeaderCell>Customer Insights</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {environments.map((e) => (
              <TableRow key={e.environmentId}>
                <TableCell className={styles.nameCell}>
                  <bdi>{e.displayName}</bdi>
                </TableCell>
                <TableCell className={styles.cell}>{e.sku ?? 'Not given'}</TableCell>
                <TableCell className={styles.cell}>{e.region ?? 'Not given'}</TableCell>
                <TableCell className={styles.cell} title={e.dataverseUrl ? dataverseHost(e.dataverseUrl) : undefined}>
                  {e.dataverseUrl ? 'Yes' : 'No'}
                </TableCell>
                <TableCell className={styles.cell} title={e.customerInsightsReason ?? undefined}>
                  {e.customerInsights === null ? 'Unknown' : e.customerInsights ? 'Yes' : 'No'}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <div className={styles.coverage}>
        <Text weight="semibold">What the inventory covers</Text>
        <InventoryCoverage scopes={scopes} />
      </div>
    </Card>
  );
}

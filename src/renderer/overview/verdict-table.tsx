/** The overview's numbers beside its charts: resources per product and verdict with the attributed share; each count opens the tenants behind it. */
import { Link, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { VERDICTS, type ChecklistSummary, type Verdict } from '../../shared/checklist-types';
import { PRODUCT_NAMES, VERDICT_NAMES } from '../components/checklist-words';
import { percent, productRows, type ProductRow } from './overview-data';
import { showTenantsWith } from './show-tenants';

export function VerdictTable({ summary }: { summary: ChecklistSummary }) {
  return (
    <Table aria-label="Resources by product and verdict" size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Product</TableHeaderCell>
          {VERDICTS.map((v) => (
            <TableHeaderCell key={v}>{VERDICT_NAMES[v]}</TableHeaderCell>
          ))}
          <TableHeaderCell>Total</TableHeaderCell>
          <TableHeaderCell>Attributed share</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {productRows(summary).map((row) => (
          <TableRow key={row.product ?? 'all'}>
            <TableCell>{row.product ? PRODUCT_NAMES[row.product] : 'All products'}</TableCell>
            {VERDICTS.map((v) => (
              <TableCell key={v}>
                <Count row={row} verdict={v} />
              </TableCell>
            ))}
            <TableCell>{row.counts.total}</TableCell>
            <TableCell>{row.counts.total === 0 ? '—' : percent(row.share)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function Count({ row, verdict }: { row: ProductRow; verdict: Verdict }) {
  const count = row.counts[verdict];
  if (count === 0) return <>0</>;
  const what = `${row.product ? `${PRODUCT_NAMES[row.product]} ` : ''}resources ${VERDICT_NAMES[verdict].toLowerCase()}`;
  return (
    <Link as="button" title={`Show the tenants with ${what}`} aria-label={`${count}, show the tenants with ${what}`} onClick={() => showTenantsWith(row.product, verdict)}>
      {count}
    </Link>
  );
}

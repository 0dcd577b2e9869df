/** Above the tenant grid: search, quick filters, the active filters as removable chips, "Showing 12 of 1,000", and what hides everything when nothing shows. */
import { Button, makeStyles, SearchBox, Text, ToggleButton, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { QUICK_FILTER_LABELS } from '../state/grid-rows';
import { useGridStore, type AttributionFilter, type QuickFilter } from '../state/grid-store';
import { PRODUCT_NAMES, VERDICT_NAMES } from './checklist-words';

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  search: { minWidth: '240px', flexGrow: 1, maxWidth: '420px' },
  empty: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start', padding: tokens.spacingVerticalL },
});

const QUICK_FILTERS = Object.keys(QUICK_FILTER_LABELS) as QuickFilter[];
const numbers = new Intl.NumberFormat('en-US');
const count = (n: number) => numbers.format(n);

export const attributionText = ({ product, verdict }: AttributionFilter) => `${product ? PRODUCT_NAMES[product] : 'Any product'}: ${VERDICT_NAMES[verdict].toLowerCase()}`;

export function GridFilters() {
  const styles = useStyles();
  return (
    <div className={styles.bar}>
      <SearchField />
      <QuickFilters />
    </div>
  );
}

function SearchField() {
  const styles = useStyles();
  const search = useGridStore((s) => s.search);
  const setSearch = useGridStore((s) => s.setSearch);
  return (
    <SearchBox
      className={styles.search}
      aria-label="Search tenants"
      placeholder="Search by name, domain or tenant ID"
      value={search}
      onChange={(_, data) => setSearch(data.value)}
    />
  );
}

function QuickFilters() {
  const styles = useStyles();
  const quick = useGridStore((s) => s.quick);
  const toggleQuick = useGridStore((s) => s.toggleQuick);
  return (
    <div role="toolbar" aria-label="Quick filters" className={styles.bar}>
      {QUICK_FILTERS.map((filter) => (
        <ToggleButton key={filter} size="small" shape="circular" checked={quick.includes(filter)} onClick={() => toggleQuick(filter)}>
          {QUICK_FILTER_LABELS[filter]}
        </ToggleButton>
      ))}
    </div>
  );
}

/** The active filters, each removable, and how many tenants they leave. */
export function ActiveFilters({ shown, total }: { shown: number; total: number }) {
  const styles = useStyles();
  const { search, quick, attribution, setSearch, toggleQuick, setAttribution, clearFilters } = useGridStore();
  const chips = [
    ...(search.trim() ? [{ key: 'search', text: `Search: “${search.trim()}”`, remove: () => setSearch('') }] : []),
    ...quick.map((q) => ({ key: q, text: QUICK_FILTER_LABELS[q], remove: () => toggleQuick(q) })),
    ...(attribution ? [{ key: 'attribution', text: attributionText(attribution), remove: () => setAttribution(null) }] : []),
  ];
  return (
    <div className={styles.bar} role="group" aria-label="Active filters">
      <Text role="status">
        Showing {count(shown)} of {count(total)}
      </Text>
      {chips.map((chip) => (
        <Button key={chip.key} size="small" shape="circular" icon={<DismissRegular />} iconPosition="after" aria-label={`Remove filter ${chip.text}`} onClick={chip.remove}>
          {chip.text}
        </Button>
      ))}
      {chips.length > 1 && (
        <Button size="small" appearance="subtle" onClick={clearFilters}>
          Clear filters
        </Button>
      )}
    </div>
  );
}

function hiddenByText(key: string, search: string, attribution: AttributionFilter | null): string {
  if (key === 'search') return `No tenant's name, domain or tenant ID contains “${search.trim()}”.`;
  if (key === 'attribution' && attribution) return `No tenant has resources that are ${attributionText(attribution)}.`;
  if (key in QUICK_FILTER_LABELS) return `No tenant matches the filter “${QUICK_FILTER_LABELS[key as QuickFilter]}”.`;
  return 'Each filter matches some tenants, but no tenant matches all of them together.';
}

/** Shown instead of rows when the filters hide every tenant: which filter does, and a way out. */
export function NothingShown({ hiddenBy }: { hiddenBy: string }) {
  const styles = useStyles();
  const { search, attribution, clearFilters } = useGridStore();
  return (
    <div className={styles.empty} role="status">
      <Text weight="semibold">{hiddenByText(hiddenBy, search, attribution)}</Text>
      <Text>Remove that filter above, or clear them all to see every tenant.</Text>
      <Button appearance="primary" onClick={clearFilters}>
        Clear filters
      </Button>
    </div>
  );
}

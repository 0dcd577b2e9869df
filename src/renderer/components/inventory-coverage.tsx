/** What a tenant's inventory covers per product: everything (an admin read it), only what one account sees, or nothing (denied). */
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { coverageLine, tenantCoverage } from '../../shared/attribution/coverage-words';
import type { InventoryScope } from '../../shared/power-platform-types';

const useStyles = makeStyles({ list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'grid', gap: tokens.spacingVerticalXXS } });

export function InventoryCoverage({ scopes }: { scopes: InventoryScope[] }) {
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label="What the inventory covers">
      {tenantCoverage(scopes).map((c) => (
        <li key={c.product}>
          <Text>{coverageLine(c)}</Text>
        </li>
      ))}
    </ul>
  );
}

/** What a tenant's inventory covers per product: everything (an admin read it), only what one account sees, or nothing (denied). */
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { PRODUCTS } from '../../shared/checklist-types';
import { widestScope } from '../../shared/attribution/coverage';
import type { InventoryScope } from '../../shared/power-platform-types';
import { PRODUCT_NAMES } from './checklist-words';

const useStyles = makeStyles({ list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'grid', gap: tokens.spacingVerticalXXS } });

function coverageText(scope: InventoryScope | null): string {
  if (!scope) return 'not read yet (sync this tenant)';
  if (scope.scope === 'admin') return 'everything (read as an admin)';
  if (scope.scope === 'denied') return `denied: ${scope.reason ?? 'no account of ours could read it'}`;
  return scope.reason ?? 'only what our account can see';
}

export function InventoryCoverage({ scopes }: { scopes: InventoryScope[] }) {
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label="What the inventory covers">
      {(['environments', ...PRODUCTS] as const).map((product) => (
        <li key={product}>
          <Text>
            {PRODUCT_NAMES[product]}: {coverageText(widestScope(scopes, product))}
          </Text>
        </li>
      ))}
    </ul>
  );
}

/** What the inventory covers per product, in the words the app and the CLI both show: one source, so the two cannot disagree. */
import { PRODUCTS, type ChecklistSummary, type Coverage, type ProductCoverage } from '../checklist-types';
import type { InventoryScope, PowerPlatformProduct } from '../power-platform-types';
import { widestScope } from './coverage';

/** The environments first (apps, flows and Customer Insights are read through them), then each product. */
export const COVERED: readonly InventoryScope['product'][] = ['environments', ...PRODUCTS];

export const PRODUCT_NAMES: Record<InventoryScope['product'], string> = {
  environments: 'Environments',
  'power-apps': 'Power Apps',
  'power-automate': 'Power Automate',
  'power-bi': 'Power BI',
  'customer-insights': 'Customer Insights',
};

/** One product's coverage in one tenant: "everything (read as an admin)", the maker scope's reason, "denied: why", or "not read yet". */
export function coverageText(scope: InventoryScope | null): string {
  if (!scope) return 'not read yet (sync this tenant)';
  if (scope.scope === 'admin') return 'everything (read as an admin)';
  if (scope.scope === 'denied') return `denied: ${scope.reason ?? 'no account of ours could read it'}`;
  return scope.reason ?? 'only what our account can see';
}

/** A tenant's coverage per product (environments first), each with its sentence, from the tenant's scope facts. */
export function tenantCoverage(scopes: readonly InventoryScope[]): ProductCoverage[] {
  return COVERED.map((product) => {
    const scope = widestScope(scopes, product);
    const coverage: Coverage = scope?.scope ?? 'unknown';
    return { product, coverage, reason: scope?.reason ?? null, text: coverageText(scope) };
  });
}

/** "Power BI: denied: …": the product named, then its sentence. */
export const coverageLine = (c: ProductCoverage): string => `${PRODUCT_NAMES[c.product]}: ${c.text}`;

/** Less than everything was read: a maker-scope view, a denial, or a product never read. */
export const isPartial = (c: ProductCoverage): boolean => c.coverage !== 'admin';

/** Where the counts cover less than everything, per product: "Power BI: only what our account sees in 2 tenants; not readable in 1." */
export function coverageNotes(summary: Pick<ChecklistSummary, 'coverage'>, names: Record<PowerPlatformProduct, string> = PRODUCT_NAMES): string[] {
  const tenants = (n: number) => `${n} tenant${n === 1 ? '' : 's'}`;
  return PRODUCTS.flatMap((product) => {
    const { maker, denied, unknown } = summary.coverage[product];
    const parts = [
      ...(maker > 0 ? [`only what our account sees in ${tenants(maker)}`] : []),
      ...(denied > 0 ? [`not readable in ${tenants(denied)}`] : []),
      ...(unknown > 0 ? [`not read yet in ${tenants(unknown)}`] : []),
    ];
    return parts.length > 0 ? [`${names[product]}: ${parts.join('; ')}.`] : [];
  });
}

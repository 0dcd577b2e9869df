/** The overview's figures, shaped from the checklist summary and the tenant list: rows per product and verdict, tenant counts, chart series. */
import { formatAge } from '../../shared/age';
import { PRODUCTS, VERDICTS, type ChecklistSummary, type Verdict, type VerdictCounts } from '../../shared/checklist-types';
import type { PowerPlatformProduct } from '../../shared/power-platform-types';
import type { TenantView } from '../../shared/view-types';

export interface ProductRow {
  /** null = every product (the totals row). */
  product: PowerPlatformProduct | null;
  counts: VerdictCounts;
  /** attributed / total, 0 when there is nothing. */
  share: number;
}

/** One row per product, then the totals across every product. */
export function productRows(summary: ChecklistSummary): ProductRow[] {
  const row = (product: PowerPlatformProduct | null, counts: VerdictCounts): ProductRow => ({
    product,
    counts,
    share: counts.total === 0 ? 0 : counts.attributed / counts.total,
  });
  return [...PRODUCTS.map((p) => row(p, summary.byProduct[p])), row(null, summary.all)];
}

export interface TenantCounts {
  tracked: number;
  linked: number;
  notLinked: number;
  otherPartner: number;
  /** Link status not read yet (never signed in, or the read failed). */
  unknown: number;
  /** Tenants where at least one of our accounts needs a person to sign in (or where we have no account yet). */
  needSignIn: number;
  /** The newest and the oldest sync among the tenants synced at least once; neverSynced counts the others. */
  lastSyncedAt: string | null;
  oldestSyncedAt: string | null;
  neverSynced: number;
}

export function tenantCounts(all: readonly TenantView[]): TenantCounts {
  const tenants = all.filter((t) => !t.archived);
  const count = (keep: (t: TenantView) => boolean) => tenants.filter(keep).length;
  const synced = tenants.flatMap((t) => (t.lastSyncedAt ? [t.lastSyncedAt] : [])).sort();
  return {
    tracked: tenants.length,
    linked: count((t) => t.pal.status === 'linked'),
    notLinked: count((t) => t.pal.status === 'not-linked'),
    otherPartner: count((t) => t.pal.status === 'other-partner'),
    unknown: count((t) => t.pal.status === 'unknown'),
    needSignIn: count((t) => t.accounts.length === 0 || t.accounts.some((a) => a.signIn !== 'signed-in')),
    lastSyncedAt: synced.at(-1) ?? null,
    oldestSyncedAt: synced[0] ?? null,
    neverSynced: tenants.length - synced.length,
  };
}

/** A verdict's colour, from Fluent's data-visualisation semantic palette, readable on the theme's background. */
export function verdictColor(verdict: Verdict, dark: boolean): string {
  const colors: Record<Verdict, [string, string]> = {
    attributed: ['#107c10', '#54b054'],
    'at-risk': ['#c25400', '#f87528'],
    'not-attributed': ['#c50f1f', '#dc626d'],
    unknown: ['#707070', '#a0a0a0'],
  };
  return colors[verdict][dark ? 1 : 0];
}

/** What a chart segment stands for: clicking it filters the tenant grid to tenants with such resources. */
export interface Segment {
  product: PowerPlatformProduct | null;
  verdict: Verdict;
  count: number;
  /** Spoken by screen readers and shown in the tooltip: "Power Apps, not attributed: 3 of 9". */
  label: string;
}

export interface ProductStack {
  product: PowerPlatformProduct;
  name: string;
  total: number;
  segments: Segment[];
}

/** One stack per product that has resources, one segment per verdict with resources (zero segments are left out). */
export function productStacks(summary: ChecklistSummary, names: Record<PowerPlatformProduct, string>, verdictNames: Record<Verdict, string>): ProductStack[] {
  return PRODUCTS.filter((p) => summary.byProduct[p].total > 0).map((product) => {
    const counts = summary.byProduct[product];
    return {
      product,
      name: names[product],
      total: counts.total,
      segments: VERDICTS.filter((v) => counts[v] > 0).map((verdict) => ({
        product,
        verdict,
        count: counts[verdict],
        label: `${names[product]}, ${verdictNames[verdict].toLowerCase()}: ${counts[verdict]} of ${counts.total}`,
      })),
    };
  });
}

/** One segment per verdict across every product (zero ones left out), for the donut. */
export function verdictSegments(summary: ChecklistSummary, verdictNames: Record<Verdict, string>): Segment[] {
  return VERDICTS.filter((v) => summary.all[v] > 0).map((verdict) => ({
    product: null,
    verdict,
    count: summary.all[verdict],
    label: `${verdictNames[verdict]}: ${summary.all[verdict]} of ${summary.all.total}`,
  }));
}

/** "33 %" */
export const percent = (share: number): string => `${Math.round(share * 100)} %`;

/** "Last synced 5 min ago; the oldest customer 3 days ago; 2 never synced." */
export function syncedText(counts: TenantCounts, now: number = Date.now()): string {
  if (!counts.lastSyncedAt) return 'Not synced yet.';
  const parts = [`Last synced ${formatAge(counts.lastSyncedAt, now)}`];
  if (counts.oldestSyncedAt && formatAge(counts.oldestSyncedAt, now) !== formatAge(counts.lastSyncedAt, now)) parts.push(`the oldest customer ${formatAge(counts.oldestSyncedAt, now)}`);
  if (counts.neverSynced > 0) parts.push(`${counts.neverSynced} never synced`);
  return `${parts.join('; ')}.`;
}

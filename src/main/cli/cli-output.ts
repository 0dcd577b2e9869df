/** Plain-text output of the CLI: tables for people (JSON for scripts is printed as is). */
import { formatAge } from '../../shared/age';
import { coverageLine, coverageNotes, isPartial, PRODUCT_NAMES } from '../../shared/attribution/coverage-words';
import { linkedShare } from '../../shared/pal-status';
import { printable } from '../../shared/printable';
import { API_PERMISSIONS, isDefaultClient, REGISTRATION_STEPS } from '../../shared/sign-in-app';
import { PRODUCTS, type ChecklistSummary, type ResourceChecklist, type TenantCoverage } from '../../shared/checklist-types';
import type { TenantView } from '../../shared/view-types';

/** One row per tenant: its default account, its status as the worst of its accounts, how many are linked. */
export function tenantTable(tenants: TenantView[]): string {
  const rows = tenants.map((t) => {
    const first = t.accounts[0];
    const more = t.accounts.length > 1 ? ` +${t.accounts.length - 1}` : '';
    return [
      t.tenantId,
      t.label ?? t.displayName,
      first ? `${first.username ?? first.identityId}${more}` : '-',
      first?.signIn ?? 'signed-out',
      t.pendingActions > 0 ? 'pending' : t.pal.status,
      linkedShare(t.pal),
      t.pal.partnerId ?? '-',
      formatAge(t.pal.seenAt),
    ];
  });
  return table(['TENANT', 'NAME', 'ACCOUNT', 'SIGN-IN', 'PAL', 'ACCOUNTS', 'PARTNER ID', 'SEEN'], rows);
}

/** The facts the last sync could not refresh, one line each (why, and when a throttled service is read again); "" when there are none. */
export function staleFactLines(tenants: TenantView[]): string {
  const lines = tenants.flatMap((t) =>
    t.stale.map((f) => printable(`  ${t.label ?? t.displayName}: ${f.collector.replace(/-/g, ' ')} not refreshed ${formatAge(f.failedAt)} — ${f.message}`)),
  );
  return lines.length ? `\n\nNot refreshed by the last sync (the last known facts are shown):\n${lines.join('\n')}` : '';
}

/** One row per account of ours in each tenant, each with its own partner link. */
export function accountTable(tenants: TenantView[]): string {
  const rows = tenants.flatMap((t) =>
    t.accounts.map((a) => [
      t.label ?? t.displayName,
      `${a.username ?? a.identityId}${a.isDefault ? ' (default)' : ''}`,
      a.kind === 'user' ? 'user' : 'service principal',
      a.objectId ?? '-',
      a.signIn,
      a.pal.status,
      a.pal.partnerId ?? '-',
      formatAge(a.pal.seenAt),
    ]),
  );
  return rows.length ? table(['TENANT', 'ACCOUNT', 'KIND', 'OBJECT ID', 'SIGN-IN', 'PAL', 'PARTNER ID', 'SEEN'], rows) : 'No accounts yet. Sign in with `pal-desk signin --tenant <tenant>`.';
}

/** Aligned columns; each cell is made printable first, so names from customers' tenants cannot break the layout or the terminal. */
export function table(header: string[], rawRows: string[][]): string {
  const rows = rawRows.map((r) => r.map((cell) => printable(cell)));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

/** One row per resource: where it is, its verdict, and the first check that is not a pass with what to do; `empty` when there is none. */
export function checklistTable(resources: readonly ResourceChecklist[], tenantName: (tenantId: string) => string, empty: string): string {
  const rows = resources.map((r) => {
    const why = r.checks.find((c) => c.status !== 'pass');
    return [tenantName(r.tenantId), PRODUCT_NAMES[r.product], r.name, r.verdict, why ? `${why.reason}${why.remediation ? ` ${why.remediation}` : ''}` : 'every check passes'];
  });
  return rows.length ? table(['TENANT', 'PRODUCT', 'RESOURCE', 'VERDICT', 'WHY AND WHAT TO DO'], rows) : empty;
}

/** Why the checklist shows no resource: a verdict none has, nothing read yet (sync), or what was read held none (the coverage lines say what could not be read, and why). */
export function emptyChecklistText(coverage: readonly TenantCoverage[], total: number, verdict?: string): string {
  if (total > 0 && verdict) return `No resource has the verdict ${verdict}.`;
  const products = coverage.flatMap((t) => t.products);
  if (products.every((p) => p.coverage === 'unknown')) return 'No Power Platform resources in the inventory yet. Run `pal-desk sync`.';
  if (products.some(isPartial)) return 'No Power Platform resources in what PAL Desk could read; what it could not read, and why, is below.';
  return 'No Power Platform resources: PAL Desk read everything and found none.';
}

/** "Power Apps: 3 of 4 attributed · …", the share attributed across everything, and (across tenants: pass `coverage`) each product the counts do not cover in full. */
export function checklistTotals(summary: Pick<ChecklistSummary, 'byProduct' | 'all' | 'attributedShare'>, coverage?: ChecklistSummary['coverage']): string {
  const parts = PRODUCTS.filter((p) => summary.byProduct[p].total > 0).map((p) => `${PRODUCT_NAMES[p]}: ${summary.byProduct[p].attributed} of ${summary.byProduct[p].total} attributed`);
  const notes = coverage ? coverageNotes({ coverage }) : [];
  return [`${parts.join(' · ') || 'nothing to check'}`, `${Math.round(summary.attributedShare * 100)} % of ${summary.all.total} resources attributed to you.`, ...notes].join('\n');
}

/** Whether any product of these tenants was read in less than full: maker scope, denied, or never read. */
export const partialCoverage = (coverage: readonly TenantCoverage[]): boolean => coverage.some((t) => t.products.some(isPartial));

/**
 * What the inventory covers, in the app's words: every product of one tenant (`everyProduct`, as its detail page lists them),
 * or across tenants only the products not read in full, each with its tenant and why; "" when everything was read.
 */
export function coverageText(coverage: readonly TenantCoverage[], tenantName: (tenantId: string) => string, everyProduct = false): string {
  const lines = coverage.flatMap((t) =>
    t.products.filter((p) => everyProduct || isPartial(p)).map((p) => printable(`  ${everyProduct ? '' : `${tenantName(t.tenantId)}: `}${coverageLine(p)}`)),
  );
  if (everyProduct) return `\n\nWhat the inventory covers:\n${lines.join('\n')}`;
  return lines.length ? `\n\nNot read in full (the checklist counts only what was read):\n${lines.join('\n')}` : '';
}

/** The sign-in app in use and what to register for one's own (the same steps and permissions as the app's Settings page). */
export function signInAppText(clientId: string): string {
  const inUse = isDefaultClient(clientId)
    ? `PAL Desk signs in with its default app, Microsoft's Azure CLI client (${clientId}), a Microsoft first-party app.`
    : `PAL Desk signs in with your firm's own app (${clientId}).`;
  const steps = REGISTRATION_STEPS.map((step, i) => `  ${i + 1}. ${step}`);
  const permissions = API_PERMISSIONS.map((p) => `  ${p.api} (${p.appId}): ${p.permissions.join(', ')} — ${p.usedFor}`);
  return [inUse, '', 'Register your own app:', ...steps, '', 'Delegated API permissions:', ...permissions, '', 'Save it with `pal-desk settings client-id <id>`; `pal-desk consent-link --tenant <tenant>` prints each customer\'s admin-consent link.'].join('\n');
}

/** Plain-text output of the CLI: tables for people (JSON for scripts is printed as is). */
import { formatAge } from '../../shared/age';
import { linkedShare } from '../../shared/pal-status';
import { printable } from '../../shared/printable';
import { API_PERMISSIONS, isDefaultClient, REGISTRATION_STEPS } from '../../shared/sign-in-app';
import type { ChecklistSummary, ResourceChecklist } from '../../shared/checklist-types';
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

const PRODUCT_NAMES: Record<ResourceChecklist['product'], string> = {
  'power-apps': 'Power Apps',
  'power-automate': 'Power Automate',
  'power-bi': 'Power BI',
  'customer-insights': 'Customer Insights',
};

/** One row per resource: where it is, its verdict, and the first check that is not a pass with what to do. */
export function checklistTable(resources: readonly ResourceChecklist[], tenantName: (tenantId: string) => string): string {
  const rows = resources.map((r) => {
    const why = r.checks.find((c) => c.status !== 'pass');
    return [tenantName(r.tenantId), PRODUCT_NAMES[r.product], r.name, r.verdict, why ? `${why.reason}${why.remediation ? ` ${why.remediation}` : ''}` : 'every check passes'];
  });
  return rows.length ? table(['TENANT', 'PRODUCT', 'RESOURCE', 'VERDICT', 'WHY AND WHAT TO DO'], rows) : 'No Power Platform resources in the inventory yet. Run `pal-desk sync`.';
}

/** "Power Apps: 3 of 4 attributed · …" and the share attributed across everything. */
export function checklistTotals(summary: Pick<ChecklistSummary, 'byProduct' | 'all' | 'attributedShare'>): string {
  const parts = (Object.keys(PRODUCT_NAMES) as ResourceChecklist['product'][])
    .filter((p) => summary.byProduct[p].total > 0)
    .map((p) => `${PRODUCT_NAMES[p]}: ${summary.byProduct[p].attributed} of ${summary.byProduct[p].total} attributed`);
  return `${parts.join(' · ') || 'nothing to check'}\n${Math.round(summary.attributedShare * 100)} % of ${summary.all.total} resources attributed to you.`;
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

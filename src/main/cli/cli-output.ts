/** Plain-text and JSON output of the CLI: tables for people, JSON for scripts. */
import { formatAge } from '../../shared/age';
import type { TenantView } from '../../shared/view-types';

export function tenantTable(tenants: TenantView[]): string {
  const rows = tenants.map((t) => [
    t.tenantId,
    t.label ?? t.displayName,
    t.identity?.username ?? '-',
    t.identity?.signIn ?? 'signed-out',
    t.pendingActions > 0 ? 'pending' : t.pal.status,
    t.pal.partnerId ?? '-',
    formatAge(t.pal.seenAt),
  ]);
  return table(['TENANT', 'NAME', 'ACCOUNT', 'SIGN-IN', 'PAL', 'PARTNER ID', 'SEEN'], rows);
}

export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

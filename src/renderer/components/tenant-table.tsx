/** The customer tenants, one row each: name, accounts (the default's and how many more), partner-link status as the worst of the accounts, attributed share, and age. */
import { Badge, Table, TableBody, TableCell, TableCellLayout, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { formatAge } from '../../shared/age';
import { linkedShare } from '../../shared/pal-status';
import type { TenantSummary } from '../../shared/checklist-types';
import type { TenantView } from '../../shared/view-types';
import { accountName } from './account-name';
import { attributedShareText } from './attributed-share';
import { PalBadge, SignInBadge } from './status-badges';

/** The default account's name, and "+N" for the others. */
function accountsText({ accounts }: TenantView): string | undefined {
  const [first] = accounts;
  if (!first) return undefined;
  return accounts.length > 1 ? `${accountName(first)} +${accounts.length - 1}` : accountName(first);
}

/** `compact` (a tenant is open beside the list) keeps only the customer and its partner-link status; `shares` are the checklist's per-tenant summaries. */
export function TenantTable({ tenants, shares, onOpen, compact }: { tenants: TenantView[]; shares: TenantSummary[]; onOpen(tenantId: string): void; compact: boolean }) {
  const shareOf = (tenantId: string) => {
    const summary = shares.find((s) => s.tenantId === tenantId);
    return (summary && attributedShareText(summary)) ?? '—';
  };
  return (
    <Table aria-label="Customer tenants" size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Customer</TableHeaderCell>
          {!compact && <TableHeaderCell>Accounts</TableHeaderCell>}
          <TableHeaderCell>Partner link</TableHeaderCell>
          {!compact && <TableHeaderCell>Attributed</TableHeaderCell>}
          {!compact && <TableHeaderCell>Last seen</TableHeaderCell>}
        </TableRow>
      </TableHeader>
      <TableBody>
        {tenants.map((tenant) => (
          <TableRow
            key={tenant.tenantId}
            onClick={() => onOpen(tenant.tenantId)}
            onKeyDown={(event) => event.key === 'Enter' && onOpen(tenant.tenantId)}
            tabIndex={0}
            aria-label={tenant.label ?? tenant.displayName}
            data-tenant-id={tenant.tenantId}
          >
            <TableCell>
              <TableCellLayout description={tenant.defaultDomain ?? tenant.tenantId}>
                {tenant.label ?? tenant.displayName}
                {tenant.archived && <Badge appearance="ghost"> archived</Badge>}
              </TableCellLayout>
            </TableCell>
            {!compact && (
              <TableCell>
                <TableCellLayout description={accountsText(tenant)}>
                  <SignInBadge state={tenant.accounts[0]?.signIn ?? 'signed-out'} />
                </TableCellLayout>
              </TableCell>
            )}
            <TableCell>
              <TableCellLayout description={[linkedShare(tenant.pal), tenant.pal.partnerId && `ID ${tenant.pal.partnerId}`].filter(Boolean).join(' · ')}>
                <PalBadge status={tenant.pendingActions > 0 ? 'pending' : tenant.pal.status} />
              </TableCellLayout>
            </TableCell>
            {!compact && (
              <TableCell>
                <Text data-testid="attributed-share">{shareOf(tenant.tenantId)}</Text>
              </TableCell>
            )}
            {!compact && (
              <TableCell>
                <Text>{formatAge(tenant.pal.seenAt ?? tenant.lastSyncedAt)}</Text>
              </TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

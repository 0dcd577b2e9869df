/** The customer tenants, one row each: name, account, partner-link status and how old that fact is. */
import { Badge, Table, TableBody, TableCell, TableCellLayout, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { formatAge } from '../../shared/age';
import type { TenantView } from '../../shared/view-types';
import { PalBadge, SignInBadge } from './status-badges';

/** `compact` (a tenant is open beside the list) keeps only the customer and its partner-link status. */
export function TenantTable({ tenants, onOpen, compact }: { tenants: TenantView[]; onOpen(tenantId: string): void; compact: boolean }) {
  return (
    <Table aria-label="Customer tenants" size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Customer</TableHeaderCell>
          {!compact && <TableHeaderCell>Account</TableHeaderCell>}
          <TableHeaderCell>Partner link</TableHeaderCell>
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
                <TableCellLayout description={tenant.identity?.username ?? undefined}>
                  <SignInBadge state={tenant.identity?.signIn ?? 'signed-out'} />
                </TableCellLayout>
              </TableCell>
            )}
            <TableCell>
              <TableCellLayout description={tenant.pal.partnerId ? `ID ${tenant.pal.partnerId}` : undefined}>
                <PalBadge status={tenant.pendingActions > 0 ? 'pending' : tenant.pal.status} />
              </TableCellLayout>
            </TableCell>
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

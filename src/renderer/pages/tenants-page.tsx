/** Tenants page: every customer with its partner-link status; with none yet (or while the first run goes on), the first-run page. */
import { Button, makeStyles, Text, Title2, tokens } from '@fluentui/react-components';
import { ArrowSyncRegular, LinkMultipleRegular } from '@fluentui/react-icons';
import { AddCustomerDialog } from '../components/add-customer-dialog';
import { DiscoverDialog } from '../components/discover-dialog';
import { JobStatus } from '../components/job-panel';
import { TenantTable } from '../components/tenant-table';
import { linkAllTenants, syncTenants } from '../state/bulk-jobs';
import { useDiscover } from '../state/discover-store';
import { useAppStore } from '../store';
import { FirstRunPage } from './first-run-page';
import { TenantDetail } from './tenant-detail';

const useStyles = makeStyles({
  split: { display: 'flex', gap: tokens.spacingHorizontalL, alignItems: 'stretch', minHeight: '100%' },
  list: { flexGrow: 1, flexBasis: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  toolbar: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

export function TenantsPage() {
  const tenants = useAppStore((s) => s.tenants);
  const firstRun = useDiscover((s) => s.firstRunActive);
  return tenants.length === 0 || firstRun ? <FirstRunPage /> : <TenantList />;
}

function TenantList() {
  const styles = useStyles();
  const tenants = useAppStore((s) => s.tenants);
  const selected = useAppStore((s) => s.selectedTenantId);
  const selectTenant = useAppStore((s) => s.selectTenant);
  const partnerId = useAppStore((s) => s.settings?.partnerId ?? null);
  const shares = useAppStore((s) => s.checklistSummary?.tenants);
  const linked = tenants.filter((t) => t.pal.status === 'linked').length;
  return (
    <div className={styles.split}>
      <section className={styles.list} aria-labelledby="tenants-title">
        <Title2 as="h1" id="tenants-title">Customer tenants</Title2>
        <Text>
          {linked} of {tenants.length} linked to {partnerId ? `partner ID ${partnerId}` : 'your partner ID (set it in Settings)'}
        </Text>
        <div className={styles.toolbar}>
          <AddCustomerDialog />
          <DiscoverDialog />
          <Button icon={<ArrowSyncRegular />} onClick={() => void syncTenants()}>
            Sync all
          </Button>
          <Button icon={<LinkMultipleRegular />} disabled={!partnerId} onClick={() => void linkAllTenants()}>
            Link all
          </Button>
          <JobStatus />
        </div>
        <TenantTable tenants={tenants} shares={shares ?? []} onOpen={selectTenant} compact={selected !== null} />
      </section>
      {selected && <TenantDetail tenantId={selected} />}
    </div>
  );
}

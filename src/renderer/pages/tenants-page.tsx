/** Tenants page: the tenant grid with its filters and bulk actions, the open tenant beside it; with none yet (or while the first run goes on), the first-run page. */
import { Button, makeStyles, Text, Title2, tokens } from '@fluentui/react-components';
import { ArrowSyncRegular, LinkMultipleRegular } from '@fluentui/react-icons';
import { AddCustomerDialog } from '../components/add-customer-dialog';
import { DetailSplit } from '../components/detail-split';
import { DiscoverDialog } from '../components/discover-dialog';
import { JobStatus } from '../components/job-panel';
import { SelectionActions } from '../components/selection-actions';
import { TenantGridSection } from '../components/tenant-grid-section';
import { ExportMenu } from '../export/export-menu';
import { linkAllTenants, syncTenants } from '../state/bulk-jobs';
import { useDiscover } from '../state/discover-store';
import { useAppStore } from '../store';
import { FirstRunPage } from './first-run-page';
import { TenantDetail } from './tenant-detail';

const useStyles = makeStyles({
  list: { flexGrow: 1, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0, minHeight: 0, height: '100%' },
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

export function TenantsPage() {
  const tenants = useAppStore((s) => s.tenants);
  const firstRun = useDiscover((s) => s.firstRunActive);
  return tenants.length === 0 || firstRun ? <FirstRunPage /> : <TenantList />;
}

function TenantList() {
  const styles = useStyles();
  const tenants = useAppStore((s) => s.tenants);
  const openId = useAppStore((s) => s.selectedTenantId);
  const selectTenant = useAppStore((s) => s.selectTenant);
  const partnerId = useAppStore((s) => s.settings?.partnerId ?? null);
  const linked = tenants.filter((t) => t.pal.status === 'linked').length;
  const open = tenants.find((t) => t.tenantId === openId);
  const close = () => {
    selectTenant(null);
    document.querySelector<HTMLElement>(`[role="grid"] [data-tenant-id="${openId}"]`)?.focus();
  };
  return (
    <DetailSplit detail={open ? <TenantDetail tenantId={open.tenantId} /> : null} title={`Tenant ${open ? (open.label ?? open.displayName) : ''}`} onClose={close}>
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
          <ExportMenu what={['status', 'checklist', 'all']} />
          <SelectionActions />
          <JobStatus />
        </div>
        <TenantGridSection />
      </section>
    </DetailSplit>
  );
}

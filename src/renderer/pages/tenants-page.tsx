/** Tenants page: the tenant grid with its filters and bulk actions, the open tenant beside it; with no tenant yet, an empty state that explains PAL Desk. */
import { Body1, Button, Card, makeStyles, Subtitle2, Text, Title2, tokens } from '@fluentui/react-components';
import { ArrowSyncRegular, LinkMultipleRegular } from '@fluentui/react-icons';
import { AddCustomerDialog } from '../components/add-customer-dialog';
import { JobBar } from '../components/job-bar';
import { PartnerIdForm } from '../components/partner-id-form';
import { DetailSplit } from '../components/detail-split';
import { SelectionActions } from '../components/selection-actions';
import { TenantGridSection } from '../components/tenant-grid-section';
import { ExportMenu } from '../export/export-menu';
import { api } from '../api';
import { useAppStore } from '../store';
import { TenantDetail } from './tenant-detail';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '820px' },
  steps: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'grid', gap: tokens.spacingVerticalS },
  list: { flexGrow: 1, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0, minHeight: 0, height: '100%' },
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

export function TenantsPage() {
  const tenants = useAppStore((s) => s.tenants);
  return tenants.length === 0 ? <EmptyState /> : <TenantList />;
}

function TenantList() {
  const styles = useStyles();
  const tenants = useAppStore((s) => s.tenants);
  const openId = useAppStore((s) => s.selectedTenantId);
  const selectTenant = useAppStore((s) => s.selectTenant);
  const run = useAppStore((s) => s.run);
  const partnerId = useAppStore((s) => s.settings?.partnerId ?? null);
  const linked = tenants.filter((t) => t.pal.status === 'linked').length;
  const open = tenants.find((t) => t.tenantId === openId);
  if (!api) return null;
  const bridge = api;
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
          <Button icon={<ArrowSyncRegular />} onClick={() => void run(() => bridge.jobs.sync({}))}>
            Sync all
          </Button>
          <Button icon={<LinkMultipleRegular />} disabled={!partnerId} onClick={() => void run(() => bridge.pal.linkAll())}>
            Link all
          </Button>
          <ExportMenu what={['status', 'checklist', 'all']} />
          <SelectionActions />
        </div>
        <JobBar />
        <TenantGridSection />
      </section>
    </DetailSplit>
  );
}

function EmptyState() {
  const styles = useStyles();
  const partnerId = useAppStore((s) => s.settings?.partnerId ?? null);
  return (
    <section className={styles.page} aria-labelledby="tenants-title">
      <Title2 as="h1" id="tenants-title">No customer tenants yet</Title2>
      <Body1>
        Microsoft credits your organisation for Power Platform and Customer Insights usage in a customer&apos;s tenant only when the
        account you work with there is linked to your partner ID (Partner Admin Link) and that account owns, created or publishes
        the resources. PAL Desk links your partner ID in every customer tenant in one click, and shows which apps, flows,
        datasets and Customer Insights instances count.
      </Body1>
      <Card>
        <Subtitle2>{partnerId ? `Your partner ID: ${partnerId}` : 'First, your partner ID'}</Subtitle2>
        <PartnerIdForm />
      </Card>
      <Card>
        <Subtitle2>Then</Subtitle2>
        <ol className={styles.steps}>
          <li>
            <Text>Add a customer by domain or tenant ID and sign in with the account (or service principal) you use there.</Text>
          </li>
          <li>
            <Text>Link your partner ID; PAL Desk reads it back to verify and never replaces another partner&apos;s ID without asking.</Text>
          </li>
          <li>
            <Text>Review the attribution checklist and export the evidence for your incentive claims.</Text>
          </li>
        </ol>
        <AddCustomerDialog />
      </Card>
    </section>
  );
}

/** Tenants page: every customer with its partner-link status; with none yet, an empty state that explains PAL Desk. */
import { Body1, Button, Card, makeStyles, Subtitle2, Text, Title2, tokens } from '@fluentui/react-components';
import { ArrowSyncRegular, LinkMultipleRegular } from '@fluentui/react-icons';
import { AddCustomerDialog } from '../components/add-customer-dialog';
import { JobStatus } from '../components/job-panel';
import { PartnerIdForm } from '../components/partner-id-form';
import { TenantTable } from '../components/tenant-table';
import { linkAllTenants, syncTenants } from '../state/bulk-jobs';
import { useAppStore } from '../store';
import { TenantDetail } from './tenant-detail';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '820px' },
  steps: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'grid', gap: tokens.spacingVerticalS },
  split: { display: 'flex', gap: tokens.spacingHorizontalL, alignItems: 'stretch', minHeight: '100%' },
  list: { flexGrow: 1, flexBasis: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  toolbar: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

export function TenantsPage() {
  const tenants = useAppStore((s) => s.tenants);
  return tenants.length === 0 ? <EmptyState /> : <TenantList />;
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

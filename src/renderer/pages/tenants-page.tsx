/** Tenants page; with no customer yet, an empty state that explains PAL Desk and asks for the partner ID. */
import { Body1, Card, makeStyles, Subtitle2, Text, Title2, tokens } from '@fluentui/react-components';
import { PartnerIdForm } from '../components/partner-id-form';
import { useAppStore } from '../store';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '820px' },
  steps: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'grid', gap: tokens.spacingVerticalS },
});

export function TenantsPage() {
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
      </Card>
    </section>
  );
}

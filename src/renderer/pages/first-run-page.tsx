/** First run: what PAL is and why it matters, the partner ID and where to find it, then sign in once and discover the customers to track. */
import { Body1, Button, Card, makeStyles, Subtitle2, Text, Title2, tokens } from '@fluentui/react-components';
import { AddCustomerDialog } from '../components/add-customer-dialog';
import { DemoCard } from '../components/demo-card';
import { DiscoverList } from '../components/discover-list';
import { DiscoverStart } from '../components/discover-start';
import { PartnerIdForm } from '../components/partner-id-form';
import { SignInAppSection } from '../components/sign-in-app-section';
import { useAbout } from '../settings/use-about';
import { useDiscover } from '../state/discover-store';
import { useAppStore } from '../store';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '820px' },
  card: { display: 'grid', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
});

export function FirstRunPage() {
  const styles = useStyles();
  const partnerId = useAppStore((s) => s.settings?.partnerId ?? null);
  const simulated = useAppStore((s) => s.info?.cloud.id === 'sim');
  const phase = useDiscover((s) => s.phase);
  const tracksSome = useAppStore((s) => s.tenants.length > 0);
  const endFirstRun = useDiscover((s) => s.endFirstRun);
  const { about } = useAbout();
  return (
    <section className={styles.page} aria-labelledby="first-run-title">
      <Title2 as="h1" id="first-run-title">
        Welcome to PAL Desk
      </Title2>
      <Body1>
        Microsoft credits your organisation for Power Platform and Customer Insights usage in a customer&apos;s tenant only when the
        account you work with there is linked to your partner ID (Partner Admin Link) and that account owns, created or publishes
        the resources. PAL Desk links your partner ID in every customer tenant in one click, verifies it, and shows which apps,
        flows, datasets and Customer Insights instances count.
      </Body1>
      {simulated && <DemoCard />}
      <Card className={styles.card}>
        <Subtitle2 as="h2">{partnerId ? `Your partner ID: ${partnerId}` : '1. Your partner ID'}</Subtitle2>
        <Text>
          In Partner Center, open Account settings → Legal info (or Identifiers) and copy the <strong>Associated MPN ID</strong> of
          the location that delivers the work (its Location MPN ID). Do not use the global (PartnerGlobal) ID: Microsoft attributes
          Power Platform usage to a location&apos;s ID, so a link to the global ID earns no credit.
        </Text>
        <PartnerIdForm />
      </Card>
      <Card className={styles.card}>
        <Subtitle2 as="h2">2. Sign in once and discover your customers</Subtitle2>
        <Text>
          Sign in to your home tenant, or to one customer, with the account you work with. PAL Desk lists every directory that
          account reaches, as a member or a guest; pick the ones to track. Nothing is linked until you ask.
        </Text>
        {phase === 'list' || phase === 'tracking' ? <DiscoverList onSkip={endFirstRun} skipLabel="Skip for now" /> : <DiscoverStart />}
        <div className={styles.row}>
          <Text>Or add one customer by domain or tenant ID:</Text>
          <AddCustomerDialog />
          {tracksSome && phase === 'start' && <Button onClick={endFirstRun}>Skip for now</Button>}
        </div>
      </Card>
      <Card className={styles.card} role="region" aria-label="Sign-in application">
        <Subtitle2 as="h2">Optional: your firm&apos;s own sign-in app</Subtitle2>
        <Text>
          PAL Desk works with its default sign-in app where Microsoft allows it. If a customer or a Microsoft API refuses it, register
          your own multi-tenant app once and enter its ID here; each customer&apos;s admin then approves it with its admin-consent link.
        </Text>
        <SignInAppSection authorityHost={about?.cloud.endpoints.authorityHost ?? null} />
      </Card>
    </section>
  );
}

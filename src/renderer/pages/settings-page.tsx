/** Settings page: partner ID, cloud profile, accounts and service principals, sign-in application, data location, forget everything, about. */
import { Body1, Card, makeStyles, MessageBar, MessageBarBody, Subtitle2, Title2, tokens } from '@fluentui/react-components';
import { PartnerIdForm } from '../components/partner-id-form';
import { SignInAppSection } from '../components/sign-in-app-section';
import { AboutCard } from '../settings/about-card';
import { AccountsCard } from '../settings/accounts-card';
import { resetAfterForget } from '../settings/after-forget';
import { CloudProfileCard } from '../settings/cloud-profile-card';
import { DataLocationCard } from '../settings/data-location-card';
import { useAbout } from '../settings/use-about';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '820px' },
});

export function SettingsPage() {
  const styles = useStyles();
  const { about, error, reload } = useAbout();
  return (
    <section className={styles.page} aria-labelledby="settings-title">
      <Title2 as="h1" id="settings-title">Settings</Title2>
      <Card role="region" aria-label="Partner ID">
        <Subtitle2 as="h2">Partner ID</Subtitle2>
        <Body1>The Associated (Location) MPN ID that PAL Desk links in each customer tenant.</Body1>
        <PartnerIdForm />
      </Card>
      {about && <CloudProfileCard cloud={about.cloud} />}
      <AccountsCard />
      <Card role="region" aria-label="Sign-in application">
        <Subtitle2 as="h2">Sign-in application</Subtitle2>
        <Body1>
          The multi-tenant public client PAL Desk signs in with. Leave empty for the default (Azure CLI&apos;s well-known client), or enter
          your firm&apos;s own app registration. Applies after a restart.
        </Body1>
        <SignInAppSection authorityHost={about?.cloud.endpoints.authorityHost ?? null} />
      </Card>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error.message}</MessageBarBody>
        </MessageBar>
      )}
      {about && (
        <DataLocationCard
          about={about}
          onForgotten={() => {
            void resetAfterForget().then(reload);
          }}
        />
      )}
      {about && <AboutCard about={about} />}
    </section>
  );
}

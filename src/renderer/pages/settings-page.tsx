/** Settings page: the partner ID and what PAL Desk is connected to. */
import { Body1, Card, makeStyles, Subtitle2, Text, Title2, tokens } from '@fluentui/react-components';
import { ClientIdForm } from '../components/client-id-form';
import { PartnerIdForm } from '../components/partner-id-form';
import { useAppStore } from '../store';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '820px' },
});

export function SettingsPage() {
  const styles = useStyles();
  const info = useAppStore((s) => s.info);
  return (
    <section className={styles.page} aria-labelledby="settings-title">
      <Title2 as="h1" id="settings-title">Settings</Title2>
      <Card>
        <Subtitle2>Partner ID</Subtitle2>
        <Body1>The Associated (Location) MPN ID that PAL Desk links in each customer tenant.</Body1>
        <PartnerIdForm />
      </Card>
      <Card>
        <Subtitle2>Sign-in application</Subtitle2>
        <Body1>
          The multi-tenant public client PAL Desk signs in with. Leave empty for the default (Azure CLI&apos;s well-known client), or enter
          your own app registration if your customers require it. Applies after a restart.
        </Body1>
        <ClientIdForm />
      </Card>
      {info && (
        <Card>
          <Subtitle2>About</Subtitle2>
          <Text>
            {info.name} {info.version} · {info.cloud.label} · {info.host === 'electron' ? 'desktop app' : info.host === 'cli' ? 'command line' : 'browser host'}
          </Text>
        </Card>
      )}
    </section>
  );
}

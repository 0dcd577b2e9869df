/** The cloud PAL Desk talks to and its endpoints, and the cloud to start on next time (saved in Settings; --cloud and PAL_DESK_CLOUD win). */
import { Badge, Button, Card, CardHeader, Field, makeStyles, MessageBar, MessageBarBody, Select, Subtitle2, Table, TableBody, TableCell, TableRow, Text } from '@fluentui/react-components';
import type { AboutView, CloudSource } from '../../shared/about-types';
import { undocumentedPartnerLink, type CloudEndpoints } from '../../shared/cloud-profile';
import { useFieldFormStyles } from '../components/field-form-styles';
import { useSettingForm } from '../components/use-setting-form';
import { useAppStore } from '../store';

const ENDPOINT_NAMES: Record<keyof CloudEndpoints, string> = {
  authorityHost: 'Sign-in (Entra ID)',
  arm: 'Azure Resource Manager',
  bap: 'Power Platform environments',
  powerApps: 'Power Apps',
  flow: 'Power Automate',
  powerBi: 'Power BI',
  powerPlatformApi: 'Power Platform API',
};

const SOURCE_WORDS: Record<CloudSource, string> = {
  'command-line': 'Set by --cloud or PAL_DESK_CLOUD when PAL Desk started: it wins over the cloud saved here.',
  settings: 'The cloud chosen here.',
  default: 'The default cloud.',
  'browser-host': 'The browser host runs on the simulated cloud only: the cloud chosen here applies to the app and the CLI.',
};

const useStyles = makeStyles({ url: { fontFamily: 'monospace', wordBreak: 'break-all' } });

/** The choice of cloud: saved in the inventory's settings, used from the next start. */
function CloudChoiceForm({ cloud }: { cloud: AboutView['cloud'] }) {
  const styles = useFieldFormStyles();
  const saved = useAppStore((s) => s.settings?.cloudId ?? '');
  const { value, setValue, submit, validation } = useSettingForm(
    saved,
    (bridge, v) => bridge.settings.setCloud({ cloudId: v || null }),
    (v) => `Saved. PAL Desk uses ${cloud.choices.find((c) => c.id === v)?.label ?? 'the default cloud (Commercial)'} after a restart.`,
  );

  return (
    <form className={styles.form} onSubmit={submit} aria-label="Cloud to start on">
      <Field
        className={styles.field}
        label="Cloud to start on (applies after a restart)"
        {...validation}
      >
        <Select value={value} onChange={(_, d) => setValue(d.value)}>
          <option value="">Default (Commercial)</option>
          {cloud.choices.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
              {c.partnerLinkApi === 'unknown' ? ' — Partner Admin Link API not documented' : ''}
            </option>
          ))}
        </Select>
      </Field>
      <Button className={styles.button} type="submit">
        Save
      </Button>
    </form>
  );
}

export function CloudProfileCard({ cloud }: { cloud: AboutView['cloud'] }) {
  const styles = useStyles();
  const undocumented = cloud.choices.find((c) => c.id === cloud.id)?.partnerLinkApi === 'unknown';
  return (
    <Card role="region" aria-label="Cloud profile">
      <CardHeader
        header={<Subtitle2 as="h2">Cloud profile</Subtitle2>}
        description={
          <Text>
            {cloud.label}{' '}
            {cloud.simulated && (
              <Badge appearance="tint" color="warning">
                Simulated cloud: no real tenant is contacted
              </Badge>
            )}
          </Text>
        }
      />
      <Text size={200}>{SOURCE_WORDS[cloud.source]}</Text>
      {undocumented && (
        <MessageBar intent="warning">
          <MessageBarBody>{undocumentedPartnerLink(cloud.label)}</MessageBarBody>
        </MessageBar>
      )}
      <Table aria-label="Cloud endpoints" size="small">
        <TableBody>
          {(Object.keys(ENDPOINT_NAMES) as (keyof CloudEndpoints)[]).map((key) => (
            <TableRow key={key}>
              <TableCell>{ENDPOINT_NAMES[key]}</TableCell>
              <TableCell className={styles.url}>{cloud.endpoints[key]}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <CloudChoiceForm cloud={cloud} />
      <Text size={200}>Tenants keep the cloud they were added in. Every cloud&apos;s hosts: pal-desk clouds.</Text>
    </Card>
  );
}

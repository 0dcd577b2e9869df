/** The cloud PAL Desk talks to and its endpoints, read-only; the simulated cloud is labelled as such. */
import { Badge, Card, CardHeader, makeStyles, Subtitle2, Table, TableBody, TableCell, TableRow, Text } from '@fluentui/react-components';
import type { AboutView } from '../../shared/about-types';
import type { CloudEndpoints } from '../../shared/cloud-profile';

const ENDPOINT_NAMES: Record<keyof CloudEndpoints, string> = {
  authorityHost: 'Sign-in (Entra ID)',
  arm: 'Azure Resource Manager',
  bap: 'Power Platform environments',
  powerApps: 'Power Apps',
  flow: 'Power Automate',
  powerBi: 'Power BI',
  powerPlatformApi: 'Power Platform API',
};

const useStyles = makeStyles({ url: { fontFamily: 'monospace', wordBreak: 'break-all' } });

export function CloudProfileCard({ cloud }: { cloud: AboutView['cloud'] }) {
  const styles = useStyles();
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
      <Text size={200}>Set when PAL Desk starts (PAL_DESK_CLOUD); not changed here.</Text>
    </Card>
  );
}

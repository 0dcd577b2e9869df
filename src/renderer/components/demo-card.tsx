/** "Try the demo", shown on the simulated cloud only: who to sign in as and what each demo customer shows. */
import { Card, makeStyles, Subtitle2, Text, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({ card: { display: 'grid', gap: tokens.spacingVerticalS }, list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL } });

export function DemoCard() {
  const styles = useStyles();
  return (
    <Card className={styles.card} appearance="filled-alternative" aria-labelledby="demo-title">
      <Subtitle2 as="h2" id="demo-title">
        Try the demo
      </Subtitle2>
      <Text>
        PAL Desk is talking to a simulated Microsoft cloud: nothing here reaches a real tenant. Use partner ID 1234567, enter
        northwindpartners.com below and sign in as <strong>Ana Consultant</strong> (ana@northwindpartners.com), a consultant of
        Northwind Partners who is a guest in several customers:
      </Text>
      <ul className={styles.list}>
        <li>Contoso Ltd is linked to 1234567 already; Fabrikam Inc and Wide World Importers are not linked yet.</li>
        <li>Adventure Works is linked to another partner (7654321): PAL Desk asks before replacing it.</li>
        <li>Tailspin Toys asks for multi-factor sign-in; Proseware has not approved the app (admin consent).</li>
        <li>Litware Inc is reached with a service principal only; Woodgrove Bank does not know Ana.</li>
      </ul>
    </Card>
  );
}

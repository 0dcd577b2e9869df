/** The overview's tenant figures: how many customers are linked, not linked, linked to another partner, or need a sign-in, and when they were synced. */
import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { TenantCounts } from './overview-data';

const useStyles = makeStyles({
  list: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))', gap: tokens.spacingHorizontalM, margin: 0, padding: 0 },
  figure: {
    display: 'flex',
    flexDirection: 'column-reverse',
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  value: { margin: 0, fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
  term: { color: tokens.colorNeutralForeground2 },
});

export function TenantFigures({ counts }: { counts: TenantCounts }) {
  const styles = useStyles();
  const figures: [string, number][] = [
    ['Customers tracked', counts.tracked],
    ['Linked', counts.linked],
    ['Not linked', counts.notLinked],
    ['Another partner', counts.otherPartner],
    ['Link not read yet', counts.unknown],
    ['Need sign-in', counts.needSignIn],
  ];
  return (
    <dl className={styles.list} aria-label="Customers">
      {figures.map(([term, value]) => (
        <div key={term} className={styles.figure}>
          <dt className={styles.term}>
            <Caption1>{term}</Caption1>
          </dt>
          <dd className={styles.value}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

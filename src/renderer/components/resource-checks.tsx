/** One resource of the checklist: its name, verdict and age, then each check with its status, reason, remediation and Microsoft's doc. */
import { Caption1, Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import { formatAge } from '../../shared/age';
import type { Check, ResourceChecklist } from '../../shared/checklist-types';
import { CHECK_NAMES } from './checklist-words';
import { CheckStatusBadge, VerdictBadge } from './verdict-badge';

const useStyles = makeStyles({
  resource: {
    display: 'grid',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} 0`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  header: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'baseline', flexWrap: 'wrap' },
  checks: { margin: 0, paddingLeft: 0, listStyle: 'none', display: 'grid', gap: tokens.spacingVerticalXS },
  check: { display: 'grid', gridTemplateColumns: '76px minmax(0, 1fr)', justifyItems: 'start', columnGap: tokens.spacingHorizontalS, alignItems: 'baseline' },
  remediation: { color: tokens.colorNeutralForeground2 },
});

/** A doc link opens in the system browser: the shell's window-open handler sends allow-listed https URLs there. */
function CheckItem({ check }: { check: Check }) {
  const styles = useStyles();
  return (
    <li className={styles.check} aria-label={CHECK_NAMES[check.id]}>
      <CheckStatusBadge status={check.status} />
      <div>
        <Text weight="semibold">{CHECK_NAMES[check.id]}: </Text>
        <Text>{check.reason}</Text>
        {check.remediation && (
          <div className={styles.remediation}>
            <Text>To fix: {check.remediation}</Text>
          </div>
        )}
        {check.docUrl && (
          <Link href={check.docUrl} target="_blank" rel="noopener noreferrer">
            Microsoft&apos;s documentation
          </Link>
        )}
      </div>
    </li>
  );
}

export function ResourceChecks({ resource }: { resource: ResourceChecklist }) {
  const styles = useStyles();
  return (
    <div className={styles.resource} role="group" aria-label={resource.name}>
      <div className={styles.header}>
        <Text weight="semibold">
          <bdi>{resource.name}</bdi>
        </Text>
        <VerdictBadge verdict={resource.verdict} />
        <Caption1>read {formatAge(resource.seenAt)}</Caption1>
      </div>
      <ul className={styles.checks}>
        {resource.checks.map((check) => (
          <CheckItem key={check.id} check={check} />
        ))}
      </ul>
    </div>
  );
}

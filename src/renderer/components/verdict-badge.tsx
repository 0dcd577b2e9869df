/** Badges for a resource's verdict and a check's status, with words (never colour alone). */
import { Badge, makeStyles } from '@fluentui/react-components';
import type { CheckStatus, Verdict } from '../../shared/checklist-types';
import { STATUS_NAMES, VERDICT_NAMES } from './checklist-words';

type Colour = 'success' | 'warning' | 'danger' | 'informative';

const useStyles = makeStyles({ badge: { whiteSpace: 'nowrap', flexShrink: 0 } });

const VERDICT_COLOURS: Record<Verdict, Colour> = { attributed: 'success', 'at-risk': 'warning', 'not-attributed': 'danger', unknown: 'informative' };
const STATUS_COLOURS: Record<CheckStatus, Colour> = { pass: 'success', warn: 'warning', fail: 'danger', unknown: 'informative' };

export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  const styles = useStyles();
  return (
    <Badge className={styles.badge} appearance="tint" color={VERDICT_COLOURS[verdict]} data-testid="verdict">
      {VERDICT_NAMES[verdict]}
    </Badge>
  );
}

export function CheckStatusBadge({ status }: { status: CheckStatus }) {
  const styles = useStyles();
  return (
    <Badge className={styles.badge} appearance="outline" color={STATUS_COLOURS[status]} data-testid="check-status">
      {STATUS_NAMES[status]}
    </Badge>
  );
}

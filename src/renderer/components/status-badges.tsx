/** Badges for a tenant's partner-link status and sign-in state, with words (never colour alone). */
import { Badge, makeStyles } from '@fluentui/react-components';
import type { PalStatus, SignInState } from '../../shared/view-types';

/** A badge keeps its words on one line, however narrow the card header it sits in. */
const useStyles = makeStyles({ badge: { whiteSpace: 'nowrap', flexShrink: 0 } });

const PAL: Record<PalStatus, { text: string; color: 'success' | 'warning' | 'danger' | 'informative' | 'subtle' }> = {
  linked: { text: 'Linked', color: 'success' },
  'not-linked': { text: 'Not linked', color: 'warning' },
  'other-partner': { text: 'Other partner', color: 'danger' },
  pending: { text: 'Pending', color: 'informative' },
  unknown: { text: 'Unknown', color: 'subtle' },
};

export function PalBadge({ status }: { status: PalStatus }) {
  const { text, color } = PAL[status];
  const styles = useStyles();
  return (
    <Badge className={styles.badge} appearance="tint" color={color} data-testid="pal-status">
      {text}
    </Badge>
  );
}

const SIGN_IN: Record<SignInState, { text: string; color: 'success' | 'warning' | 'danger' | 'subtle' }> = {
  'signed-in': { text: 'Signed in', color: 'success' },
  'needs-sign-in': { text: 'Needs sign-in', color: 'warning' },
  error: { text: 'Sign-in problem', color: 'danger' },
  'signed-out': { text: 'Signed out', color: 'subtle' },
};

export function SignInBadge({ state }: { state: SignInState }) {
  const { text, color } = SIGN_IN[state];
  const styles = useStyles();
  return (
    <Badge className={styles.badge} appearance="outline" color={color} data-testid="sign-in-state">
      {text}
    </Badge>
  );
}

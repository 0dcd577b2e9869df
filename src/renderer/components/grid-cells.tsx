/** What each column of the tenant grid shows for one row, in words (badges never rely on colour alone); plain spans keep a row cheap to render. */
import { Badge, makeStyles, mergeClasses, tokens, typographyStyles } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { formatAge } from '../../shared/age';
import { linkedShare } from '../../shared/pal-status';
import type { GridRow } from '../state/grid-rows';
import type { SortColumn } from '../state/grid-store';
import { accountName } from './account-name';
import { attributedShareText } from './attributed-share';
import { PalBadge } from './status-badges';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', minWidth: 0, gap: '2px' },
  line: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, minWidth: 0 },
  clip: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0 },
  body: { ...typographyStyles.body1 },
  strong: { ...typographyStyles.body1Strong },
  caption: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground3 },
  badge: { flexShrink: 0 },
});

/** The default account's name, and "+N" for the others. */
function accountsText({ tenant }: GridRow): string {
  const [first] = tenant.accounts;
  if (!first) return 'Nobody signed in yet';
  return tenant.accounts.length > 1 ? `${accountName(first)} +${tenant.accounts.length - 1}` : accountName(first);
}

function Clipped({ text, caption }: { text: string; caption?: boolean }) {
  const styles = useStyles();
  return (
    <span className={mergeClasses(styles.clip, caption ? styles.caption : styles.body)} title={text}>
      {text}
    </span>
  );
}

function Plain({ text, testId, title }: { text: string; testId?: string; title?: string }) {
  const styles = useStyles();
  return (
    <span className={styles.body} data-testid={testId} title={title}>
      {text}
    </span>
  );
}

function Customer({ row }: { row: GridRow }) {
  const styles = useStyles();
  return (
    <div className={styles.stack}>
      <div className={styles.line}>
        <span className={mergeClasses(styles.clip, styles.strong)} title={row.name}>
          <bdi>{row.name}</bdi>
        </span>
        {row.tenant.archived && (
          <Badge className={styles.badge} appearance="ghost" size="small">
            archived
          </Badge>
        )}
      </div>
      <Clipped text={row.domain} caption />
    </div>
  );
}

function Accounts({ row }: { row: GridRow }) {
  const styles = useStyles();
  const total = row.tenant.accounts.length;
  return (
    <div className={styles.stack}>
      <Clipped text={accountsText(row)} />
      {total > 0 && <Clipped text={`${total} account${total === 1 ? '' : 's'} · ${row.signedIn} signed in`} caption />}
    </div>
  );
}

function Pal({ row }: { row: GridRow }) {
  const styles = useStyles();
  const { pal } = row.tenant;
  return (
    <div className={styles.stack}>
      <div className={styles.line}>
        <PalBadge status={row.pal} />
      </div>
      <Clipped text={[linkedShare(pal), pal.partnerId && `ID ${pal.partnerId}`].filter(Boolean).join(' · ')} caption />
    </div>
  );
}

function needsSignInText(row: GridRow): string {
  if (row.tenant.accounts.length === 0) return 'No account';
  return row.needsSignIn === 0 ? 'None' : `${row.needsSignIn} of ${row.tenant.accounts.length}`;
}

export function GridCell({ column, row, now }: { column: SortColumn; row: GridRow; now: number }): ReactNode {
  switch (column) {
    case 'customer':
      return <Customer row={row} />;
    case 'accounts':
      return <Accounts row={row} />;
    case 'pal':
      return <Pal row={row} />;
    case 'attributed':
      return <Plain testId="attributed-share" text={(row.summary && attributedShareText(row.summary)) ?? '—'} />;
    case 'needs-sign-in':
      return <Plain testId="needs-sign-in" text={needsSignInText(row)} />;
    case 'pending':
      return <Plain text={row.tenant.pendingActions === 0 ? 'None' : `${row.tenant.pendingActions} queued`} />;
    case 'last-synced':
      return <Plain testId="last-synced" title={row.tenant.lastSyncedAt ?? 'never synced'} text={formatAge(row.tenant.lastSyncedAt, now)} />;
  }
}

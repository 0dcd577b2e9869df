/** Top bar: product name, the cloud PAL Desk is talking to, and the theme switch. */
import { Badge, makeStyles, Text, tokens } from '@fluentui/react-components';
import { LinkMultipleRegular } from '@fluentui/react-icons';
import { ThemeMenu } from './theme-menu';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  grow: { flexGrow: 1 },
});

export function AppHeader({ cloudLabel }: { cloudLabel?: string }) {
  const styles = useStyles();
  return (
    <header className={styles.header}>
      <LinkMultipleRegular fontSize={24} aria-hidden />
      <Text weight="semibold" size={500}>
        PAL Desk
      </Text>
      <span className={styles.grow} />
      {cloudLabel && (
        <Badge appearance="tint" color="informative" aria-label={`Cloud: ${cloudLabel}`}>
          {cloudLabel}
        </Badge>
      )}
      <ThemeMenu />
    </header>
  );
}

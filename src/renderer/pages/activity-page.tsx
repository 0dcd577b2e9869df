/** Activity page: every change PAL Desk made, newest first (empty until the first link). */
import { Body1, makeStyles, Title2, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '820px' },
});

export function ActivityPage() {
  const styles = useStyles();
  return (
    <section className={styles.page} aria-labelledby="activity-title">
      <Title2 as="h1" id="activity-title">Activity</Title2>
      <Body1>Nothing yet. Every partner link PAL Desk creates, updates or removes will be listed here with its outcome.</Body1>
    </section>
  );
}

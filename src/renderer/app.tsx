/** The app frame: Fluent UI theme (the OS's or the person's choice), header, navigation (Overview, Tenants, Activity, Settings) and the current page. */
import { FluentProvider, makeStyles, Spinner, tokens, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { useEffect } from 'react';
import { AppHeader } from './components/app-header';
import { JobPanel } from './components/job-panel';
import { NavRail } from './components/nav-rail';
import { Notices } from './components/notices';
import { OfflineBanner } from './components/offline-banner';
import { ActivityPage } from './pages/activity-page';
import { ErrorPage } from './pages/error-page';
import { OverviewPage } from './pages/overview-page';
import { SettingsPage } from './pages/settings-page';
import { TenantsPage } from './pages/tenants-page';
import { useAppStore } from './store';
import { useDarkTheme } from './state/theme-choice';

const useStyles = makeStyles({
  root: { height: '100vh', display: 'grid', gridTemplateRows: 'auto 1fr', backgroundColor: tokens.colorNeutralBackground2 },
  body: { display: 'grid', gridTemplateColumns: '220px 1fr auto', minHeight: 0 },
  main: { overflow: 'auto', padding: tokens.spacingHorizontalXXL, backgroundColor: tokens.colorNeutralBackground1 },
});

export function App() {
  const dark = useDarkTheme();
  const styles = useStyles();
  const { page, info, loadError, load } = useAppStore();
  useEffect(() => void load(), [load]);

  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme}>
      <div className={styles.root}>
        <AppHeader cloudLabel={info?.cloud.label} />
        <div className={styles.body}>
          <NavRail />
          <main className={styles.main} aria-live="polite">
            <OfflineBanner />
            <Notices />
            {loadError ? <ErrorPage error={loadError} /> : !info ? <Spinner label="Opening PAL Desk…" /> : <CurrentPage page={page} />}
          </main>
          <JobPanel />
        </div>
      </div>
    </FluentProvider>
  );
}

function CurrentPage({ page }: { page: string }) {
  if (page === 'overview') return <OverviewPage />;
  if (page === 'activity') return <ActivityPage />;
  if (page === 'settings') return <SettingsPage />;
  return <TenantsPage />;
}

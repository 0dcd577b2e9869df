/** The app frame: Fluent UI theme (the OS's or the person's choice), header, navigation (Overview, Tenants, Activity, Settings) and the current page. */
import { FluentProvider, makeStyles, Spinner, tokens, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import { AppHeader } from './components/app-header';
import { JobPanel } from './components/job-panel';
import { NavRail } from './components/nav-rail';
import { Notices } from './components/notices';
import { OfflineBanner } from './components/offline-banner';
import { ErrorPage } from './pages/error-page';
import { TenantsPage } from './pages/tenants-page';
import { useAppStore } from './store';
import { useDarkTheme } from './state/theme-choice';

/** Loaded when first opened, so the tenant grid paints without waiting for the charts and the other pages' code. */
const OverviewPage = lazy(async () => ({ default: (await import('./pages/overview-page')).OverviewPage }));
const ActivityPage = lazy(async () => ({ default: (await import('./pages/activity-page')).ActivityPage }));
const SettingsPage = lazy(async () => ({ default: (await import('./pages/settings-page')).SettingsPage }));

const useStyles = makeStyles({
  root: { height: '100vh', display: 'grid', gridTemplateRows: 'auto 1fr', backgroundColor: tokens.colorNeutralBackground2 },
  body: { display: 'grid', gridTemplateColumns: '220px 1fr auto', minHeight: 0 },
  main: { overflow: 'auto', padding: tokens.spacingHorizontalXXL, backgroundColor: tokens.colorNeutralBackground1 },
});

export function App() {
  const dark = useDarkTheme();
  const styles = useStyles();
  const { page, info, loadError } = useAppStore();

  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme}>
      <div className={styles.root}>
        <AppHeader cloudLabel={info?.cloud.label} />
        <div className={styles.body}>
          <NavRail />
          <main className={styles.main} aria-live="polite">
            <OfflineBanner />
            <Notices />
            {loadError ? <ErrorPage error={loadError} /> : info && <CurrentPage page={page} />}
          </main>
          <JobPanel />
        </div>
      </div>
    </FluentProvider>
  );
}

function CurrentPage({ page }: { page: string }) {
  if (page === 'tenants') return <TenantsPage />;
  return (
    <Suspense fallback={<Spinner label="Opening…" />}>
      {page === 'overview' ? <OverviewPage /> : page === 'activity' ? <ActivityPage /> : <SettingsPage />}
    </Suspense>
  );
}

/** Left navigation between the app's pages. */
import { makeStyles, Tab, TabList, tokens } from '@fluentui/react-components';
import { BuildingMultipleRegular, DataPieRegular, HistoryRegular, SettingsRegular } from '@fluentui/react-icons';
import { useAppStore, type Page } from '../store';

const useStyles = makeStyles({
  nav: { padding: tokens.spacingVerticalM, borderRight: `1px solid ${tokens.colorNeutralStroke2}` },
});

export function NavRail() {
  const styles = useStyles();
  const page = useAppStore((s) => s.page);
  const setPage = useAppStore((s) => s.setPage);
  return (
    <nav className={styles.nav} aria-label="Main">
      <TabList vertical selectedValue={page} onTabSelect={(_, data) => setPage(data.value as Page)}>
        <Tab value="overview" icon={<DataPieRegular />}>
          Overview
        </Tab>
        <Tab value="tenants" icon={<BuildingMultipleRegular />}>
          Tenants
        </Tab>
        <Tab value="activity" icon={<HistoryRegular />}>
          Activity
        </Tab>
        <Tab value="settings" icon={<SettingsRegular />}>
          Settings
        </Tab>
      </TabList>
    </nav>
  );
}

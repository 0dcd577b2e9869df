/** Where PAL Desk keeps its data (folder and database size), "Show in folder" in the desktop app, and "Forget everything". */
import { Button, Card, CardHeader, makeStyles, MessageBar, MessageBarBody, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { FolderOpenRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { AboutView } from '../../shared/about-types';
import { api } from '../api';
import { ForgetEverythingDialog } from './forget-everything-dialog';

const useStyles = makeStyles({
  path: { fontFamily: 'monospace', wordBreak: 'break-all' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/** 1536 → "1.5 KB", in binary units as file managers show them. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${value} bytes` : `${value.toFixed(1)} ${units[unit]}`;
}

export function DataLocationCard({ about, onForgotten }: { about: AboutView; onForgotten(): void }) {
  const styles = useStyles();
  const [error, setError] = useState<string | null>(null);
  const showFolder = async () => {
    const result = await api?.data.showFolder();
    setError(result && !result.ok ? result.error.message : null);
  };
  return (
    <Card role="region" aria-label="Data location">
      <CardHeader header={<Subtitle2 as="h2">Data location</Subtitle2>} />
      <Text>
        Data folder: <span className={styles.path}>{about.dataFolder}</span>
      </Text>
      <Text>Inventory database: {formatBytes(about.databaseBytes)}</Text>
      <Text size={200}>Sign-in tokens are kept encrypted in this folder; their key and any service principal secrets are in your OS keychain, under names of this folder's own.</Text>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        {about.canShowInFolder && (
          <Button icon={<FolderOpenRegular />} onClick={() => void showFolder()}>
            Show in folder
          </Button>
        )}
        <ForgetEverythingDialog onForgotten={onForgotten} />
      </div>
    </Card>
  );
}

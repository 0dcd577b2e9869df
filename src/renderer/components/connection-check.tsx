/** "Check connection" in a tenant's detail: runs the read-only doctor for every account of ours there and shows its lines in a dialog. */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, MessageBar, MessageBarBody, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { DoctorReport } from '../../shared/doctor-types';
import { api } from '../api';
import { DoctorLines } from './doctor-lines';

const useStyles = makeStyles({
  content: { display: 'grid', gap: tokens.spacingVerticalL },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

export function ConnectionCheck({ tenantId, name }: { tenantId: string; name: string }) {
  const styles = useStyles();
  const [checking, setChecking] = useState(false);
  const [report, setReport] = useState<DoctorReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!api) return null;
  const bridge = api;

  const check = async () => {
    setChecking(true);
    setError(null);
    const result = await bridge.doctor.check({ tenantId });
    setChecking(false);
    if (result.ok) setReport(result.value);
    else setError(result.error.message);
  };

  return (
    <>
      <div className={styles.row}>
        <Button disabled={checking} onClick={() => void check()}>
          Check connection
        </Button>
        {checking && <Spinner size="tiny" label="Checking every token and API (read-only)…" />}
      </div>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <Dialog open={report !== null} onOpenChange={(_, data) => !data.open && setReport(null)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Connection to {name}</DialogTitle>
            <DialogContent className={styles.content}>
              {report && (
                <MessageBar intent={report.passed ? 'success' : 'warning'}>
                  <MessageBarBody>{report.passed ? 'Every check passed.' : 'Some checks need attention: see the failed lines.'}</MessageBarBody>
                </MessageBar>
              )}
              {report?.accounts.map((a) => <DoctorLines key={a.identityId} report={a} />)}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => setReport(null)}>
                Close
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}

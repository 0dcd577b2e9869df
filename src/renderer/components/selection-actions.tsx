/** "Sync selected", "Link selected" and "Clear selection" for the tenants ticked in the grid (shown only when some are). */
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowSyncRegular, LinkMultipleRegular } from '@fluentui/react-icons';
import { linkTenants, syncTenants } from '../state/bulk-jobs';
import { useGridStore } from '../state/grid-store';
import { useAppStore } from '../store';

const useStyles = makeStyles({ group: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS } });

export function SelectionActions() {
  const styles = useStyles();
  const tenants = useAppStore((s) => s.tenants);
  const partnerId = useAppStore((s) => s.settings?.partnerId ?? null);
  const selected = useGridStore((s) => s.selected);
  const setSelected = useGridStore((s) => s.setSelected);
  const known = new Set(tenants.map((t) => t.tenantId));
  const chosen = selected.filter((id) => known.has(id));
  if (chosen.length === 0) return null;
  return (
    <div role="group" aria-label="Selected tenants" className={styles.group}>
      <Button icon={<ArrowSyncRegular />} onClick={() => void syncTenants(chosen)}>
        Sync selected ({chosen.length})
      </Button>
      <Button icon={<LinkMultipleRegular />} disabled={!partnerId} onClick={() => void linkTenants(chosen)}>
        Link selected ({chosen.length})
      </Button>
      <Button appearance="subtle" onClick={() => setSelected([])}>
        Clear selection
      </Button>
    </div>
  );
}

/** The directories an account reaches, each with its name, domain and whether PAL Desk tracks it already, to pick which to track. */
import { Badge, Button, Checkbox, makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import { useDiscover } from '../state/discover-store';

const useStyles = makeStyles({
  found: { display: 'grid', gap: tokens.spacingVerticalM },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalXS, maxHeight: '360px', overflowY: 'auto' },
  item: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
  domain: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

export function DiscoverList({ onSkip, skipLabel, onTracked }: { onSkip(): void; skipLabel: string; onTracked?(): void }) {
  const styles = useStyles();
  const found = useDiscover((s) => s.found);
  const picked = useDiscover((s) => s.picked);
  const phase = useDiscover((s) => s.phase);
  const error = useDiscover((s) => s.error);
  const toggle = useDiscover((s) => s.toggle);
  const trackPicked = useDiscover((s) => s.trackPicked);
  const newOnes = found.filter((t) => !t.tracked);
  return (
    <section aria-label="Directories found" className={styles.found}>
      <Text>
        Your account reaches {found.length} {found.length === 1 ? 'directory' : 'directories'}
        {newOnes.length < found.length ? `; ${found.length - newOnes.length} tracked already` : ''}. Pick the customers to track.
      </Text>
      <ul className={styles.list}>
        {found.map((t) => {
          const name = t.displayName ?? t.defaultDomain ?? t.tenantId;
          return (
            <li key={t.tenantId} className={styles.item}>
              <Checkbox
                checked={t.tracked || picked.includes(t.tenantId)}
                disabled={t.tracked || phase === 'tracking'}
                onChange={(_, data) => toggle(t.tenantId, data.checked === true)}
                label={
                  <span>
                    <Text weight="semibold">
                      <bdi>{name}</bdi>
                    </Text> <Text className={styles.domain}>{t.defaultDomain ?? t.tenantId}</Text>
                  </span>
                }
                aria-label={name}
              />
              {t.tracked && (
                <Badge appearance="outline" color="informative">
                  Already tracked
                </Badge>
              )}
            </li>
          );
        })}
      </ul>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={phase === 'tracking' || picked.length === 0} onClick={() => void trackPicked().then((done) => done && onTracked?.())}>
          Track selected ({picked.length})
        </Button>
        <Button onClick={onSkip}>{skipLabel}</Button>
      </div>
    </section>
  );
}

/** Chips that filter the checklist by verdict, each with its count; one is pressed at a time. */
import { makeStyles, ToggleButton, tokens } from '@fluentui/react-components';
import { VERDICTS, type Verdict, type VerdictCounts } from '../../shared/checklist-types';
import { VERDICT_NAMES } from './checklist-words';

export type VerdictChoice = Verdict | 'all';

const useStyles = makeStyles({ chips: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS } });

export function VerdictFilter({ counts, value, onChange }: { counts: VerdictCounts; value: VerdictChoice; onChange(value: VerdictChoice): void }) {
  const styles = useStyles();
  const chips: { value: VerdictChoice; label: string; count: number }[] = [
    { value: 'all', label: 'All', count: counts.total },
    ...VERDICTS.map((v) => ({ value: v, label: VERDICT_NAMES[v], count: counts[v] })),
  ];
  return (
    <div role="group" aria-label="Show" className={styles.chips}>
      {chips.map((chip) => (
        <ToggleButton key={chip.value} size="small" shape="circular" checked={value === chip.value} onClick={() => onChange(chip.value)}>
          {chip.label} ({chip.count})
        </ToggleButton>
      ))}
    </div>
  );
}

/** The audit log's filters: tenant search, action, outcome and a date range, applied as they change. */
import { Button, Field, Input, makeStyles, Select, tokens } from '@fluentui/react-components';
import { ACTION_LABELS, AUDIT_ACTIONS, AUDIT_OUTCOMES, OUTCOME_LABELS, type AuditAction, type AuditOutcome } from '../../shared/audit-filter';
import { useActivityStore } from './activity-store';
import { isFiltered, NO_FILTER } from './audit-filter-form';

const useStyles = makeStyles({
  form: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
});

export function AuditFilters() {
  const styles = useStyles();
  const form = useActivityStore((s) => s.form);
  const setForm = useActivityStore((s) => s.setForm);
  const filtered = isFiltered(form);

  return (
    <form className={styles.form} aria-label="Audit log filters" role="search" onSubmit={(event) => event.preventDefault()}>
      <Field label="Tenant">
        <Input type="search" placeholder="Name or tenant ID" value={form.tenant} onChange={(_, d) => void setForm({ tenant: d.value })} />
      </Field>
      <Field label="Action">
        <Select value={form.action} onChange={(_, d) => void setForm({ action: d.value as AuditAction | '' })}>
          <option value="">Any action</option>
          {AUDIT_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {ACTION_LABELS[a]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Outcome">
        <Select value={form.outcome} onChange={(_, d) => void setForm({ outcome: d.value as AuditOutcome | '' })}>
          <option value="">Any outcome</option>
          {AUDIT_OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {OUTCOME_LABELS[o]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="From">
        <Input type="date" value={form.fromDay} max={form.toDay || undefined} onChange={(_, d) => void setForm({ fromDay: d.value })} />
      </Field>
      <Field label="To">
        <Input type="date" value={form.toDay} min={form.fromDay || undefined} onChange={(_, d) => void setForm({ toDay: d.value })} />
      </Field>
      <Button disabled={!filtered} onClick={() => void setForm(NO_FILTER)}>
        Clear filters
      </Button>
    </form>
  );
}

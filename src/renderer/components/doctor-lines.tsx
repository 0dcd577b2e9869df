/** One account's "Check connection" lines: each silent token, each first page read (status, time, request id, scope proved), and the conclusions. */
import { Badge, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { DoctorAccountReport, DoctorApiLine, DoctorFailure, DoctorOutcome } from '../../shared/doctor-types';

const useStyles = makeStyles({
  section: { display: 'grid', gap: tokens.spacingVerticalXS },
  list: { margin: 0, paddingLeft: 0, listStyleType: 'none', display: 'grid', gap: tokens.spacingVerticalXXS },
  line: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'baseline', overflowWrap: 'anywhere' },
  conclusions: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

const BADGE: Record<DoctorOutcome, { label: string; color: 'success' | 'warning' | 'danger' | 'informative' }> = {
  pass: { label: 'OK', color: 'success' },
  limited: { label: 'Limited', color: 'warning' },
  fail: { label: 'Failed', color: 'danger' },
  'not-checked': { label: 'Not checked', color: 'informative' },
};

const failureText = (f: DoctorFailure) => `${f.aadsts ? `${f.aadsts}: ` : ''}${f.message}`;

function apiFacts(a: DoctorApiLine): string {
  if (a.outcome === 'not-checked') return a.proved;
  const facts = [a.status === null ? 'no answer' : `HTTP ${a.status}`, a.ms === null ? null : `${a.ms} ms`, a.requestId ? `request ${a.requestId}` : null].filter(Boolean).join(', ');
  return `${facts} — ${a.failure ? failureText(a.failure) : a.proved}`;
}

function Outcome({ outcome }: { outcome: DoctorOutcome }) {
  const b = BADGE[outcome];
  return (
    <Badge appearance="tint" color={b.color}>
      {b.label}
    </Badge>
  );
}

export function DoctorLines({ report }: { report: DoctorAccountReport }) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-label={`Connection of ${report.account}`}>
      <Text weight="semibold">{report.account}</Text>
      <Text size={200}>Tokens (silent)</Text>
      <ul className={styles.list} aria-label="Tokens">
        {report.tokens.map((t) => (
          <li key={t.resource} className={styles.line}>
            <Outcome outcome={t.outcome} />
            <Text>
              {t.audience}
              {t.failure ? ` — ${failureText(t.failure)}` : ''}
            </Text>
          </li>
        ))}
      </ul>
      <Text size={200}>First page of each API</Text>
      <ul className={styles.list} aria-label="API calls">
        {report.apis.map((a, i) => (
          <li key={`${a.api}-${i}`} className={styles.line}>
            <Outcome outcome={a.outcome} />
            <Text>
              {a.name}: {apiFacts(a)}
            </Text>
          </li>
        ))}
      </ul>
      <Text size={200}>PAL Desk concludes</Text>
      <ul className={styles.conclusions} aria-label="Conclusions">
        {report.conclusions.map((c) => (
          <li key={c}>
            <Text>{c}</Text>
          </li>
        ))}
      </ul>
    </section>
  );
}

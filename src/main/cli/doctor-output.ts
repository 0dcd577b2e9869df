/** `pal-desk doctor` as text: one line per token and per call, then what PAL Desk concludes; and its exit code. */
import type { DoctorApiLine, DoctorFailure, DoctorReport, DoctorTokenLine } from '../../shared/doctor-types';
import { printable } from '../../shared/printable';
import { NEEDS_SIGN_IN } from '../auth/auth-errors';
import { EXIT, type ExitCode } from './exit-codes';

const MARK = { pass: 'ok  ', limited: 'ok  ', fail: 'FAIL', 'not-checked': 'skip' } as const;

const failureText = (f: DoctorFailure) => `${f.code}${f.aadsts ? ` ${f.aadsts}` : ''}: ${f.message}`;

const tokenLine = (t: DoctorTokenLine) => `    ${MARK[t.outcome]}  ${t.audience}${t.failure ? ` — ${failureText(t.failure)}` : ''}`;

function apiLine(a: DoctorApiLine): string {
  const facts = [a.status === null ? 'no answer' : `HTTP ${a.status}`, a.ms === null ? null : `${a.ms} ms`, a.requestId ? `request ${a.requestId}` : null].filter(Boolean).join(', ');
  const what = a.failure ? failureText(a.failure) : a.proved;
  return `    ${MARK[a.outcome]}  ${a.name}${a.outcome === 'not-checked' ? '' : ` (${facts})`}: ${what}`;
}

export function doctorText(r: DoctorReport): string {
  const lines = [`${r.tenantName} (${r.tenantId}), ${r.cloud} cloud, checked ${r.checkedAt}`];
  for (const a of r.accounts) {
    lines.push(`  ${a.account}`, '   Tokens (silent)', ...a.tokens.map(tokenLine), '   First page of each API', ...a.apis.map(apiLine), '   PAL Desk concludes', ...a.conclusions.map((c) => `    - ${c}`));
  }
  lines.push(r.passed ? 'Every check passed.' : 'Some checks need attention: see the FAIL lines.');
  return lines.map((line) => printable(line)).join('\n');
}

/** 0 when every check passed; 4 when only sign-ins need the person; 1 for any other failure. */
export function doctorExit(r: DoctorReport): ExitCode {
  if (r.passed) return EXIT.ok;
  const failures = r.accounts.flatMap((a) => [...a.tokens.map((t) => t.failure), ...a.apis.map((x) => x.failure)]).filter((f): f is DoctorFailure => f !== null);
  return failures.every((f) => NEEDS_SIGN_IN.has(f.code)) ? EXIT.needsSignIn : EXIT.failed;
}

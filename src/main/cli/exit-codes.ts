/** Exit codes of the `pal-desk` CLI that scripts can rely on. */
import { NEEDS_SIGN_IN } from '../auth/auth-errors';

export const EXIT = {
  ok: 0,
  /** At least one tenant failed, or the request failed. */
  failed: 1,
  /** Bad arguments or input: an unknown or missing option, a bad choice, an invalid partner ID, an unknown tenant or account. */
  usage: 2,
  /** Another partner's ID is linked; run again with --yes-replace to replace it. */
  needsConfirmation: 3,
  /** A tenant needs an interactive sign-in (run the app, or `pal-desk signin`). */
  needsSignIn: 4,
  /** Azure was unreachable; the action (or, in link --all, some tenant's links) is queued and will be sent later. */
  queued: 5,
  /**
   * Another PAL Desk process (the app, or another terminal) is making changes in this data folder, or kept its inventory locked
   * past the busy timeout: nothing was changed, or (this process was paused past its turn and the other took over) nothing more
   * was changed. Run again, or add --wait.
   */
  writerBusy: 6,
  /** PAL Desk found damaged data (at start, or while running); see the message; `pal-desk notices --ack` once you have read it. */
  damagedData: 7,
  /** `checklist`: some resources are not attributed to you, at risk, or cannot be told (the checklist says why and what to do). */
  notAttributed: 8,
  /** `link`: Azure does not serve the Partner Admin Link API in this cloud (GCC High, DoD, China are not documented), so the link is unknown. */
  unknown: 9,
  /** `checklist`, `sync`: some product was not read in full (maker scope only, denied, or never read); the coverage lines say which and why. */
  partialCoverage: 10,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** The exit codes as `pal-desk --help` lists them. */
export const EXIT_HELP = `Exit codes (the most serious wins: 7, then 1, 2, 6, 3, 4, 5, 9, 10, 8):
  0   done
  1   a tenant or the request failed
  2   bad input (option, tenant, account, partner ID)
  3   another partner's ID is linked; run again with --yes-replace to replace it
  4   a tenant needs a person to sign in (pal-desk signin --tenant <t>)
  5   Azure was unreachable: the action is queued and sent later
  6   another PAL Desk process is making changes in this data folder; run again, or add --wait
  7   PAL Desk found damaged data at start; read the notice, then pal-desk notices --ack
  8   checklist: some resources shown are not attributed to you, at risk, or cannot be told
  9   link: Azure does not serve the Partner Admin Link API in this cloud; the link is unknown
  10  checklist, sync: some product was not read in full (only what our account sees, denied, or never read); the lines say which and why`;

/** The exit code for a failed Result's error code. */
export function exitCodeForError(code: string): ExitCode {
  if (code === 'invalid-input' || code === 'invalid-partner-id' || code === 'unknown-tenant' || code === 'not-found') return EXIT.usage;
  if (code === 'conflict') return EXIT.needsConfirmation;
  if (NEEDS_SIGN_IN.has(code)) return EXIT.needsSignIn;
  if (code === 'offline') return EXIT.queued;
  if (code === 'writer-busy' || code === 'writer-lost' || code === 'inventory-busy') return EXIT.writerBusy;
  if (code === 'inventory-damaged') return EXIT.damagedData;
  if (code === 'partner-link-api-unknown') return EXIT.unknown;
  return EXIT.failed;
}

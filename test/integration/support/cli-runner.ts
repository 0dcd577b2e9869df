/** Runs the real `pal-desk` CLI in a child process on a data folder against a simulated cloud, as a person in a terminal would. */
import { spawn } from 'node:child_process';
import path from 'node:path';

const projectDir = path.resolve(import.meta.dirname, '../../..');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** How long the command took, in ms. */
  ms: number;
}

export interface CliTarget {
  /** The simulated cloud's profile; without one the CLI runs on its default cloud (for commands that never call it). */
  profileFile?: string;
  userDataDir: string;
  /** The keychain service name of the data folder's secrets. */
  service: string;
  /** Extra environment for every run. */
  env?: Record<string, string>;
}

/** Runs `pal-desk …args`; `input` goes to its standard input, `env` adds variables for this run. */
export function runCli(target: CliTarget, args: string[], options: { input?: string; env?: Record<string, string> } = {}): Promise<CliRun> {
  return startCli(target, args, options).done;
}

/** Starts `pal-desk …args` and returns its process id at once (tests pause and resume it) with the run's end. */
export function startCli(target: CliTarget, args: string[], options: { input?: string; env?: Record<string, string> } = {}): { pid: number; done: Promise<CliRun> } {
  const started = performance.now();
  const cloud = target.profileFile ? ['--cloud', 'sim', '--sim-profile', target.profileFile] : [];
  const child = spawn(process.execPath, ['bin/pal-desk.mjs', ...cloud, '--user-data', target.userDataDir, ...args], {
    cwd: projectDir,
    env: { ...process.env, PAL_DESK_KEYCHAIN_SERVICE: target.service, ...target.env, ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  child.stdin.end(options.input ?? '');
  const done = new Promise<CliRun>((resolve) => child.on('exit', (code) => resolve({ code: code ?? 1, stdout, stderr, ms: performance.now() - started })));
  return { pid: child.pid ?? 0, done };
}

/** A runner bound to one data folder: `cli('tenants', 'list')`. */
export const cliOn = (target: CliTarget) => (...args: string[]) => runCli(target, args);

/** Resumes a process a test paused with SIGSTOP (nothing happens when it has ended). */
export function resume(pid: number): void {
  try {
    process.kill(pid, 'SIGCONT');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

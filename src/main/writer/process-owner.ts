/** This process as an owner of locks and leases, and whether another recorded owner is still alive. */
import { hostname } from 'node:os';

export interface ProcessOwner {
  pid: number;
  host: string;
}

export const thisProcess = (): ProcessOwner => ({ pid: process.pid, host: hostname() });

/** The lease owner string stored with a claimed queued action. */
export const ownerKey = (o: ProcessOwner): string => `${o.host}:${o.pid}`;

/** A process on this machine that no longer runs; one on another machine counts as alive (its heartbeat decides). */
export function isDeadHere(owner: ProcessOwner): boolean {
  if (owner.host !== hostname()) return false;
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

export function parseOwnerKey(key: string): ProcessOwner | null {
  const at = key.lastIndexOf(':');
  const pid = Number(key.slice(at + 1));
  return at > 0 && Number.isInteger(pid) ? { host: key.slice(0, at), pid } : null;
}

/** Leases of the processes at work in the data folder (a sync, link all, a CLI command), shared by the app, the browser host and the CLI, so one never deletes what another is writing. */
import type { DatabaseSync } from 'node:sqlite';

export interface WorkLease {
  /** One process's services on the data folder (a process may open it more than once). */
  owner: string;
  /** What holds it, as a person would name it ("The pal-desk CLI"). */
  holder: string;
  /** What it is doing: 'sync', 'link-all' or 'command' (a CLI command). */
  work: string;
  pid: number;
  host: string;
  since: string;
  heartbeat: string;
}

export class WorkLeaseRepo {
  readonly #db: DatabaseSync;
  readonly #now: () => Date;

  constructor(db: DatabaseSync, now: () => Date) {
    this.#db = db;
    this.#now = now;
  }

  take(lease: Pick<WorkLease, 'owner' | 'holder' | 'work' | 'pid' | 'host'>): void {
    const now = this.#now().toISOString();
    this.#db
      .prepare(
        `INSERT INTO work_leases (owner, holder, work, pid, host, since, heartbeat) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (owner) DO UPDATE SET work = excluded.work, heartbeat = excluded.heartbeat`,
      )
      .run(lease.owner, lease.holder, lease.work, lease.pid, lease.host, now, now);
  }

  heartbeat(owner: string): void {
    this.#db.prepare('UPDATE work_leases SET heartbeat = ? WHERE owner = ?').run(this.#now().toISOString(), owner);
  }

  release(owner: string): void {
    this.#db.prepare('DELETE FROM work_leases WHERE owner = ?').run(owner);
  }

  list(): WorkLease[] {
    return (this.#db.prepare('SELECT owner, holder, work, pid, host, since, heartbeat FROM work_leases ORDER BY since').all() as unknown as WorkLease[]).map((l) => ({ ...l }));
  }
}

/** The data folder as Settings shows it (cloud profile, location, size, versions), "Show in folder", and the checks before "forget everything". */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { AboutView, CloudChoiceView, CloudSource, ForgetResult } from '../../shared/about-types';
import type { CloudProfile } from '../../shared/cloud-profile';
import type { AppInfo } from '../../shared/ipc-contract';
import { AppFailure } from '../../shared/result';
import type { DesktopShell } from '../desktop-shell';
import { INVENTORY_FILE, type Inventory } from '../inventory/inventory';
import type { JobRunner } from '../sync/job-runner';
import type { WorkPresence } from '../writer/work-presence';
import type { WriterLock } from '../writer/writer-lock';

export interface DataServiceOptions {
  info: AppInfo;
  cloud: CloudProfile;
  cloudSource: CloudSource;
  cloudChoices: CloudChoiceView[];
  userDataDir: string;
  inventory: Inventory;
  jobs: JobRunner;
  writer: WriterLock;
  /** Other processes at work in the data folder (a CLI sync, the app's link all). */
  presence: Pick<WorkPresence, 'assertNobodyElse'>;
  desktop?: DesktopShell;
}

const count = (inventory: Inventory, sql: string): number => (inventory.db.prepare(sql).get() as { n: number }).n;

export class DataService {
  readonly #o: DataServiceOptions;

  constructor(options: DataServiceOptions) {
    this.#o = options;
  }

  about(): AboutView {
    const { info, cloud, cloudSource, cloudChoices, userDataDir } = this.#o;
    const file = path.join(userDataDir, INVENTORY_FILE);
    const databaseBytes = ['', '-wal', '-shm'].reduce((sum, suffix) => sum + (existsSync(file + suffix) ? statSync(file + suffix).size : 0), 0);
    return {
      version: info.version,
      host: info.host,
      versions: { electron: process.versions.electron ?? null, chrome: process.versions.chrome ?? null, node: process.versions.node },
      cloud: { id: cloud.id, label: cloud.label, simulated: cloud.id === 'sim', endpoints: cloud.endpoints, source: cloudSource, choices: cloudChoices },
      dataFolder: userDataDir,
      databaseBytes,
      canShowInFolder: this.#o.desktop !== undefined,
    };
  }

  showFolder(): { shown: boolean } {
    if (!this.#o.desktop) return { shown: false };
    this.#o.desktop.showInFolder(path.join(this.#o.userDataDir, INVENTORY_FILE));
    return { shown: true };
  }

  /**
   * Makes sure nothing is working in the folder (no sync or link here, no other PAL Desk process syncing or holding the writer
   * lock, even paused), takes the lock, and counts what is about to go; `release` gives the lock back just before the inventory closes.
   */
  async claimForForget(): Promise<{ counts: Omit<ForgetResult, 'keychainEntries'>; release(): void }> {
    if (this.#o.jobs.busy || this.#o.writer.held) {
      throw new AppFailure('writer-busy', 'A sync, link or "Link all" is running. Cancel it or let it finish, then choose "Forget everything" again. Nothing was deleted.');
    }
    this.#o.presence.assertNobodyElse('Nothing was changed or deleted. Let it finish (or end it), then choose "Forget everything" again.');
    const release = await this.#o.writer.hold();
    const { inventory } = this.#o;
    const counts = {
      tenants: count(inventory, 'SELECT COUNT(*) AS n FROM tenants'),
      auditEntries: count(inventory, 'SELECT COUNT(*) AS n FROM audit_log'),
      queuedActions: count(inventory, "SELECT COUNT(*) AS n FROM pending_actions WHERE status <> 'done'"),
    };
    return { counts, release };
  }
}

/** Notices kept in the inventory until a person acknowledges them (a damaged file moved aside, sign-ins reset). */
import type { DatabaseSync } from 'node:sqlite';
import type { NoticeView } from '../../shared/ipc-contract';

interface NoticeRow {
  id: number;
  at: string;
  level: NoticeView['level'];
  code: string;
  message: string;
}

const toView = (r: NoticeRow): NoticeView => ({ id: r.id, at: r.at, level: r.level, code: r.code, message: r.message });

export class NoticeRepo {
  readonly #db: DatabaseSync;
  readonly #now: () => Date;

  constructor(db: DatabaseSync, now: () => Date) {
    this.#db = db;
    this.#now = now;
  }

  add(notice: { level: NoticeView['level']; code: string; message: string }): NoticeView {
    const at = this.#now().toISOString();
    const { lastInsertRowid } = this.#db.prepare('INSERT INTO notices (at, level, code, message) VALUES (?, ?, ?, ?)').run(at, notice.level, notice.code, notice.message);
    return { ...notice, id: Number(lastInsertRowid), at };
  }

  /** Every notice not yet acknowledged, oldest first. */
  open(): NoticeView[] {
    return (this.#db.prepare('SELECT id, at, level, code, message FROM notices WHERE acknowledged_at IS NULL ORDER BY id').all() as unknown as NoticeRow[]).map(toView);
  }

  /** Marks one notice read; false when there is no such notice or it was already acknowledged. */
  acknowledge(id: number): boolean {
    return this.#db.prepare('UPDATE notices SET acknowledged_at = ? WHERE id = ? AND acknowledged_at IS NULL').run(this.#now().toISOString(), id).changes > 0;
  }
}

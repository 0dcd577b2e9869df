/** The inventory's SQLite connection, keeping one prepared statement per SQL text: repos prepare on every call, SQLite compiles each text once. */
import { DatabaseSync, type PrepareOptions, type StatementSync } from 'node:sqlite';

/** The repos use a few dozen SQL texts; the limit only guards against a caller building SQL without bound. */
const MAX_STATEMENTS = 256;

export class CachedDatabase extends DatabaseSync {
  readonly #statements = new Map<string, StatementSync>();

  override prepare(sql: string, options?: PrepareOptions): StatementSync {
    if (options) return super.prepare(sql, options);
    let statement = this.#statements.get(sql);
    if (!statement) {
      if (this.#statements.size >= MAX_STATEMENTS) this.#statements.clear();
      statement = super.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  override close(): void {
    this.#statements.clear();
    super.close();
  }
}

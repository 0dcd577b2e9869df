/** Calls to a service's rate-limited admin APIs per tenant, and the holds its Retry-After sets: one budget for every process on the data folder. */
import type { DatabaseSync } from 'node:sqlite';
import { inTransaction } from './transaction';

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/** Calls a service allows per tenant for one API. */
export interface CallLimit {
  perHour: number;
  perMinute: number;
}

/** Why a call may not go out now, and when it may. */
export interface CallRefusal {
  api: string;
  reason: 'hour' | 'minute' | 'held';
  until: Date;
}

export class AdminCallsRepo {
  readonly #db: DatabaseSync;
  readonly #now: () => Date;

  constructor(db: DatabaseSync, now: () => Date) {
    this.#db = db;
    this.#now = now;
  }

  /**
   * Counts one call of `api` to `service` for the tenant, and returns null, when the tenant is not held and `api` and every API
   * in `then` (called next by the same read) are within their limits; otherwise counts nothing and says which refused and until when.
   */
  take(service: string, tenantId: string, api: string, limits: Readonly<Record<string, CallLimit>>, then: readonly string[] = []): CallRefusal | null {
    return inTransaction(this.#db, () => {
      const now = this.#now().getTime();
      this.#db.prepare('DELETE FROM admin_calls WHERE at <= ?').run(now - HOUR_MS);
      const hold = this.#db.prepare('SELECT api, until FROM admin_holds WHERE service = ? AND tenant_id = ? AND until > ?').get(service, tenantId, now) as
        | { api: string; until: number }
        | undefined;
      if (hold) return { api: hold.api, reason: 'held', until: new Date(hold.until) };
      for (const name of [api, ...then]) {
        const refusal = this.#refusal(service, tenantId, name, limits[name], now);
        if (refusal) return refusal;
      }
      this.#db.prepare('INSERT INTO admin_calls (service, tenant_id, api, at) VALUES (?, ?, ?, ?)').run(service, tenantId, api, now);
      return null;
    });
  }

  /** No call to `service` for the tenant before `until` (the service's Retry-After on `api` said so); a later hold wins. */
  hold(service: string, tenantId: string, api: string, until: Date): void {
    this.#db
      .prepare(
        `INSERT INTO admin_holds (service, tenant_id, api, until) VALUES (?, ?, ?, ?)
         ON CONFLICT (service, tenant_id) DO UPDATE SET api = excluded.api, until = excluded.until WHERE excluded.until > admin_holds.until`,
      )
      .run(service, tenantId, api, until.getTime());
  }

  #refusal(service: string, tenantId: string, api: string, limit: CallLimit | undefined, now: number): CallRefusal | null {
    if (!limit) return null;
    const within = (windowMs: number, max: number) =>
      this.#db
        .prepare('SELECT at FROM admin_calls WHERE service = ? AND tenant_id = ? AND api = ? AND at > ? ORDER BY at DESC LIMIT 1 OFFSET ?')
        .get(service, tenantId, api, now - windowMs, max - 1) as { at: number } | undefined;
    // The call that must age out before there is room: the max-th most recent one in the window.
    const hourly = limit.perHour > 0 ? within(HOUR_MS, limit.perHour) : { at: now };
    if (hourly) return { api, reason: 'hour', until: new Date(hourly.at + HOUR_MS) };
    const minutely = limit.perMinute > 0 ? within(MINUTE_MS, limit.perMinute) : { at: now };
    if (minutely) return { api, reason: 'minute', until: new Date(minutely.at + MINUTE_MS) };
    return null;
  }
}

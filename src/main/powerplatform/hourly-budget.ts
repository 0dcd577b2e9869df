/** Calls per key (tenant) and hour that PAL Desk allows itself, and a hold until the time a service's Retry-After named. */
const HOUR_MS = 3_600_000;

export class HourlyBudget {
  readonly #perHour: number;
  readonly #now: () => number;
  readonly #calls = new Map<string, number[]>();
  readonly #heldUntil = new Map<string, number>();

  constructor(perHour: number, now: () => number = () => Date.now()) {
    this.#perHour = perHour;
    this.#now = now;
  }

  /** Counts one call for `key` and returns null, or returns when the next call is allowed (nothing is counted then). */
  take(key: string): Date | null {
    const now = this.#now();
    const held = this.#heldUntil.get(key) ?? 0;
    if (held > now) return new Date(held);
    const calls = (this.#calls.get(key) ?? []).filter((at) => at > now - HOUR_MS);
    if (calls.length >= this.#perHour) return new Date((calls[0] ?? now) + HOUR_MS);
    calls.push(now);
    this.#calls.set(key, calls);
    return null;
  }

  /** No call for `key` before `until` (the service said so). */
  holdUntil(key: string, until: Date): void {
    this.#heldUntil.set(key, until.getTime());
  }
}

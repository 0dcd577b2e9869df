/** One interactive sign-in at a time: others wait in line (with their position), the current one can be cancelled or time out. */

export interface GateTicket {
  /** Resolves when it is this sign-in's turn. */
  ready: Promise<void>;
  release(): void;
}

export class InteractiveGate {
  readonly #waiting: { tenantId: string; start: () => void }[] = [];
  #busy = false;
  readonly #onQueue: (tenantId: string, position: number) => void;

  constructor(onQueue: (tenantId: string, position: number) => void) {
    this.#onQueue = onQueue;
  }

  enter(tenantId: string): GateTicket {
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      const next = this.#waiting.shift();
      if (next) next.start();
      else this.#busy = false;
      this.#waiting.forEach((w, i) => this.#onQueue(w.tenantId, i + 1));
    };
    if (!this.#busy) {
      this.#busy = true;
      return { ready: Promise.resolve(), release };
    }
    const ready = new Promise<void>((resolve) => this.#waiting.push({ tenantId, start: resolve }));
    this.#onQueue(tenantId, this.#waiting.length);
    return { ready, release };
  }
}

/** Ends msal-node's wait for its loopback redirect by posting an OAuth error with the matching state (it has no cancel of its own). */
export async function abortLoopback(authorizeUrl: string, reason: 'cancelled' | 'timeout'): Promise<void> {
  const url = new URL(authorizeUrl);
  const redirectUri = url.searchParams.get('redirect_uri');
  const state = url.searchParams.get('state');
  if (!redirectUri || !state || !/^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?\/?$/.test(redirectUri)) return;
  const body = new URLSearchParams({ error: 'access_denied', error_description: `pal_desk_${reason}`, state });
  await fetch(redirectUri, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body }).catch(() => undefined);
}

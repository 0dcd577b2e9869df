/** Tracks whether Microsoft's cloud is reachable from what the HTTP pipeline sees: a network failure or timeout means offline, any answer means online. */
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import type { ConnectivityState } from '../../shared/connectivity-types';
import { NETWORK_ERROR_CODES } from './retry';

export class Connectivity {
  #state: ConnectivityState = { online: true, since: null, host: null };
  readonly #onChange: (state: ConnectivityState) => void;
  readonly #now: () => Date;

  constructor(onChange: (state: ConnectivityState) => void = () => {}, now: () => Date = () => new Date()) {
    this.#onChange = onChange;
    this.#now = now;
  }

  state(): ConnectivityState {
    return { ...this.#state };
  }

  /** A host answered (with any status). */
  answered(): void {
    if (this.#state.online && this.#state.since !== null) return;
    this.#set({ online: true, since: this.#now().toISOString(), host: null });
  }

  /** A host could not be reached (refused, reset, no route, timed out). */
  unreachable(host: string): void {
    if (!this.#state.online) return;
    this.#set({ online: false, since: this.#now().toISOString(), host });
  }

  #set(next: ConnectivityState): void {
    const changed = next.online !== this.#state.online;
    this.#state = next;
    if (changed) this.#onChange(this.state());
  }
}

interface FailedAttempt {
  name?: string;
  code?: unknown;
  response?: unknown;
}

/** True for a failure that says nothing reached the host: a network error code or our per-attempt timeout, with no response. */
export function isUnreachable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const failed = error as FailedAttempt;
  if (failed.response !== undefined || failed.name === 'AbortError') return false;
  const code = typeof failed.code === 'string' ? failed.code : '';
  return failed.name === 'TimeoutError' || code === 'ETIMEDOUT' || NETWORK_ERROR_CODES.has(code);
}

/** Reports each attempt's outcome to `connectivity`; a caller's cancel reports nothing. */
export function connectivityPolicy(connectivity: Connectivity): PipelinePolicy {
  return {
    name: 'palDeskConnectivity',
    async sendRequest(request, next) {
      try {
        const response = await next(request);
        connectivity.answered();
        return response;
      } catch (error) {
        if (isUnreachable(error)) connectivity.unreachable(new URL(request.url).host);
        else if (typeof error === 'object' && error !== null && (error as FailedAttempt).response !== undefined) connectivity.answered();
        throw error;
      }
    },
  };
}

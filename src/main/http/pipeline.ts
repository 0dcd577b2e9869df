/** The one HTTP pipeline every outgoing call uses, ARM SDK and plain REST alike: token, per-host rate limit, capped retries, timeout, cancel. */
import type { TokenCredential } from '@azure/core-auth';
import { createClientPipeline } from '@azure/core-client';
import { proxyPolicyName, redirectPolicyName, retryPolicy, type Pipeline, type PipelinePolicy } from '@azure/core-rest-pipeline';
import { answerPolicy } from './answer-policy';
import { connectivityPolicy, type Connectivity } from './connectivity';
import { rateLimitPolicy, type HostRateLimiter } from './rate-limiter';
import { DEFAULT_MAX_RETRIES, retryStrategies, type RetryOptions } from './retry';

export interface HttpPipelineOptions {
  /** Where the bearer token comes from and for which scope; none for anonymous calls (the OpenID configuration). */
  auth?: { credential: TokenCredential; scope: string };
  limiter: HostRateLimiter;
  retry?: RetryOptions;
  /** Longest one attempt may take, connecting included (default 30 s); then it fails as 'timeout' and is not retried. */
  timeoutMs?: number;
  /** Told whether each attempt reached its host. */
  connectivity?: Connectivity;
  /** The largest answer read, in bytes (default 50 MB); a larger one is cut off there and fails naming the service. */
  maxResponseBytes?: number;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
/** No answer of the APIs PAL Desk reads comes near it (a page of 5,000 Dataverse users or Power BI datasets is a few MB). */
export const DEFAULT_MAX_RESPONSE_BYTES = 50 * 1024 * 1024;
export const RETRY_POLICY_NAME = 'retryPolicy';
const LIBRARY_RETRY_POLICY_NAME = 'defaultRetryPolicy';

/** Builds the pipeline: the library's client pipeline with our retry policy instead of its own, then per attempt the token, the host's slot, the timeout and the bounded read of the answer. */
export function createHttpPipeline(options: HttpPipelineOptions): Pipeline {
  const pipeline = createClientPipeline({
    ...(options.auth ? { credentialOptions: { credential: options.auth.credential, credentialScopes: [options.auth.scope] } } : {}),
  });
  pipeline.removePolicy({ name: LIBRARY_RETRY_POLICY_NAME });
  // A redirect would carry the bearer token to wherever it points; Microsoft's JSON APIs answer without redirects.
  pipeline.removePolicy({ name: redirectPolicyName });
  // Proxies and CAs are the host's HttpClient's (NetworkStack): the library's own proxy policy knows only the environment.
  pipeline.removePolicy({ name: proxyPolicyName });
  pipeline.addPolicy(retryPolicy(retryStrategies(options.retry), { maxRetries: options.retry?.maxRetries ?? DEFAULT_MAX_RETRIES }), { phase: 'Retry' });
  if (options.connectivity) pipeline.addPolicy(connectivityPolicy(options.connectivity), { afterPhase: 'Sign' });
  pipeline.addPolicy(rateLimitPolicy(options.limiter), { afterPhase: 'Sign' });
  pipeline.addPolicy(timeoutPolicy(options.timeoutMs ?? DEFAULT_TIMEOUT_MS), { afterPhase: 'Sign' });
  pipeline.addPolicy(answerPolicy(options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES), { afterPhase: 'Sign' });
  return pipeline;
}

/** An attempt that did not complete within the timeout (not a cancel by the caller). */
export class RequestTimeoutError extends Error {
  readonly code = 'ETIMEDOUT';
  constructor(url: string, timeoutMs: number) {
    super(`${new URL(url).host} did not answer within ${timeoutMs} ms.`);
    this.name = 'TimeoutError';
  }
}

/** Aborts an attempt that takes longer than `timeoutMs`, and passes the caller's cancel through. */
function timeoutPolicy(timeoutMs: number): PipelinePolicy {
  return {
    name: 'palDeskTimeout',
    async sendRequest(request, next) {
      const caller = request.abortSignal;
      const attempt = new AbortController();
      const timer = setTimeout(() => attempt.abort(), timeoutMs);
      const forward = () => attempt.abort();
      if (caller?.aborted) attempt.abort();
      caller?.addEventListener('abort', forward);
      request.abortSignal = attempt.signal;
      try {
        return await next(request);
      } catch (error) {
        if (attempt.signal.aborted && !caller?.aborted) throw new RequestTimeoutError(request.url, timeoutMs);
        throw error;
      } finally {
        clearTimeout(timer);
        caller?.removeEventListener('abort', forward);
        request.abortSignal = caller;
      }
    },
  };
}

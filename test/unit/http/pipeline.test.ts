import { bearerTokenAuthenticationPolicyName, createDefaultHttpClient, redirectPolicyName } from '@azure/core-rest-pipeline';
import { describe, expect, it } from 'vitest';
import { ANSWER_POLICY_NAME } from '../../../src/main/http/answer-policy';
import { createHttpPipeline, RETRY_POLICY_NAME } from '../../../src/main/http/pipeline';
import { HostRateLimiter, RATE_LIMIT_POLICY_NAME } from '../../../src/main/http/rate-limiter';
import { createArmPartnerLinkApi } from '../../../src/main/pal/partner-link-api';

const credential = { getToken: async () => ({ token: 't', expiresOnTimestamp: Date.now() + 3_600_000 }) };
const names = (pipeline: ReturnType<typeof createHttpPipeline>) => pipeline.getOrderedPolicies().map((p) => p.name);
const count = (list: string[], name: string) => list.filter((n) => n === name).length;

describe('the shared pipeline', () => {
  it('has one retry policy (ours), one token policy, then the host rate limit and the timeout on every attempt, and no redirects', () => {
    const policies = names(createHttpPipeline({ auth: { credential, scope: 'https://management.azure.com/.default' }, limiter: new HostRateLimiter({ perSecond: 1, burst: 1 }) }));
    expect(count(policies, RETRY_POLICY_NAME)).toBe(1);
    expect(policies).not.toContain('defaultRetryPolicy');
    expect(policies).not.toContain(redirectPolicyName);
    expect(count(policies, bearerTokenAuthenticationPolicyName)).toBe(1);
    expect(policies.indexOf(RATE_LIMIT_POLICY_NAME)).toBeGreaterThan(policies.indexOf(RETRY_POLICY_NAME));
    expect(policies.indexOf('palDeskTimeout')).toBeGreaterThan(policies.indexOf(RATE_LIMIT_POLICY_NAME));
  });

  it('reads every answer last, inside the timeout, so the deserializer only parses what fits the size cap', () => {
    const policies = names(createHttpPipeline({ limiter: new HostRateLimiter({ perSecond: 1, burst: 1 }) }));
    expect(count(policies, ANSWER_POLICY_NAME)).toBe(1);
    expect(policies.at(-1)).toBe(ANSWER_POLICY_NAME);
    expect(policies.indexOf(ANSWER_POLICY_NAME)).toBeGreaterThan(policies.indexOf('palDeskTimeout'));
  });

  it('sends no token at all for anonymous calls', () => {
    expect(names(createHttpPipeline({ limiter: new HostRateLimiter({ perSecond: 1, burst: 1 }) }))).not.toContain(bearerTokenAuthenticationPolicyName);
  });

  it('is used as is by the generated ARM client, which adds no policy of its own', () => {
    const pipeline = createHttpPipeline({ auth: { credential, scope: 'https://management.azure.com/.default' }, limiter: new HostRateLimiter({ perSecond: 1, burst: 1 }) });
    const before = names(pipeline);
    createArmPartnerLinkApi({ credential, pipeline, httpClient: createDefaultHttpClient(), endpoint: 'https://management.azure.com', tenantLabel: 'Contoso' });
    expect(names(pipeline)).toEqual(before);
  });
});

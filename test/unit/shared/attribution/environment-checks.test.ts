import { describe, expect, it } from 'vitest';
import { productionCheck, solutionCheck } from '../../../../src/shared/attribution/environment-checks';
import type { CheckStatus } from '../../../../src/shared/checklist-types';
import type { EnvironmentFact } from '../../../../src/shared/power-platform-types';
import { env } from './fixtures';

describe('production environment check', () => {
  it.each<[string, EnvironmentFact | null, CheckStatus]>([
    ['a Production environment', env('Production'), 'pass'],
    ['a Sandbox environment', env('Sandbox'), 'warn'],
    ['a Trial environment', env('Trial'), 'warn'],
    ['a Developer environment', env('Developer'), 'warn'],
    ['the Default environment', env('Default'), 'warn'],
    ['an environment whose type the API did not give', env(null), 'unknown'],
    ['an environment missing from the inventory', null, 'unknown'],
  ])('%s → %s', (_what, environment, status) => {
    expect(productionCheck(environment).status).toBe(status);
  });

  it('says why a non-production environment may not count, naming it', () => {
    const check = productionCheck(env('Sandbox', { displayName: 'Contoso UAT' }));
    expect(check.reason).toBe('Contoso UAT is a Sandbox environment; programs such as the Low Code advanced specialization may count production environments with paid usage only.');
    expect(check.remediation).toContain('Production environment through a solution');
  });
});

describe('delivered through a solution', () => {
  it.each<[boolean | null, CheckStatus]>([
    [true, 'pass'],
    [false, 'warn'],
    [null, 'unknown'],
  ])('solution-aware %s → %s', (solutionAware, status) => {
    expect(solutionCheck(solutionAware, 'flow', 'ana@northwindpartners.com').status).toBe(status);
  });

  it('tells which account to import the solution with', () => {
    expect(solutionCheck(false, 'app', 'ana@northwindpartners.com').remediation).toBe('Add the app to a solution and import it into the Production environment as ana@northwindpartners.com.');
  });
});

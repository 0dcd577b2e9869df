import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { PublicClientApplication } from '@azure/msal-node';
import { describe, expect, it } from 'vitest';

describe('the pinned msal-node', () => {
  it('is pinned to one exact version in package.json, and that version is installed', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> };
    expect(pkg.dependencies['@azure/msal-node']).toMatch(/^\d+\.\d+\.\d+$/);
    const installed = createRequire(import.meta.url)('@azure/msal-node/package.json') as { version: string };
    expect(installed.version).toBe(pkg.dependencies['@azure/msal-node']);
  });

  it('still offers the public-client calls PAL Desk relies on', () => {
    for (const method of ['acquireTokenInteractive', 'acquireTokenSilent', 'getAllAccounts', 'getTokenCache']) {
      expect(typeof (PublicClientApplication.prototype as unknown as Record<string, unknown>)[method], method).toBe('function');
    }
  });
});

import { describe, expect, it, vi } from 'vitest';
import { DOCS } from '../../../src/shared/attribution/doc-links';
import { PUBLIC_CLOUD } from '../../../src/shared/cloud-profile';
import { PAL_DOC_URL } from '../../../src/main/shell/app-menu';
import { silentLogger } from '../../../src/main/logger';
import { createOpenExternalSafe } from '../../../src/main/shell/open-external';
import { externalHostAllowList, isSafeExternalUrl } from '../../../src/main/shell/security-policy';

const allowed = externalHostAllowList(PUBLIC_CLOUD);

describe('external links', () => {
  it('opens https links to allow-listed Microsoft hosts, including the cloud sign-in host', () => {
    expect(isSafeExternalUrl('https://learn.microsoft.com/en-us/partner-center/', allowed)).toBe(true);
    expect(isSafeExternalUrl('https://login.microsoftonline.com/contoso/oauth2/v2.0/authorize?x=1', allowed)).toBe(true);
  });

  it("opens every Microsoft doc the checklist and the Help menu point to", () => {
    for (const url of [...Object.values(DOCS), PAL_DOC_URL]) expect(isSafeExternalUrl(url, allowed), url).toBe(true);
  });

  it('refuses other schemes, other hosts, look-alike hosts and credentials in the URL', () => {
    for (const url of [
      'http://learn.microsoft.com/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'https://learn.microsoft.com.evil.example/',
      'https://evil.example/?next=https://learn.microsoft.com',
      'https://user:pw@learn.microsoft.com/',
      'not a url',
    ]) {
      expect(isSafeExternalUrl(url, allowed), url).toBe(false);
    }
  });

  it('only calls the system browser for safe URLs', async () => {
    const open = vi.fn(async () => {});
    const openSafe = createOpenExternalSafe(open, allowed, silentLogger);
    expect(await openSafe('https://evil.example/')).toBe(false);
    expect(await openSafe('https://portal.azure.com/')).toBe(true);
    expect(open).toHaveBeenCalledTimes(1);
    expect(open).toHaveBeenCalledWith('https://portal.azure.com/');
  });
});

describe('content security policy', () => {
  it('is the same in the page meta tag as in the response header (meta cannot carry frame-ancestors)', async () => {
    const { readFileSync } = await import('node:fs');
    const { CONTENT_SECURITY_POLICY } = await import('../../../src/main/shell/security-policy');
    const html = readFileSync(new URL('../../../src/renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    const header = CONTENT_SECURITY_POLICY.split('; ').filter((d) => !d.startsWith('frame-ancestors')).sort();
    expect(meta?.split('; ').sort()).toEqual(header);
  });

  it('allows no inline script, no eval and no remote origin', async () => {
    const { CONTENT_SECURITY_POLICY } = await import('../../../src/main/shell/security-policy');
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
  });
});

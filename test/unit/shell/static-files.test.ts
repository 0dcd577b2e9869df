import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppPath } from '../../../src/main/shell/app-path';
import { resolveStaticFile } from '../../../src/main/static-files';

const root = path.resolve('/opt/pal-desk/renderer');

describe('serving the renderer files', () => {
  it('maps the app root to index.html and assets to files under the renderer folder', () => {
    expect(resolveAppPath(root, 'app://pal-desk/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://pal-desk/assets/index-1.js')).toBe(path.join(root, 'assets/index-1.js'));
  });

  it('refuses other hosts and schemes', () => {
    expect(resolveAppPath(root, 'app://other/index.html')).toBeNull();
    expect(resolveAppPath(root, 'file:///opt/pal-desk/renderer/index.html')).toBeNull();
  });

  it('never serves a file outside the renderer folder, however the path is encoded', () => {
    for (const p of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc/passwd', '/assets/%00.js', '/%E0%A4%A', '/..\\..\\x']) {
      expect(resolveStaticFile(root, p), p).toBeNull();
    }
  });
});

/** Security constants of the desktop shell: the app origin, the Content-Security-Policy and the external-link allow-list. */
import type { CloudProfile } from '../../shared/cloud-profile';

export const APP_SCHEME = 'app';
export const APP_HOST = 'pal-desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** SHA-256 of the empty string: Fluent UI (Griffel) adds empty <style> elements and fills them through CSSOM insertRule. */
const EMPTY_STYLE_HASH = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

/** Strict CSP for every page PAL Desk serves: only our own scripts, no inline script or style text, no eval, no frames. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  `style-src 'self' ${EMPTY_STYLE_HASH}`,
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/**
 * `policy` (the header, or the page's own meta policy) for a page main rendered: it also allows the `<style>` elements
 * carrying this response's `nonce` and, by their SHA-256 (base64), exactly the inline style attributes of its markup.
 */
export function withFirstScreenStyles(policy: string, nonce: string, styleAttributeHashes: readonly string[]): string {
  const attributes = styleAttributeHashes.length ? `style-src-attr 'unsafe-hashes' ${styleAttributeHashes.map((hash) => `'sha256-${hash}'`).join(' ')}; ` : '';
  return policy.replace("style-src 'self'", `${attributes}style-src 'self' 'nonce-${nonce}'`);
}

/** Microsoft sites a person may be sent to from the app (docs, portal, Partner Center). */
const STATIC_EXTERNAL_HOSTS = [
  'learn.microsoft.com',
  'portal.azure.com',
  'partner.microsoft.com',
  'admin.powerplatform.microsoft.com',
  'make.powerapps.com',
  'app.powerbi.com',
];

/** Hosts that `openExternalSafe` may open: the static list plus the active cloud's sign-in host. */
export function externalHostAllowList(cloud: CloudProfile): string[] {
  return [...STATIC_EXTERNAL_HOSTS, new URL(cloud.endpoints.authorityHost).host];
}

/** True only for https URLs whose host is on the allow-list; everything else is refused. */
export function isSafeExternalUrl(url: string, allowedHosts: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '') return false;
  return allowedHosts.includes(parsed.host);
}

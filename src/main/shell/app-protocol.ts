/** The app:// protocol: serves the built renderer with the strict CSP header instead of file:// URLs; the app page comes with its first screen rendered. */
import type { Net, Protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import type { FirstScreenPage } from '../first-screen/first-screen-page';
import { resolveAppPath } from './app-path';
import { APP_SCHEME, CONTENT_SECURITY_POLICY } from './security-policy';

/** Must run before the app is ready. */
export function registerAppScheme(protocol: Protocol): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** `firstScreen`: the app page (`template`: the built index.html) with its first screen, or null for the page as built. */
export function serveAppProtocol(protocol: Protocol, net: Net, rendererDir: string, firstScreen: (template: string) => Promise<FirstScreenPage | null>): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppPath(rendererDir, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    if (!response.ok || !file.endsWith('.html')) return new Response(response.body, { status: response.status, headers });
    const template = await response.text();
    const page = await firstScreen(template);
    if (!page) return new Response(template, { status: response.status, headers });
    headers.set('Content-Security-Policy', page.contentSecurityPolicy);
    return new Response(page.html, { status: response.status, headers });
  });
}

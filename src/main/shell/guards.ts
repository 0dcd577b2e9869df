/** Navigation, new-window, webview and permission guards applied to every web contents and session. */
import type { App, Session, WebContents } from 'electron';

export interface GuardOptions {
  /** Origins the app's own pages are served from (app://pal-desk, plus the Vite dev server when not packaged). */
  appOrigins: readonly string[];
  /** Called for window.open / target=_blank links: opens allow-listed https URLs in the system browser. */
  openExternalSafe: (url: string) => Promise<boolean>;
}

/** Compares scheme://host:port (Node's URL reports origin "null" for custom schemes such as app://). */
export function isAppOrigin(url: string, appOrigins: readonly string[]): boolean {
  try {
    const parsed = new URL(url);
    return appOrigins.includes(`${parsed.protocol}//${parsed.host}`);
  } catch {
    return false;
  }
}

/** Hardens one web contents: no navigation away from the app, no new windows, no webviews. */
export function guardWebContents(contents: WebContents, options: GuardOptions): void {
  const stayInApp = (event: { preventDefault(): void }, url: string) => {
    if (!isAppOrigin(url, options.appOrigins)) event.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    void options.openExternalSafe(url);
    return { action: 'deny' };
  });
}

/** Denies every permission request and check (camera, notifications, geolocation, HID, serial, …). */
export function guardSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/** Applies the web-contents guards to every web contents the app ever creates. */
export function installGuards(app: App, options: GuardOptions): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, options));
}

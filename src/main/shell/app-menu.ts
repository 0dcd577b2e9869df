/** The application menu as a template: the usual roles and shortcuts, pages to go to (sent to the window as `menu:navigate`) and Microsoft's PAL doc. */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuPage } from '../../shared/ipc-contract';

export const PAL_DOC_URL = 'https://learn.microsoft.com/en-us/azure/cost-management-billing/manage/link-partner-id';

export interface MenuOptions {
  /** process.platform: 'darwin' gets the macOS app menu. */
  platform: string;
  appName: string;
  /** Not packaged: View offers Reload and the developer tools. */
  dev: boolean;
  /** Asks the window to show a page. */
  navigate(page: MenuPage): void;
  /** Opens an allow-listed https page in the system browser. */
  openExternal(url: string): void;
}

const GO: { label: string; page: MenuPage; accelerator: string }[] = [
  { label: 'Overview', page: 'overview', accelerator: 'CmdOrCtrl+1' },
  { label: 'Tenants', page: 'tenants', accelerator: 'CmdOrCtrl+2' },
  { label: 'Activity', page: 'activity', accelerator: 'CmdOrCtrl+3' },
];

/** The menu template for one platform (macOS: app menu first, Settings and Quit there; elsewhere in File). */
export function buildMenuTemplate(o: MenuOptions): MenuItemConstructorOptions[] {
  const mac = o.platform === 'darwin';
  const settings: MenuItemConstructorOptions = { label: mac ? 'Settings…' : 'Settings', accelerator: 'CmdOrCtrl+,', click: () => o.navigate('settings') };
  const exportItem: MenuItemConstructorOptions = { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: () => o.navigate('activity') };
  const appMenu: MenuItemConstructorOptions = {
    label: o.appName,
    submenu: [
      { role: 'about' },
      { type: 'separator' },
      settings,
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: mac ? [exportItem, { type: 'separator' }, { role: 'close' }] : [exportItem, settings, { type: 'separator' }, { role: 'quit' }],
  };
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(mac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
      { role: 'delete' },
      { type: 'separator' },
      { role: 'selectAll' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      ...(o.dev ? [{ role: 'reload' } as const, { role: 'forceReload' } as const, { role: 'toggleDevTools' } as const, { type: 'separator' } as const] : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  const go: MenuItemConstructorOptions = { label: 'Go', submenu: GO.map(({ label, page, accelerator }) => ({ label, accelerator, click: () => o.navigate(page) })) };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [
      { label: 'Partner Admin Link documentation', click: () => o.openExternal(PAL_DOC_URL) }, // eng-disable OPEN_EXTERNAL_JS_CHECK -- main.ts passes openExternalSafe (https on the allow-list only); the URL is a constant on learn.microsoft.com
      ...(mac ? [] : [{ type: 'separator' } as const, { role: 'about' } as const]),
    ],
  };
  return [...(mac ? [appMenu] : []), file, edit, view, go, ...(mac ? [{ role: 'windowMenu' } as const] : []), help];
}

import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate, PAL_DOC_URL } from '../../../src/main/shell/app-menu';
import type { MenuPage } from '../../../src/shared/ipc-contract';

function build(platform: string, dev = false) {
  const navigated: MenuPage[] = [];
  const opened: string[] = [];
  const template = buildMenuTemplate({ platform, appName: 'PAL Desk', dev, navigate: (page) => navigated.push(page), openExternal: (url) => opened.push(url) });
  return { template, navigated, opened };
}

const items = (menu: MenuItemConstructorOptions | undefined) => (Array.isArray(menu?.submenu) ? menu.submenu : []);
const top = (template: MenuItemConstructorOptions[]) => template.map((m) => m.label ?? m.role);
const find = (template: MenuItemConstructorOptions[], label: string) => template.find((m) => m.label === label || m.role === label);
const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as (() => void) | undefined)?.();

describe('application menu', () => {
  it('on Windows and Linux has File, Edit, View, Go and Help, with Settings and Quit in File', () => {
    const { template } = build('win32');
    expect(top(template)).toEqual(['File', 'Edit', 'View', 'Go', 'help']);
    const file = items(find(template, 'File'));
    expect(file.map((i) => i.label ?? i.role ?? i.type)).toEqual(['Export…', 'Settings', 'separator', 'quit']);
    expect(file.find((i) => i.label === 'Settings')?.accelerator).toBe('CmdOrCtrl+,');
    expect(items(find(template, 'help')).map((i) => i.label ?? i.role ?? i.type)).toEqual(['Partner Admin Link documentation', 'separator', 'about']);
  });

  it('on macOS starts with the app menu holding About, Settings…, the services and Quit, and offers the Window menu', () => {
    const { template } = build('darwin');
    expect(top(template)).toEqual(['PAL Desk', 'File', 'Edit', 'View', 'Go', 'windowMenu', 'help']);
    const app = items(find(template, 'PAL Desk')).map((i) => i.label ?? i.role ?? i.type);
    expect(app).toEqual(['about', 'separator', 'Settings…', 'separator', 'services', 'separator', 'hide', 'hideOthers', 'unhide', 'separator', 'quit']);
    expect(items(find(template, 'File')).map((i) => i.label ?? i.role ?? i.type)).toEqual(['Export…', 'separator', 'close']);
    expect(items(find(template, 'Edit')).map((i) => i.role)).toContain('pasteAndMatchStyle');
  });

  it('Go moves to Overview, Tenants and Activity with Ctrl/Cmd+1, 2 and 3; Settings and Export… move to their pages too', () => {
    const { template, navigated } = build('linux');
    const go = items(find(template, 'Go'));
    expect(go.map((i) => [i.label, i.accelerator])).toEqual([
      ['Overview', 'CmdOrCtrl+1'],
      ['Tenants', 'CmdOrCtrl+2'],
      ['Activity', 'CmdOrCtrl+3'],
    ]);
    go.forEach(click);
    click(items(find(template, 'File')).find((i) => i.label === 'Settings'));
    click(items(find(template, 'File')).find((i) => i.label === 'Export…'));
    expect(navigated).toEqual(['overview', 'tenants', 'activity', 'settings', 'activity']);
  });

  it('View reloads and opens the developer tools only in development, and always zooms and toggles full screen', () => {
    const roles = (dev: boolean) => items(find(build('linux', dev).template, 'View')).map((i) => i.role).filter(Boolean);
    expect(roles(false)).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    expect(roles(true)).toEqual(['reload', 'forceReload', 'toggleDevTools', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
  });

  it("Help opens Microsoft's Partner Admin Link documentation on learn.microsoft.com", () => {
    const { template, opened } = build('linux');
    click(items(find(template, 'help'))[0]);
    expect(opened).toEqual([PAL_DOC_URL]);
    expect(new URL(PAL_DOC_URL).host).toBe('learn.microsoft.com');
  });

  it('Edit has the usual clipboard and undo roles', () => {
    expect(items(find(build('win32').template, 'Edit')).map((i) => i.role).filter(Boolean)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'selectAll']);
  });
});

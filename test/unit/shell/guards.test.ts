import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { Session, WebContents } from 'electron';
import { guardSession, guardWebContents } from '../../../src/main/shell/guards';

/** A stand-in web contents: an event emitter that remembers its window-open handler. */
function fakeContents() {
  const emitter = new EventEmitter();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = Object.assign(emitter, {
    setWindowOpenHandler: (handler: typeof openHandler) => void (openHandler = handler),
  });
  return { contents: contents as unknown as WebContents, emitter, open: (url: string) => openHandler?.({ url }) };
}

const event = () => ({ preventDefault: vi.fn() });

describe('web contents guards', () => {
  const setup = () => {
    const fake = fakeContents();
    const openExternalSafe = vi.fn(async () => true);
    guardWebContents(fake.contents, { appOrigins: ['app://pal-desk'], openExternalSafe });
    return { ...fake, openExternalSafe };
  };

  it('lets the app navigate within its own origin', () => {
    const { emitter } = setup();
    const e = event();
    emitter.emit('will-navigate', e, 'app://pal-desk/index.html#settings');
    expect(e.preventDefault).not.toHaveBeenCalled();
  });

  it('blocks navigation and redirects to any other origin', () => {
    const { emitter } = setup();
    for (const [name, url] of [
      ['will-navigate', 'https://evil.example/'],
      ['will-navigate', 'file:///etc/passwd'],
      ['will-redirect', 'http://127.0.0.1:9/'],
    ] as const) {
      const e = event();
      emitter.emit(name, e, url);
      expect(e.preventDefault, url).toHaveBeenCalled();
    }
  });

  it('never opens a new window; links go to the safe system-browser opener instead', () => {
    const { open, openExternalSafe } = setup();
    expect(open('https://learn.microsoft.com/partner-center')).toEqual({ action: 'deny' });
    expect(openExternalSafe).toHaveBeenCalledWith('https://learn.microsoft.com/partner-center');
  });

  it('refuses to attach webviews', () => {
    const { emitter } = setup();
    const e = event();
    emitter.emit('will-attach-webview', e);
    expect(e.preventDefault).toHaveBeenCalled();
  });
});

describe('session guards', () => {
  it('denies every permission request and check', () => {
    const handlers: Record<string, (...args: unknown[]) => unknown> = {};
    const session = {
      setPermissionRequestHandler: (h: (...args: unknown[]) => unknown) => (handlers.request = h),
      setPermissionCheckHandler: (h: (...args: unknown[]) => unknown) => (handlers.check = h),
      setDevicePermissionHandler: (h: (...args: unknown[]) => unknown) => (handlers.device = h),
    } as unknown as Session;
    guardSession(session);
    const callback = vi.fn();
    handlers.request?.({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(handlers.check?.({}, 'notifications')).toBe(false);
    expect(handlers.device?.({})).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { INVOKE_CHANNELS, type Handlers } from '../../../src/shared/ipc-contract';
import { silentLogger } from '../../../src/main/logger';
import { registerIpcHandlers } from '../../../src/main/shell/ipc-main';

/** A stand-in ipcMain that keeps the registered handlers so the test can call them. */
function fakeIpcMain() {
  const registered = new Map<string, (event: IpcMainInvokeEvent, payload: unknown) => Promise<unknown>>();
  const ipcMain = { handle: (channel: string, fn: never) => registered.set(channel, fn) } as unknown as IpcMain;
  return { ipcMain, registered };
}

const handlers = {
  'app:info': async () => ({ name: 'PAL Desk', version: '1', host: 'electron', cloud: { id: 'public', label: 'Azure' }, platform: 'linux' }),
  'settings:get': async () => ({ partnerId: '1234567' }),
  'settings:set-partner-id': async ({ partnerId }: { partnerId: string }) => ({ partnerId }),
} as unknown as Handlers;

const senderEvent = (id: number, url: string, parent: object | null = null) =>
  ({ sender: { id }, senderFrame: { url, parent } }) as unknown as IpcMainInvokeEvent;

describe('IPC registration', () => {
  const setup = () => {
    const fake = fakeIpcMain();
    registerIpcHandlers(fake.ipcMain, handlers, { trustedWebContentsId: () => 7, appOrigins: ['app://pal-desk'] }, silentLogger);
    return fake.registered;
  };

  it('registers exactly the channels of the contract', () => {
    expect([...setup().keys()].sort()).toEqual(Object.keys(INVOKE_CHANNELS).sort());
  });

  it('answers the main window on the app origin', async () => {
    const result = await setup().get('settings:get')?.(senderEvent(7, 'app://pal-desk/index.html'), undefined);
    expect(result).toEqual({ ok: true, value: { partnerId: '1234567' } });
  });

  it('refuses other web contents, other origins and sub-frames before reading the payload', async () => {
    const registered = setup();
    for (const event of [
      senderEvent(8, 'app://pal-desk/index.html'),
      senderEvent(7, 'https://evil.example/'),
      senderEvent(7, 'app://pal-desk/index.html', {}),
    ]) {
      expect(await registered.get('settings:set-partner-id')?.(event, { partnerId: '1' })).toMatchObject({
        ok: false,
        error: { code: 'forbidden-sender' },
      });
    }
  });

  it('validates the payload of a trusted sender', async () => {
    const result = await setup().get('settings:set-partner-id')?.(senderEvent(7, 'app://pal-desk/'), { partnerId: ['1'] });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});

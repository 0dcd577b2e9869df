/** Registers every contract channel on ipcMain behind one wrapper that checks the sender before validating and dispatching. */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { INVOKE_CHANNELS, type Handlers } from '../../shared/ipc-contract';
import { err, type Result } from '../../shared/result';
import { dispatch } from '../ipc/dispatch';
import type { Logger } from '../logger';
import { isAppOrigin } from './guards';

export interface SenderPolicy {
  /** The id of the one trusted web contents (the main window), or null before it exists. */
  trustedWebContentsId: () => number | null;
  appOrigins: readonly string[];
}

/** True only for the main window's top frame on an app origin. */
export function isTrustedSender(event: IpcMainInvokeEvent, policy: SenderPolicy): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return event.sender.id === policy.trustedWebContentsId() && isAppOrigin(frame.url, policy.appOrigins);
}

export function registerIpcHandlers(ipcMain: IpcMain, handlers: Handlers, policy: SenderPolicy, log: Logger): void {
  for (const channel of Object.keys(INVOKE_CHANNELS)) {
    ipcMain.handle(channel, async (event, payload: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event, policy)) {
        log.warn('ipc.untrusted-sender', { channel });
        return err('forbidden-sender', 'This request did not come from the PAL Desk window and was refused.');
      }
      return dispatch(handlers, channel, payload, log);
    });
  }
}

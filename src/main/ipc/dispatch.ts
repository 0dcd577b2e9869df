/** Runs one IPC request: validates the payload against the contract, calls the handler, and turns failures into a Result. */
import { INVOKE_CHANNELS, type Handlers, type InvokeChannel } from '../../shared/ipc-contract';
import { AppFailure, err, ok, type Result } from '../../shared/result';
import type { Logger } from '../logger';

export function isInvokeChannel(name: string): name is InvokeChannel {
  return Object.hasOwn(INVOKE_CHANNELS, name);
}

/** Validates and dispatches; never throws, never leaks a stack trace or secret to the caller. */
export async function dispatch(handlers: Handlers, channel: string, payload: unknown, log: Logger): Promise<Result<unknown>> {
  if (!isInvokeChannel(channel)) {
    return err('invalid-input', `Unknown request "${channel.slice(0, 60)}". Update PAL Desk and try again.`);
  }
  const parsed = INVOKE_CHANNELS[channel].request.safeParse(payload);
  if (!parsed.success) {
    log.warn('ipc.invalid-payload', { channel, issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.code}`) });
    return err('invalid-input', 'PAL Desk received a request it could not read. Reload the window and try again.');
  }
  try {
    const handler = handlers[channel] as (request: unknown) => Promise<unknown>;
    return ok(await handler(parsed.data));
  } catch (error) {
    if (error instanceof AppFailure) return err(error.code, error.message, error.detail);
    log.error('ipc.handler-failed', { channel, error: error instanceof Error ? error.name : typeof error });
    return err('internal', 'Something went wrong inside PAL Desk. Try again; if it keeps happening, restart the app.');
  }
}

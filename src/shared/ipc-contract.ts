/** The IPC contract: every request channel (payload schema + response type), every main→renderer event, and the bridge's method names. */
import { z } from 'zod';
import type { Result } from './result';

export interface AppInfo {
  name: string;
  version: string;
  /** 'electron' in the desktop app, 'browser-host' when served to a browser for tests and demos. */
  host: 'electron' | 'browser-host';
  cloud: { id: string; label: string };
  platform: string;
}

export interface SettingsDto {
  /** The partner's Associated (Location) MPN ID, or null until set. */
  partnerId: string | null;
}

const noPayload = z.undefined();

/** Declares a channel: its payload schema (validated in main before any handler runs) and its response type. */
const channel = <S extends z.ZodType, R>(request: S) => ({ request, response: null as unknown as R });

export const INVOKE_CHANNELS = {
  'app:info': channel<typeof noPayload, AppInfo>(noPayload),
  'settings:get': channel<typeof noPayload, SettingsDto>(noPayload),
  'settings:set-partner-id': channel<z.ZodObject<{ partnerId: z.ZodString }>, SettingsDto>(
    z.object({ partnerId: z.string().max(200) }).strict(),
  ),
};

export type InvokeChannel = keyof typeof INVOKE_CHANNELS;
export type RequestOf<C extends InvokeChannel> = z.input<(typeof INVOKE_CHANNELS)[C]['request']>;
export type ResponseOf<C extends InvokeChannel> = (typeof INVOKE_CHANNELS)[C]['response'];

/** Main → renderer events and their payloads. */
export interface EventPayloads {
  'settings:changed': SettingsDto;
}
export type EventName = keyof EventPayloads;
export const EVENT_NAMES = ['settings:changed'] as const satisfies readonly EventName[];

/** Bridge method name → channel. The preload and the browser host expose exactly these functions. */
export const BRIDGE_METHODS = {
  appInfo: 'app:info',
  getSettings: 'settings:get',
  setPartnerId: 'settings:set-partner-id',
} as const satisfies Record<string, InvokeChannel>;

type MethodChannel<M extends keyof typeof BRIDGE_METHODS> = (typeof BRIDGE_METHODS)[M];
type BridgeFn<C extends InvokeChannel> =
  RequestOf<C> extends undefined ? () => Promise<Result<ResponseOf<C>>> : (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>>;

/** What `window.palDesk` offers the renderer: named functions and an event subscription that yields payloads only. */
export type PalDeskBridge = { [M in keyof typeof BRIDGE_METHODS]: BridgeFn<MethodChannel<M>> } & {
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
};

/** Server side of the contract: one async function per channel, receiving the validated payload. */
export type Handlers = { [C in InvokeChannel]: (request: z.output<(typeof INVOKE_CHANNELS)[C]['request']>) => Promise<ResponseOf<C>> };

/** Emits a main → renderer event. */
export type EmitEvent = <E extends EventName>(event: E, payload: EventPayloads[E]) => void;

export const BRIDGE_GLOBAL = 'palDesk';

/** What main and the renderer agree on for the first screen main renders: the data it was rendered from, and where the page carries it. */
import { BRIDGE_MAP } from './bridge-map';
import type { ResponseOf } from './ipc-contract';
import type { Result } from './result';

/** The first screen's data, in this order: app info, settings, tenants, pending actions, notices. */
export const FIRST_DATA_CHANNELS = [BRIDGE_MAP.app.info, BRIDGE_MAP.settings.get, BRIDGE_MAP.tenants.list, BRIDGE_MAP.activity.listPending, BRIDGE_MAP.notices.list] as const;

/** The answers to those channels, one Result each, as the bridge gives them. */
export type FirstData = [
  Result<ResponseOf<'app:info'>>,
  Result<ResponseOf<'settings:get'>>,
  Result<ResponseOf<'tenants:list'>>,
  Result<ResponseOf<'pending:list'>>,
  Result<ResponseOf<'notices:list'>>,
];

/** The first screen main rendered from a FirstData. */
export interface FirstScreenHtml {
  /** What goes inside #root. */
  markup: string;
  /** `<style>` elements for the head (each carrying the response's nonce): the screen's Fluent UI rules, then its dark theme. */
  styles: string;
}

/** The id of the `<script type="application/json">` holding those answers, in a page main rendered. */
export const FIRST_DATA_ELEMENT_ID = 'pal-first-data';

/** On that element: when the data was read, in ms since the epoch (the screen's ages count from then). */
export const FIRST_DATA_TIME_ATTRIBUTE = 'data-read-at';

/** Set on #root when it holds the first screen rendered by main, which the renderer then hydrates. */
export const FIRST_SCREEN_ATTRIBUTE = 'data-first-screen';

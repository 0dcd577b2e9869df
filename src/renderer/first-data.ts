/** What the app shows first, asked of main as soon as the page starts, before React and Fluent UI are even loaded. */
import { api } from './api';

export type FirstData = Awaited<ReturnType<typeof ask>>;

const ask = (bridge: NonNullable<typeof api>) =>
  Promise.all([bridge.app.info(), bridge.settings.get(), bridge.tenants.list(), bridge.activity.listPending(), bridge.notices.list()]);

/** The answers for the first screen (app info, settings, tenants, pending actions, notices), or null without a bridge. */
export const requestFirstData = (): Promise<FirstData> | null => (api ? ask(api) : null);

/** What the app shows first: embedded in the page by main when it rendered the first screen, else asked of main as soon as the page starts, before React and Fluent UI are loaded. */
import { FIRST_DATA_ELEMENT_ID, FIRST_DATA_TIME_ATTRIBUTE, type FirstData } from '../shared/first-screen';
import { api } from './api';

export type { FirstData };

/** The first data and when it was read (ms since the epoch): the first render's ages ("5 min ago") count from then. */
export interface FirstAnswers {
  data: FirstData;
  at: number;
}

const ask = (bridge: NonNullable<typeof api>): Promise<FirstData> =>
  Promise.all([bridge.app.info(), bridge.settings.get(), bridge.tenants.list(), bridge.activity.listPending(), bridge.notices.list()]);

/** The answers main rendered the first screen from, when it did (read once: later loads ask). */
function embedded(): FirstAnswers | null {
  const element = document.getElementById(FIRST_DATA_ELEMENT_ID);
  if (!element) return null;
  element.remove();
  try {
    return { data: JSON.parse(element.textContent ?? '') as FirstData, at: Number(element.getAttribute(FIRST_DATA_TIME_ATTRIBUTE)) || Date.now() };
  } catch {
    return null;
  }
}

/** The answers for the first screen (app info, settings, tenants, pending actions, notices), or null without a bridge. */
export const requestFirstData = (): Promise<FirstAnswers> | null => {
  if (!api) return null;
  const first = embedded();
  return first ? Promise.resolve(first) : ask(api).then((data) => ({ data, at: Date.now() }));
};

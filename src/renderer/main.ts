/** Renderer entry: takes (or asks main for) the first screen's data, then loads the app's code (React, Fluent UI); over a first screen main rendered, only once that screen is painted. */
import './base.css';
import { FIRST_SCREEN_ATTRIBUTE } from '../shared/first-screen';
import { requestFirstData } from './first-data';

/** Resolves after the next frame, so the app's code does not hold the main thread before main's first screen is on screen (at once when hidden: no frame comes). */
const afterFirstFrame = () =>
  new Promise<void>((resolve) => (document.visibilityState === 'hidden' ? resolve() : requestAnimationFrame(() => setTimeout(resolve))));

const first = requestFirstData();
const rendered = document.getElementById('root')?.hasAttribute(FIRST_SCREEN_ATTRIBUTE) ?? false;
void (rendered ? afterFirstFrame() : Promise.resolve())
  .then(() => import('./mount'))
  .then(({ mount }) => mount(first));

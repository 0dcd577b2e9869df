/**
 * Mounts the React app once the store holds the first data: it hydrates the first screen main rendered (inert until
 * then, so a click is not silently lost), or renders it here.
 */
import { createDOMRenderer } from '@fluentui/react-components';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { FIRST_SCREEN_ATTRIBUTE } from '../shared/first-screen';
import { appRoot } from './app-root';
import type { FirstAnswers } from './first-data';
import { useAppStore } from './store';

export async function mount(first: Promise<FirstAnswers> | null): Promise<void> {
  await useAppStore.getState().load(first);
  const root = document.getElementById('root');
  if (!root) return;
  const renderer = createDOMRenderer(document);
  if (root.hasAttribute(FIRST_SCREEN_ATTRIBUTE)) hydrateRoot(root, appRoot(renderer, () => root.removeAttribute('inert')));
  else createRoot(root).render(appRoot(renderer));
}

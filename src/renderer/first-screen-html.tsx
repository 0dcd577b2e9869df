/** Renders the app's first screen to HTML from its first data, in main (Node), so the window paints the tenant grid before the app's code has run. */
import { createCSSRuleFromTheme, createDOMRenderer, renderToStyleElements, webDarkTheme } from '@fluentui/react-components';
import { renderToStaticMarkup, renderToString } from 'react-dom/server';
import type { FirstData, FirstScreenHtml } from '../shared/first-screen';
import { appRoot } from './app-root';
import { useAppStore } from './store';

/**
 * The first screen for `first`, or null when it holds an error (the window then renders the error itself).
 * Rendered light; its dark theme applies under a dark OS unless the person chose Light, or when they chose Dark
 * (`data-theme` on the root element), until the app has hydrated and keeps the theme itself.
 */
export function renderFirstScreen(first: FirstData, readAt: number, nonce: string): FirstScreenHtml | null {
  useAppStore.setState(useAppStore.getInitialState(), true);
  if (!useAppStore.getState().take({ data: first, at: readAt })) return null;
  const renderer = createDOMRenderer(undefined, { styleElementAttributes: { nonce } });
  const markup = renderToString(appRoot(renderer));
  const provider = /class="[^"]*\b(fui-FluentProvider[^\s"]+)/.exec(markup)?.[1];
  const dark = provider ? createCSSRuleFromTheme(`.${provider}`, webDarkTheme) : '';
  const darkStyle = dark && `<style nonce="${nonce}">@media (prefers-color-scheme: dark){:root:not([data-theme=light]) ${dark}}:root[data-theme=dark] ${dark}</style>`;
  return { markup, styles: renderToStaticMarkup(<>{renderToStyleElements(renderer)}</>) + darkStyle };
}

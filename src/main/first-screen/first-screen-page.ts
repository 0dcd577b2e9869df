/** The app page with its first screen rendered in main from the first data, so the tenant grid paints before the app's code has run; the window then hydrates it. */
import { createHash, randomBytes } from 'node:crypto';
import type { Handlers } from '../../shared/ipc-contract';
import { FIRST_DATA_CHANNELS, FIRST_DATA_ELEMENT_ID, FIRST_DATA_TIME_ATTRIBUTE, FIRST_SCREEN_ATTRIBUTE, type FirstData, type FirstScreenHtml } from '../../shared/first-screen';
import { inertStrings } from '../../shared/printable';
import { dispatch } from '../ipc/dispatch';
import type { Logger } from '../logger';
import { CONTENT_SECURITY_POLICY, withFirstScreenStyles } from '../shell/security-policy';

export interface FirstScreenPage {
  html: string;
  /** The page's Content-Security-Policy header: its nonce lets the first screen's `<style>` elements apply. */
  contentSecurityPolicy: string;
}

export interface FirstScreen {
  /** The app page (`template`: the built index.html) with the first screen in it, or null to serve the template as it is. */
  page(template: string, handlers: FirstDataHandlers): Promise<FirstScreenPage | null>;
  /** Renders once and drops it, so the first page is not also the first (slowest) run of the components' code. */
  warm(handlers: FirstDataHandlers): void;
}

/** The handlers the first data comes from. */
export type FirstDataHandlers = Pick<Handlers, (typeof FIRST_DATA_CHANNELS)[number]>;

type Render = (first: FirstData, readAt: number, nonce: string) => FirstScreenHtml | null;

/**
 * Loads React, Fluent UI and the app's components at once (seconds, once per run), so the first page does not wait for
 * them. The renderer's first-screen-html is main's one door into renderer code: it renders, it shares no state with a window.
 */
export function createFirstScreen(log: Logger): FirstScreen {
  const render: Promise<Render | null> = import('../../renderer/first-screen-html').then(
    (module) => module.renderFirstScreen,
    (error: unknown) => {
      log.warn('first-screen.unavailable', { error: error instanceof Error ? error.message : String(error) });
      return null;
    },
  );
  const self: FirstScreen = {
    async page(template, handlers) {
      const renderFirstScreen = await render;
      if (!renderFirstScreen) return null;
      /** The same handlers, through the same dispatch, as the bridge's calls (the contract types each answer), text made inert as the bridge makes it for the window. */
      const first = inertStrings(await Promise.all(FIRST_DATA_CHANNELS.map((channel) => dispatch(handlers as Handlers, channel, undefined, log)))) as unknown as FirstData;
      const readAt = Date.now();
      const nonce = randomBytes(18).toString('base64');
      try {
        const screen = renderFirstScreen(first, readAt, nonce);
        if (!screen) return null;
        const hashes = styleAttributeHashes(screen.markup);
        return { html: fillTemplate(template, screen, { data: first, at: readAt }, (policy) => withFirstScreenStyles(policy, nonce, hashes)), contentSecurityPolicy: withFirstScreenStyles(CONTENT_SECURITY_POLICY, nonce, hashes) };
      } catch (error) {
        log.warn('first-screen.not-rendered', { error: error instanceof Error ? error.message : String(error) });
        return null;
      }
    },
    warm: (handlers) => void self.page('', handlers),
  };
  return self;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&quot;': '"', '&#x27;': "'", '&lt;': '<', '&gt;': '>' };

/** The SHA-256 (base64) of each distinct inline style attribute in React's markup, as the browser reads it. */
export function styleAttributeHashes(markup: string): string[] {
  const values = new Set([...markup.matchAll(/ style="([^"]*)"/g)].map(([, value]) => value!.replace(/&(amp|quot|#x27|lt|gt);/g, (entity) => ENTITIES[entity]!)));
  return [...values].map((value) => createHash('sha256').update(value).digest('base64'));
}

/** The template with the screen in #root (inert until the window has hydrated it), its styles in the head, the data it came from before </body> and its own policy widened by `policy`. */
export function fillTemplate(template: string, screen: FirstScreenHtml, first: { data: FirstData; at: number }, policy: (own: string) => string): string {
  const data = JSON.stringify(first.data).replace(/</g, '\\u003c');
  return template
    .replace(/(http-equiv="Content-Security-Policy" content=")([^"]*)"/, (_, start: string, own: string) => `${start}${policy(own)}"`)
    .replace('</head>', () => `${screen.styles}</head>`)
    .replace(/<div id="root">[\s\S]*?<\/div>/, () => `<div id="root" ${FIRST_SCREEN_ATTRIBUTE} inert>${screen.markup}</div>`)
    .replace('</body>', () => `<script type="application/json" id="${FIRST_DATA_ELEMENT_ID}" ${FIRST_DATA_TIME_ATTRIBUTE}="${first.at}">${data}</script></body>`);
}

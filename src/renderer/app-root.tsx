/** The whole app's React tree, the same in the window and when main renders the first screen, so the window can hydrate what main rendered. */
import { RendererProvider, type GriffelRenderer } from '@fluentui/react-components';
import { StrictMode, useEffect } from 'react';
import { App } from './app';

/** Calls `onLive` once React has committed the tree: the screen now answers clicks and keys. Renders nothing. */
function Live({ onLive }: { onLive(): void }) {
  useEffect(onLive, [onLive]);
  return null;
}

export const appRoot = (renderer: GriffelRenderer, onLive?: () => void) => (
  <StrictMode>
    <RendererProvider renderer={renderer}>
      <App />
      {onLive && <Live onLive={onLive} />}
    </RendererProvider>
  </StrictMode>
);

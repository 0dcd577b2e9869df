/** Mounts the React app once the store holds the first data already asked for, so the first render is the real first screen. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import type { FirstData } from './first-data';
import { useAppStore } from './store';

export async function mount(first: Promise<FirstData> | null): Promise<void> {
  await useAppStore.getState().load(first);
  const root = document.getElementById('root');
  if (root) {
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  }
}

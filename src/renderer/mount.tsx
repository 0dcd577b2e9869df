/** Mounts the React app, handing the store the first data already asked for. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import './base.css';
import type { FirstData } from './first-data';
import { useAppStore } from './store';

export function mount(first: Promise<FirstData> | null): void {
  void useAppStore.getState().load(first);
  const root = document.getElementById('root');
  if (root) {
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  }
}

/** Renderer entry: asks main for the app's data, and mounts the React app while the answers come. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import './base.css';
import { useAppStore } from './store';

void useAppStore.getState().load();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

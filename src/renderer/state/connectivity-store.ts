/** Whether PAL Desk can reach Microsoft's cloud: what main saw on its last calls, and the browser's own `navigator.onLine`. */
import { create } from 'zustand';
import type { ConnectivityState } from '../../shared/connectivity-types';
import { api } from '../api';

interface ConnectivityStore {
  cloud: ConnectivityState | null;
  /** When the browser reported it lost the network, or null while it has it. */
  browserOfflineSince: string | null;
  /** Reads main's state and follows changes from main and from the browser; returns the unsubscribe function. */
  follow(): () => void;
}

const browserOffline = () => (typeof navigator !== 'undefined' && navigator.onLine === false ? new Date().toISOString() : null);

export const useConnectivity = create<ConnectivityStore>((set) => ({
  cloud: null,
  browserOfflineSince: null,
  follow() {
    // Read when it starts listening, not when the module loads: the network may have gone in between.
    set({ browserOfflineSince: browserOffline() });
    const goOffline = () => set({ browserOfflineSince: new Date().toISOString() });
    const goOnline = () => set({ browserOfflineSince: null });
    window.addEventListener('offline', goOffline);
    window.addEventListener('online', goOnline);
    const stop = api?.on('connectivity:changed', (cloud) => set({ cloud }));
    void api?.connectivity.get().then((result) => result.ok && set({ cloud: result.value }));
    return () => {
      window.removeEventListener('offline', goOffline);
      window.removeEventListener('online', goOnline);
      stop?.();
    };
  },
}));

/** The window bridge: the contract's functions by area, built from the bridge map over IPC; never exposes ipcRenderer or event objects. */
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL, buildBridge } from '../shared/bridge-map';

const bridge = buildBridge(
  (channel, request) => ipcRenderer.invoke(channel, request),
  (event, listener) => {
    const forward = (_event: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on(event, forward);
    return () => void ipcRenderer.removeListener(event, forward);
  },
);

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);

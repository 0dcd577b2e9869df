/** Discovering customers (zustand): sign in once, list every directory the account reaches, track the ones picked; also keeps the first-run page up until that is done. */
import { create } from 'zustand';
import type { DiscoveredTenantView } from '../../shared/view-types';
import { api } from '../api';
import { useAppStore } from '../store';

export type DiscoverPhase = 'start' | 'signing-in' | 'discovering' | 'list' | 'tracking';

interface DiscoverState {
  phase: DiscoverPhase;
  /** The tenant the account was signed in to, that the directories were listed through. */
  viaTenantId: string | null;
  found: DiscoveredTenantView[];
  picked: string[];
  error: string | null;
  /** True from the first step of the first run until the person tracks or skips: the first-run page stays. */
  firstRunActive: boolean;
  /** Adds the tenant of `domain` (the home tenant or one customer), signs in there unless an account of ours already reaches it, then discovers. */
  signInAndDiscover(domain: string): Promise<void>;
  /** Discovers through a tenant one of our accounts is signed in to already. */
  discoverVia(tenantId: string): Promise<void>;
  toggle(tenantId: string, picked: boolean): void;
  /** Tracks the picked directories (a sync of them starts in main); true when done. */
  trackPicked(): Promise<boolean>;
  /** Back to the first step, keeping nothing. */
  reset(): void;
  /** Leaves the first run (the tenants page shows what is tracked). */
  endFirstRun(): void;
}

export const useDiscover = create<DiscoverState>((set, get) => ({
  phase: 'start',
  viaTenantId: null,
  found: [],
  picked: [],
  error: null,
  firstRunActive: false,
  async signInAndDiscover(domain) {
    const bridge = api;
    if (!bridge) return;
    if (domain.trim() === '') return set({ error: 'Enter your home domain (northwindpartners.com) or one customer’s domain first.' });
    const inFirstRun = useAppStore.getState().tenants.length === 0;
    set({ phase: 'signing-in', error: null, firstRunActive: get().firstRunActive || inFirstRun });
    const { run } = useAppStore.getState();
    const added = await run(() => bridge.tenants.add({ query: domain.trim() }));
    if (!added.ok) return set({ phase: 'start', error: added.error.message });
    const tenantId = added.value.tenantId;
    if (!added.value.accounts.some((a) => a.kind === 'user' && a.signIn === 'signed-in')) {
      const signedIn = await run(() => bridge.auth.signIn({ tenantId }));
      if (!signedIn.ok) return set({ phase: 'start', error: signedIn.error.message });
    }
    await get().discoverVia(tenantId);
  },
  async discoverVia(tenantId) {
    const bridge = api;
    if (!bridge) return;
    set({ phase: 'discovering', viaTenantId: tenantId, error: null });
    const found = await bridge.tenants.discover({ tenantId });
    if (!found.ok) return set({ phase: 'start', error: found.error.message });
    set({ phase: 'list', found: found.value, picked: found.value.filter((t) => !t.tracked).map((t) => t.tenantId) });
  },
  toggle(tenantId, picked) {
    const rest = get().picked.filter((id) => id !== tenantId);
    set({ picked: picked ? [...rest, tenantId] : rest });
  },
  async trackPicked() {
    const bridge = api;
    const { picked } = get();
    if (!bridge) return false;
    if (picked.length === 0) {
      set({ error: 'Pick at least one directory to track, or skip this step.' });
      return false;
    }
    set({ phase: 'tracking', error: null });
    const tracked = await useAppStore.getState().run(() => bridge.tenants.track({ tenantIds: picked }));
    if (!tracked.ok) {
      set({ phase: 'list', error: tracked.error.message });
      return false;
    }
    set({ phase: 'start', found: [], picked: [], viaTenantId: null, firstRunActive: false });
    return true;
  },
  reset: () => set({ phase: 'start', found: [], picked: [], viaTenantId: null, error: null }),
  endFirstRun: () => set({ firstRunActive: false, phase: 'start', found: [], picked: [], viaTenantId: null, error: null }),
}));

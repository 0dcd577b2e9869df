/** Composition root for the main-process services, shared by the Electron shell, the browser host and the CLI. */
import type { CloudProfile } from '../shared/cloud-profile';
import type { AppInfo, EmitEvent, Handlers } from '../shared/ipc-contract';
import { AuthService } from './auth/auth-service';
import { ClientRegistry } from './http/client-registry';
import { HostRateLimiter } from './http/rate-limiter';
import { Inventory } from './inventory/inventory';
import type { Logger } from './logger';
import { PalService } from './pal/pal-service';
import { QueueReplayer } from './pal/queue-replayer';
import type { SecretStore } from './secrets/secret-store';
import { SettingsService } from './settings/settings-service';
import { JobRunner } from './sync/job-runner';
import { SyncService } from './sync/sync-service';
import { TenantService } from './tenants/tenant-service';
import { AppFailure } from '../shared/result';

/** Azure CLI's well-known multi-tenant public client; override with settings or PAL_DESK_CLIENT_ID. */
export const DEFAULT_PUBLIC_CLIENT_ID = '04b07795-8ddb-461a-bbee-02f9e1bf7b46';

export interface AppServicesOptions {
  userDataDir: string;
  cloud: CloudProfile;
  host: AppInfo['host'];
  version: string;
  log: Logger;
  emit: EmitEvent;
  secrets: SecretStore;
  /** Opens the sign-in page: the system browser in the app, a new tab in the browser host. */
  openBrowser(url: string): Promise<void>;
  /** The sign-in client id from the environment (PAL_DESK_CLIENT_ID); the one saved in settings wins. */
  clientId?: string;
  /** How often the offline queue is retried, in ms (0 = only at start and on demand). */
  queueRetryMs?: number;
  concurrency?: number;
  interactiveTimeoutMs?: number;
}

export interface AppServices {
  handlers: Handlers;
  inventory: Inventory;
  tenants: TenantService;
  pal: PalService;
  sync: SyncService;
  replayer: QueueReplayer;
  auth: AuthService;
  /** Resolves when the jobs running now (sync, link all) have finished. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export async function createAppServices(o: AppServicesOptions): Promise<AppServices> {
  const inventory = new Inventory(o.userDataDir);
  if (inventory.notice) queueMicrotask(() => o.emit('notice', { level: 'warning', message: inventory.notice ?? '' }));
  const settings = new SettingsService(inventory.settings, o.emit);
  const partnerId = () => settings.get().partnerId;
  const auth = new AuthService({
    cloud: o.cloud,
    clientId: settings.get().clientId ?? o.clientId ?? DEFAULT_PUBLIC_CLIENT_ID,
    userDataDir: o.userDataDir,
    secrets: o.secrets,
    openBrowser: o.openBrowser,
    onNotice: (message) => o.emit('notice', { level: 'warning', message }),
    onSignInState: (event) => o.emit('auth:sign-in-state', event),
    log: o.log,
    interactiveTimeoutMs: o.interactiveTimeoutMs,
  });
  /** Every outgoing call goes through one registry: one HTTP client (connections reused across tenants), one rate limiter, the same retries. */
  const clients = new ClientRegistry({ cloud: o.cloud, credentialFor: (tenantId, identity, label) => auth.credential(tenantId, identity, label), limiter: new HostRateLimiter({ perSecond: 400, burst: 100 }) });
  const tenants = new TenantService(inventory, auth, o.cloud, partnerId, clients);
  const linkApiFor = async (tenantId: string) => {
    const identity = tenants.identity(tenantId);
    const label = tenants.label(tenantId);
    if (!identity) throw new AppFailure('interaction-required', `Nobody is signed in to ${label} yet — click Sign in.`);
    return clients.partnerLinks(tenantId, identity, label);
  };
  const pal = new PalService({
    store: inventory.palStore((id) => tenants.label(id)),
    linkApiFor,
    identityLabel: (id) => inventory.identities.forTenant(id)?.username ?? null,
    tenantLabel: (id) => tenants.label(id),
    partnerId,
  });
  const changed = () => o.emit('tenants:changed', tenants.list());
  const jobs = new JobRunner((event) => o.emit('job:progress', event));
  const sync = new SyncService({
    inventory,
    tenants,
    pal,
    jobs,
    linkApiFor,
    concurrency: o.concurrency ?? 8,
    onFinished: (summary) => {
      o.emit('job:finished', summary);
      changed();
    },
  });
  const replayer = new QueueReplayer({ store: inventory.queue, replay: (action) => pal.replay(action), onChange: changed, log: o.log });
  if (o.queueRetryMs) replayer.start(o.queueRetryMs);

  const after = <T>(value: T): T => (changed(), value);
  const info: AppInfo = { name: 'PAL Desk', version: o.version, host: o.host, cloud: { id: o.cloud.id, label: o.cloud.label }, platform: process.platform };
  const handlers: Handlers = {
    'app:info': async () => info,
    'settings:get': async () => settings.get(),
    'settings:set-partner-id': async ({ partnerId: id }) => after(settings.setPartnerId(id)),
    'settings:set-client-id': async ({ clientId }) => settings.setClientId(clientId),
    'tenants:list': async () => tenants.list(),
    'tenants:add': async ({ query }) => after(await tenants.add(query)),
    'tenants:discover': async ({ tenantId }) => tenants.discover(tenantId),
    'tenants:track': async ({ tenantIds }) => {
      const views = tenants.track(tenantIds);
      sync.sync(tenantIds);
      return after(views);
    },
    'tenants:rename': async ({ tenantId, label }) => after(tenants.rename(tenantId, label)),
    'tenants:archive': async ({ tenantId, archived }) => after(tenants.archive(tenantId, archived)),
    'tenants:remove': async ({ tenantId }) => after(await tenants.remove(tenantId)),
    'auth:sign-in': async ({ tenantId }) => after(await tenants.signIn(tenantId)),
    'auth:cancel-sign-in': async () => ({ cancelled: auth.cancelInteractive() }),
    'auth:add-service-principal': async ({ tenantId, clientId, clientSecret }) => after(await tenants.addServicePrincipal(tenantId, clientId, clientSecret)),
    'auth:test-connection': async ({ tenantId }) => after(await tenants.testConnection(tenantId)),
    'auth:sign-out': async ({ tenantId }) => after(await tenants.signOut(tenantId)),
    'auth:sign-out-account': async ({ tenantId }) => after(await tenants.signOutEverywhere(tenantId)),
    'pal:link': async ({ tenantId, confirmReplaceOf }) => after(await pal.link(tenantId, confirmReplaceOf)),
    'pal:unlink': async ({ tenantId, partnerId: id }) => after(await pal.unlink(tenantId, id)),
    'pal:link-all': async () => ({ jobId: sync.linkAll().jobId }),
    'inventory:sync': async ({ tenantIds }) => {
      void replayer.drain();
      return { jobId: sync.sync(tenantIds).jobId };
    },
    'jobs:cancel': async ({ jobId }) => ({ cancelled: jobs.cancel(jobId) }),
    'pending:list': async () => inventory.queue.list(),
    'audit:list': async ({ limit, beforeId }) => inventory.audit.list(limit, beforeId),
  };
  return {
    handlers,
    inventory,
    tenants,
    pal,
    sync,
    replayer,
    auth,
    idle: () => jobs.idle(),
    close: async () => {
      await replayer.stop();
      await jobs.stopAll();
      await auth.flush();
      inventory.close();
    },
  };
}

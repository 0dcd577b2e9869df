/** Composition root: builds the main-process services and their handlers; the same wiring serves Electron, the browser host and the CLI. */
import type { CloudChoiceView, CloudSource } from '../shared/about-types';
import { REAL_CLOUDS, realCloud, undocumentedPartnerLink, type CloudProfile } from '../shared/cloud-profile';
import type { AppInfo, EmitEvent } from '../shared/ipc-contract';
import { DEFAULT_CLIENT_ID } from '../shared/sign-in-app';
import { AuthService, TOKEN_CACHE_FILE } from './auth/auth-service';
import { ChecklistService } from './checklist/checklist-service';
import { DataService } from './data/data-service';
import { DoctorService } from './doctor/doctor-service';
import type { DesktopShell } from './desktop-shell';
import { identityRefOf, type TenantIdentity } from './domain/identity';
import { NOTICE } from './domain/notice';
import { EvidenceService } from './evidence/evidence-service';
import { ExportService } from './evidence/export-service';
import { createHandlers, type AppHandlers } from './handlers';
import { guardStorage } from './handlers/storage-guarded';
import { ClientRegistry } from './http/client-registry';
import { Connectivity } from './http/connectivity';
import { createNodeNetworkStack, type NetworkStack } from './http/network-stack';
import { HostRateLimiter } from './http/rate-limiter';
import type { ListLimits } from './http/rest-client';
import { INVENTORY_FILE, Inventory } from './inventory/inventory';
import type { Logger } from './logger';
import { NoticeService } from './notices/notice-service';
import { watchStorage } from './notices/storage-watch';
import { PalService } from './pal/pal-service';
import { linkRefresher } from './pal/link-refresh';
import { inventoryPalStore } from './pal/pal-store';
import { QueueReplayer } from './pal/queue-replayer';
import { folderSecrets } from './secrets/folder-secret-store';
import type { SecretStore } from './secrets/secret-store';
import type { Services } from './services';
import { SettingsService } from './settings/settings-service';
import { DataverseSolutionReader } from './powerplatform/dataverse-solution-reader';
import { EnvironmentReader } from './powerplatform/environment-reader';
import { PowerBiAdminBudget } from './powerplatform/power-bi-budget';
import { dataverseUsersCollector } from './sync/collectors/dataverse-users';
import { environmentsCollector } from './sync/collectors/environments';
import { flowsCollector } from './sync/collectors/flows';
import { partnerLinksCollector } from './sync/collectors/partner-links';
import { powerAppsCollector } from './sync/collectors/power-apps';
import { powerBiCollector } from './sync/collectors/power-bi';
import { JobRunner } from './sync/job-runner';
import { SyncService } from './sync/sync-service';
import { AccountService, type Directory } from './tenants/account-service';
import { listTenants, resolveTenant } from './tenants/directory-client';
import { TenantService } from './tenants/tenant-service';
import { TenantViews } from './tenants/tenant-views';
import { WorkPresence } from './writer/work-presence';
import { WriterLock } from './writer/writer-lock';

export interface AppServicesOptions {
  userDataDir: string;
  cloud: CloudProfile;
  /** Where `cloud` was chosen (cloud-config.ts `startCloud`); default 'command-line'. */
  cloudSource?: CloudSource;
  host: AppInfo['host'];
  version: string;
  log: Logger;
  emit: EmitEvent;
  /** The keychain; this data folder's entries in it are named by the folder's id (secrets/folder-secret-store.ts). */
  secrets: SecretStore;
  /** Opens the sign-in page: the system browser in the app, a new tab in the browser host. */
  openBrowser(url: string): Promise<void>;
  /** The sign-in client id from the environment (PAL_DESK_CLIENT_ID); the one saved in settings wins. */
  clientId?: string;
  /** How often the offline queue is retried, in ms (0 = only at start and on demand). */
  queueRetryMs?: number;
  concurrency?: number;
  interactiveTimeoutMs?: number;
  /** Wait for another process's write work to end instead of failing (the CLI's --wait). */
  waitForWriter?: boolean;
  /** How long another process's writer lock may stay silent before it is taken over, in ms (default 2 minutes; tests shorten it). */
  writerStaleMs?: number;
  /** Hold a work lease from start to close (the CLI: its whole command, token cache flush included, is work another process's "forget everything" waits for). */
  workLeaseWhileOpen?: boolean;
  /** Longest one call to a Microsoft API may take (default 30 s). */
  requestTimeoutMs?: number;
  /** Longest one request to the token service may take, in ms (default 30 s). */
  tokenTimeoutMs?: number;
  /** How long a statement waits for another PAL Desk process's lock on the inventory, in ms (default 5 s). */
  busyTimeoutMs?: number;
  /** The desktop app's save dialog and file manager (absent in the browser host and the CLI). */
  desktop?: DesktopShell;
  /** How much PAL Desk reads (defaults: 50 MB an answer, LIST_LIMITS a list, COLLECTOR_TIME_MS a collector); tests make them small. */
  readLimits?: Partial<ListLimits> & { maxResponseBytes?: number; collectorTimeMs?: number };
  /** The host's network for sign-in and every API call; default Node's (HTTPS_PROXY / NO_PROXY, PAL_DESK_CA_FILE added to Node's roots). */
  network?: NetworkStack;
}

const WRITER_NAMES: Record<AppInfo['host'], string> = { electron: 'The PAL Desk app', 'browser-host': 'PAL Desk in the browser host', cli: 'The pal-desk CLI' };

export interface AppServices extends Services {
  /** Every channel but "forget everything", which rebuilds the services (data/resettable-services.ts). */
  handlers: AppHandlers;
  /** Resolves when the jobs running now (sync, link all) have finished. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** The data folder's secrets in the keychain (made before the inventory opens, which tells a new folder from one of an older release). */
export const dataFolderSecrets = (o: Pick<AppServicesOptions, 'secrets' | 'userDataDir'>) => folderSecrets(o.secrets, o.userDataDir, [INVENTORY_FILE, TOKEN_CACHE_FILE]);

export async function createAppServices(o: AppServicesOptions): Promise<AppServices> {
  const secrets = dataFolderSecrets(o);
  const inventory = new Inventory(o.userDataDir, undefined, { busyTimeoutMs: o.busyTimeoutMs });
  const notices = new NoticeService(inventory.notices, o.emit);
  const reportTurn = watchStorage({ storage: inventory.storage, notices, log: o.log });
  /** The clouds Settings offers: every real cloud, and the simulated cloud only while running on it (so never in a packaged build). */
  const cloudChoices: CloudChoiceView[] = [...REAL_CLOUDS, ...(o.cloud.id === 'sim' ? [o.cloud] : [])].map(({ id, label, partnerLinkApi }) => ({ id, label, partnerLinkApi }));
  const settings = new SettingsService(inventory.settings, o.emit, cloudChoices);
  const partnerId = () => settings.get().partnerId;
  const views = new TenantViews(inventory, partnerId);
  const changed = () => o.emit('tenants:changed', views.list());
  const connectivity = new Connectivity((state) => o.emit('connectivity:changed', state));
  const network = o.network ?? createNodeNetworkStack({ cloudCaPem: o.cloud.caCertPem, caFile: process.env.PAL_DESK_CA_FILE || undefined });
  const auth = new AuthService({
    cloud: o.cloud,
    clientId: settings.get().clientId ?? o.clientId ?? DEFAULT_CLIENT_ID,
    userDataDir: o.userDataDir,
    secrets,
    openBrowser: o.openBrowser,
    onNotice: (message) => notices.raise('warning', NOTICE.tokenCacheReset, message),
    onSignInState: (event) => o.emit('auth:sign-in-state', event),
    log: o.log,
    interactiveTimeoutMs: o.interactiveTimeoutMs,
    tokenTimeoutMs: o.tokenTimeoutMs,
    connectivity,
    network,
  });

  /** Every outgoing call goes through one registry: one HTTP client (connections reused across tenants), one rate limiter, the same retries. */
  const clients = new ClientRegistry({
    cloud: o.cloud,
    credentialFor: (tenantId, identity, label) => auth.credential(tenantId, identity, label),
    limiter: new HostRateLimiter({ perSecond: 400, burst: 100 }),
    timeoutMs: o.requestTimeoutMs,
    connectivity,
    limits: o.readLimits,
    log: o.log,
    httpClient: network.httpClient,
  });
  const linkApiFor = (tenantId: string, account: TenantIdentity) => clients.partnerLinks(tenantId, identityRefOf(account), views.label(tenantId));
  const directory: Directory = {
    resolve: (query) => resolveTenant(clients.anonymous(), o.cloud, query),
    tenants: (tenantId, account, label) => listTenants(clients.rest(tenantId, account, o.cloud.scopes.arm, label), o.cloud),
  };
  const forgetClients = (match: { tenantId?: string; identityId?: string }) => clients.forget(match);

  const writer = new WriterLock({ repo: inventory.writerLock, holder: WRITER_NAMES[o.host], wait: o.waitForWriter, staleMs: o.writerStaleMs });
  const presence = new WorkPresence({ leases: inventory.workLeases, writerLock: inventory.writerLock, holder: WRITER_NAMES[o.host], staleMs: o.writerStaleMs });
  const leaveOpen = o.workLeaseWhileOpen ? presence.enter('command') : () => undefined;
  const partnerLinks = partnerLinksCollector({
    inventory,
    objectIdSilently: (tenantId, account) => accounts.objectIdSilently(tenantId, account),
    linkApiFor,
    reconcile: (tenantId, account, link) => pal.reconcileObserved(tenantId, account, link),
  });
  const readLink = linkRefresher({ inventory, collector: partnerLinks, label: (tenantId) => views.label(tenantId) });
  const accounts = new AccountService({ inventory, auth, cloud: o.cloud, views, directory, forgetClients, changed, readLink });
  const tenants = new TenantService({ inventory, accounts, cloud: o.cloud, views, directory, changed });
  /** A tenant keeps the cloud it was added in: with another cloud running, it is shown as such and never read or written with this cloud's hosts. */
  const otherCloud = (tenantId: string): string | null => {
    const added = inventory.tenants.cloudOf(tenantId);
    if (!added || added === o.cloud.id) return null;
    const label = realCloud(added)?.label ?? (added === 'sim' ? 'the simulated cloud' : added);
    return `${views.label(tenantId)} was added in ${label}, and PAL Desk runs on ${o.cloud.label} now: choose ${label} in Settings (or start with --cloud ${added}) to sync or link it.`;
  };
  const partnerLinkNote = o.cloud.partnerLinkApi === 'unknown' ? undocumentedPartnerLink(o.cloud.label) : null;
  const pal = new PalService({
    store: inventoryPalStore(inventory, () => writer.fence()),
    writer,
    accounts: (tenantId) => accounts.accounts(tenantId),
    account: (tenantId, identityId) => accounts.account(tenantId, identityId),
    linkApiFor,
    tenantLabel: (tenantId) => views.label(tenantId),
    partnerId,
    partnerLinkNote,
    otherCloud,
    changed,
  });
  const jobs = new JobRunner((event) => o.emit('job:progress', event), (error) => inventory.storage.explain(error), o.log);
  const replayer = new QueueReplayer({
    store: inventory.queue,
    writer,
    replay: (action) => pal.replay(action),
    onChange: changed,
    log: o.log,
    onTimedTurn: (error) => reportTurn('queue-replay', error),
  });
  /** This sync's environments, read once per tenant by the environments collector and shared with the ones that list per environment. */
  const environments = new EnvironmentReader({ clients, cloud: o.cloud });
  const pp = { inventory, clients, cloud: o.cloud, environments, solutions: new DataverseSolutionReader({ clients }) };
  const powerBiAdminBudget = new PowerBiAdminBudget(inventory.adminCalls);
  const sync = new SyncService({
    inventory,
    pal,
    jobs,
    writer,
    presence,
    collectors: [
      partnerLinks,
      environmentsCollector(pp),
      powerAppsCollector(pp),
      flowsCollector(pp),
      powerBiCollector({ ...pp, adminBudget: powerBiAdminBudget }),
      dataverseUsersCollector(pp),
    ],
    accounts: (tenantId) => accounts.accounts(tenantId),
    label: (tenantId) => views.label(tenantId),
    markSignInProblem: (tenantId, identityId, failure) => accounts.markSignInProblem(tenantId, identityId, failure),
    track: (tenantIds) => tenants.track(tenantIds),
    replayQueue: () => replayer.drain(),
    concurrency: o.concurrency ?? 8,
    otherCloud,
    collectorTimeMs: o.readLimits?.collectorTimeMs,
    log: o.log,
    onFinished: (summary) => {
      o.emit('job:finished', summary);
      // Runs after the job, outside any request: a busy or damaged inventory is reported, never thrown.
      try {
        changed();
      } catch (error) {
        reportTurn('job-finished', error);
      }
    },
  });
  if (o.queueRetryMs) replayer.start(o.queueRetryMs);

  const info: AppInfo = { name: 'PAL Desk', version: o.version, host: o.host, cloud: { id: o.cloud.id, label: o.cloud.label, partnerLinkNote }, platform: process.platform };
  const checklist = new ChecklistService(inventory, views, partnerId);
  const evidence = new EvidenceService(inventory, views, partnerId, checklist);
  const exports = new ExportService(evidence, o.desktop);
  const data = new DataService({ info, cloud: o.cloud, cloudSource: o.cloudSource ?? 'command-line', cloudChoices, userDataDir: o.userDataDir, inventory, jobs, writer, presence, desktop: o.desktop });
  const doctor = new DoctorService({
    cloud: o.cloud,
    clients,
    token: (tenantId, identity, scope, label) => auth.getToken(tenantId, identity, scope, label),
    accounts: (tenantId) => accounts.accounts(tenantId),
    label: (tenantId) => views.label(tenantId),
    environments: (tenantId) => inventory.powerPlatform.environments(tenantId),
    partnerId,
    powerBiAdminBudget,
  });
  const services: Services = { info, inventory, settings, auth, views, tenants, accounts, pal, sync, jobs, replayer, evidence, notices, checklist, connectivity, exports, data, doctor };
  return {
    ...services,
    handlers: guardStorage(createHandlers(services), inventory.storage),
    idle: () => jobs.idle(),
    close: async () => {
      await replayer.stop();
      await jobs.stopAll();
      await auth.flush();
      leaveOpen();
      inventory.close();
    },
  };
}

/** The IPC contract: every request channel (payload schema + response type), every main→renderer event, and the bridge's type (its map is in bridge-map.ts). */
import { z } from 'zod';
import type { BRIDGE_MAP } from './bridge-map';
import type { JobProgressEvent, JobSummary } from './job-types';
import type { ChecklistSummary, TenantChecklist } from './checklist-types';
import type { ConnectivityState } from './connectivity-types';
import type { DoctorReport } from './doctor-types';
import type { TenantLinkResult, UnlinkOutcome } from './pal-types';
import type { Result } from './result';
import { AUDIT_ACTIONS, AUDIT_OUTCOMES } from './audit-filter';
import type { AboutView, ForgetResult } from './about-types';
import type { ExportResult } from './export-types';
import type { AuditEntryView, DiscoveredTenantView, PendingActionView, TenantView } from './view-types';

export interface AppInfo {
  name: string;
  version: string;
  /** 'electron' in the desktop app, 'browser-host' when served to a browser for tests and demos, 'cli' for pal-desk. */
  host: 'electron' | 'browser-host' | 'cli';
  /** The running cloud; `partnerLinkNote` is set where Microsoft does not document the Partner Admin Link API (said on the PAL card). */
  cloud: { id: string; label: string; partnerLinkNote: string | null };
  platform: string;
}

export interface SettingsDto {
  /** The partner's Associated (Location) MPN ID, or null until set. */
  partnerId: string | null;
  /** The multi-tenant public client (application) ID PAL Desk signs in with; null = the default. Applies after a restart. */
  clientId: string | null;
  /** The cloud chosen in Settings (`public`, `gcc`, `gcchigh`, `dod`, `china`, `sim`); null = the default. Applies after a restart; `--cloud` and PAL_DESK_CLOUD win. */
  cloudId: string | null;
}

const noPayload = z.undefined();
const tenantId = z.guid();
const partnerId = z.string().max(200);
const tenantRef = z.object({ tenantId }).strict();
const verdict = z.enum(['attributed', 'at-risk', 'not-attributed', 'unknown']);
/** One of our accounts: an MSAL home account id for a user, `sp:<client id>` for a service principal. */
const identityId = z.string().min(1).max(300);
const accountRef = z.object({ tenantId, identityId: identityId.optional() }).strict();
const accountRequired = z.object({ tenantId, identityId }).strict();
/** A page of the audit log, newest first, optionally filtered (see `AuditFilter`). */
const auditFilter = z
  .object({
    tenant: z.string().max(200).optional(),
    actions: z.array(z.enum(AUDIT_ACTIONS)).max(AUDIT_ACTIONS.length).optional(),
    outcomes: z.array(z.enum(AUDIT_OUTCOMES)).max(AUDIT_OUTCOMES.length).optional(),
    from: z.iso.datetime().optional(),
    to: z.iso.datetime().optional(),
  })
  .strict();
const auditQuery = z
  .object({ limit: z.number().int().min(1).max(1000), beforeId: z.number().int().positive().optional(), filter: auditFilter.optional() })
  .strict();

/** A notice main wants a person to see (token cache reset, database moved aside, …). */
export interface NoticeView {
  level: 'info' | 'warning' | 'error';
  message: string;
  /** Set on a notice kept until acknowledged (`notices:acknowledge`); absent on a passing one. */
  id?: number;
  /** What happened, for scripts: e.g. 'inventory-damaged', 'token-cache-reset'. */
  code?: string;
  /** When it happened (ISO 8601). */
  at?: string;
}

export interface SignInStateEvent {
  tenantId: string;
  state: 'queued' | 'waiting-for-browser' | 'finished';
  /** Position in the line of interactive sign-ins (1 = next). */
  position?: number;
}

/** A page the application menu can ask the window to show. */
export type MenuPage = 'overview' | 'tenants' | 'activity' | 'settings';

export interface MenuNavigateEvent {
  page: MenuPage;
}
const exportRequest = z
  .object({
    what: z.enum(['status', 'checklist', 'audit', 'all']),
    format: z.enum(['csv', 'json']),
    tenantIds: z.array(tenantId).min(1).max(5000).optional(),
    audit: auditFilter.optional(),
  })
  .strict();
const forgetRequest = z.object({ confirm: z.literal('forget') }).strict();

/** Declares a channel: its payload schema (validated in main before any handler runs) and its response type. */
const channel = <S extends z.ZodType, R>(request: S) => ({ request, response: null as unknown as R });

export const INVOKE_CHANNELS = {
  'app:info': channel<typeof noPayload, AppInfo>(noPayload),
  'settings:get': channel<typeof noPayload, SettingsDto>(noPayload),
  'settings:set-partner-id': channel<z.ZodObject<{ partnerId: z.ZodString }>, SettingsDto>(z.object({ partnerId }).strict()),
  'settings:set-cloud': channel<z.ZodObject<{ cloudId: z.ZodNullable<z.ZodString> }>, SettingsDto>(z.object({ cloudId: z.string().max(40).nullable() }).strict()),
  'settings:set-client-id': channel<z.ZodObject<{ clientId: z.ZodNullable<z.ZodString> }>, SettingsDto>(
    z.object({ clientId: z.string().max(100).nullable() }).strict(),
  ),
  'tenants:list': channel<typeof noPayload, TenantView[]>(noPayload),
  'tenants:add': channel<z.ZodObject<{ query: z.ZodString }>, TenantView>(z.object({ query: z.string().min(1).max(300) }).strict()),
  'tenants:discover': channel<typeof tenantRef, DiscoveredTenantView[]>(tenantRef),
  'tenants:track': channel<z.ZodObject<{ tenantIds: z.ZodArray<typeof tenantId> }>, TenantView[]>(
    z.object({ tenantIds: z.array(tenantId).min(1).max(5000) }).strict(),
  ),
  'tenants:rename': channel<z.ZodObject<{ tenantId: typeof tenantId; label: z.ZodNullable<z.ZodString> }>, TenantView>(
    z.object({ tenantId, label: z.string().max(120).nullable() }).strict(),
  ),
  'tenants:archive': channel<z.ZodObject<{ tenantId: typeof tenantId; archived: z.ZodBoolean }>, TenantView>(
    z.object({ tenantId, archived: z.boolean() }).strict(),
  ),
  'tenants:remove': channel<typeof tenantRef, { removed: true }>(tenantRef),
  /** Signs in an account of ours: `identityId` signs that one in again; without it, a person picks an account (a new one is added). */
  'auth:sign-in': channel<typeof accountRef, TenantView>(accountRef),
  'auth:cancel-sign-in': channel<typeof noPayload, { cancelled: boolean }>(noPayload),
  'auth:add-service-principal': channel<
    z.ZodObject<{ tenantId: typeof tenantId; clientId: z.ZodGUID; clientSecret: z.ZodString }>,
    TenantView
  >(z.object({ tenantId, clientId: z.guid(), clientSecret: z.string().min(1).max(1024) }).strict()),
  'auth:test-connection': channel<typeof accountRef, TenantView>(accountRef),
  /** Read-only check of every account of ours in the tenant (or one): each silent token, a first page of each API, the conclusions. */
  'doctor:check': channel<typeof accountRef, DoctorReport>(accountRef),
  /** Signs an account out of one tenant (without `identityId`: the tenant's default account). */
  'auth:sign-out': channel<typeof accountRef, TenantView>(accountRef),
  /** Signs a user account out of every tenant. */
  'auth:sign-out-account': channel<typeof accountRef, TenantView[]>(accountRef),
  'auth:set-default-account': channel<typeof accountRequired, TenantView>(accountRequired),
  /** Links our partner ID for one account, or (without `identityId`) for every account of ours in the tenant. */
  'pal:link': channel<
    z.ZodObject<{ tenantId: typeof tenantId; identityId: z.ZodOptional<typeof identityId>; confirmReplaceOf: z.ZodOptional<z.ZodString> }>,
    TenantLinkResult
  >(z.object({ tenantId, identityId: identityId.optional(), confirmReplaceOf: partnerId.optional() }).strict()),
  'pal:unlink': channel<
    z.ZodObject<{ tenantId: typeof tenantId; identityId: z.ZodOptional<typeof identityId>; partnerId: z.ZodString }>,
    UnlinkOutcome
  >(z.object({ tenantId, identityId: identityId.optional(), partnerId }).strict()),
  'pal:link-all': channel<typeof noPayload, { jobId: string }>(noPayload),
  /** Links our partner ID in the chosen tenants ("Link selected"), as a job like link-all. */
  'pal:link-tenants': channel<z.ZodObject<{ tenantIds: z.ZodArray<typeof tenantId> }>, { jobId: string }>(
    z.object({ tenantIds: z.array(tenantId).min(1).max(5000) }).strict(),
  ),
  'inventory:sync': channel<z.ZodObject<{ tenantIds: z.ZodOptional<z.ZodArray<typeof tenantId>> }>, { jobId: string }>(
    z.object({ tenantIds: z.array(tenantId).max(5000).optional() }).strict(),
  ),
  'jobs:cancel': channel<z.ZodObject<{ jobId: z.ZodString }>, { cancelled: boolean }>(z.object({ jobId: z.string().max(64) }).strict()),
  'pending:list': channel<typeof noPayload, PendingActionView[]>(noPayload),
  /** Notices kept until a person acknowledges them, oldest first (a page shows them whenever it connects). */
  /** One tenant's attribution checklist (optionally only the resources with one verdict). */
  'checklist:tenant': channel<z.ZodObject<{ tenantId: typeof tenantId; verdict: z.ZodOptional<typeof verdict> }>, TenantChecklist>(
    z.object({ tenantId, verdict: verdict.optional() }).strict(),
  ),
  /** Counts by product and verdict across every tenant, and each tenant's attributed share. */
  'checklist:summary': channel<typeof noPayload, ChecklistSummary>(noPayload),
  'notices:list': channel<typeof noPayload, NoticeView[]>(noPayload),
  'notices:acknowledge': channel<z.ZodObject<{ id: z.ZodNumber }>, { acknowledged: boolean }>(z.object({ id: z.number().int().positive() }).strict()),
  /** Whether Microsoft's cloud answered the last calls, and since when. */
  'connectivity:get': channel<typeof noPayload, ConnectivityState>(noPayload),
  /** Exports status, checklist, audit log or all of it: a save dialog in the app, a download in the browser host. */
  'export:save': channel<typeof exportRequest, ExportResult>(exportRequest),
  /** Cloud profile, data folder and size, versions. */
  'settings:about': channel<typeof noPayload, AboutView>(noPayload),
  /** Opens the data folder in the OS file manager (desktop app only). */
  'settings:show-data-folder': channel<typeof noPayload, { shown: boolean }>(noPayload),
  /** Deletes the inventory, audit log, queued actions, keychain entries and settings; the app starts again as on first run. */
  'settings:forget-everything': channel<typeof forgetRequest, ForgetResult>(forgetRequest),
  'audit:list': channel<typeof auditQuery, AuditEntryView[]>(auditQuery),
};

export type InvokeChannel = keyof typeof INVOKE_CHANNELS;
export type RequestOf<C extends InvokeChannel> = z.input<(typeof INVOKE_CHANNELS)[C]['request']>;
export type ResponseOf<C extends InvokeChannel> = (typeof INVOKE_CHANNELS)[C]['response'];

/** Main → renderer events and their payloads. */
export interface EventPayloads {
  'settings:changed': SettingsDto;
  'tenants:changed': TenantView[];
  'job:progress': JobProgressEvent;
  'job:finished': JobSummary;
  'auth:sign-in-state': SignInStateEvent;
  'notice': NoticeView;
  'connectivity:changed': ConnectivityState;
  'menu:navigate': MenuNavigateEvent;
}
export type EventName = keyof EventPayloads;

type BridgeMap = typeof BRIDGE_MAP;
type BridgeFn<C> = C extends InvokeChannel
  ? RequestOf<C> extends undefined
    ? () => Promise<Result<ResponseOf<C>>>
    : (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>>
  : never;

/** What `window.palDesk` offers the renderer: the map's functions by area, and an event subscription that yields payloads only. */
export type PalDeskBridge = { readonly [A in keyof BridgeMap]: { readonly [F in keyof BridgeMap[A]]: BridgeFn<BridgeMap[A][F]> } } & {
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
};

/** Server side of the contract: one async function per channel, receiving the validated payload. */
type HandlerRequest<C extends InvokeChannel> = z.output<(typeof INVOKE_CHANNELS)[C]['request']>;
export type Handlers = {
  [C in InvokeChannel]: HandlerRequest<C> extends undefined
    ? (request?: HandlerRequest<C>) => Promise<ResponseOf<C>>
    : (request: HandlerRequest<C>) => Promise<ResponseOf<C>>;
};

/** Emits a main → renderer event. */
export type EmitEvent = <E extends EventName>(event: E, payload: EventPayloads[E]) => void;

/** Links and unlinks the partner ID for each of our accounts in a tenant: verified, audited, never replacing another partner unasked, queued when offline. */
import type { AccountLinkResult, LinkOutcome, PartnerLinkState, TenantLinkResult, UnlinkOutcome } from '../../shared/pal-types';
import { checkPartnerId } from '../../shared/partner-id';
import { AppFailure } from '../../shared/result';
import type { AuditRecord } from '../domain/audit';
import { identityLabelOf, type TenantIdentity } from '../domain/identity';
import type { LinkObservation } from '../domain/partner-link';
import type { QueuedAction } from '../domain/pending-action';
import { runLink, runUnlink, type FlowResult } from './link-flow';
import type { PartnerLinkApi } from './partner-link-api';

/** Failures after which the action is kept and replayed later instead of being reported as failed. */
export const RETRYABLE_CODES = new Set(['offline', 'timeout', 'service-unavailable', 'throttled']);

/** What the PAL service needs from the inventory. */
export interface PalStore {
  /** Records what Azure said about one account's link. */
  recordObservation(observation: LinkObservation): void;
  /** Stores an action for later, idempotently; returns its id. */
  enqueue(action: Omit<QueuedAction, 'id'>): string;
  /** Appends an audit entry; when `completeActionId` is given, marks that action done in the same transaction. */
  audit(record: AuditRecord, completeActionId?: string): void;
  /** Marks a queued action as needing the person's decision (another partner appeared). */
  markNeedsConfirmation(actionId: string, message: string): void;
}

export interface PalServiceDeps {
  store: PalStore;
  /** Our accounts in the tenant, the default first. */
  accounts(tenantId: string): TenantIdentity[];
  /** The named account, or the tenant's default; throws a failure saying what to do when there is none. */
  account(tenantId: string, identityId?: string): TenantIdentity;
  /** The partner-link API of one account in one tenant (tokens are silent: a missing sign-in is a needs-sign-in failure). */
  linkApiFor(tenantId: string, account: TenantIdentity): PartnerLinkApi;
  tenantLabel(tenantId: string): string;
  partnerId(): string | null;
  /** Tells the windows that tenants changed. */
  changed(): void;
}

export interface LinkRequest {
  /** One account; without it, every account of ours in the tenant (each is attributed separately). */
  identityId?: string;
  /** Replace only this other partner ID (the one the person saw and confirmed). */
  confirmReplaceOf?: string;
}

export class PalService {
  readonly #deps: PalServiceDeps;

  constructor(deps: PalServiceDeps) {
    this.#deps = deps;
  }

  #requirePartnerId(): string {
    const id = this.#deps.partnerId();
    if (!id) throw new AppFailure('invalid-partner-id', 'Set your partner ID in Settings before linking.');
    return id;
  }

  /** Links the partner ID for one account or all of ours in the tenant; fails only when every account failed. */
  async link(tenantId: string, request: LinkRequest = {}): Promise<TenantLinkResult> {
    const result = await this.linkEach(tenantId, request).finally(() => this.#deps.changed());
    const failed = result.accounts.filter((a) => 'error' in a);
    const [first] = failed;
    if (first && 'error' in first && failed.length === result.accounts.length) throw new AppFailure(first.error.code, first.error.message, first.error.detail);
    return result;
  }

  /** Like `link`, but reports each account's failure in the result instead of failing, and leaves telling the windows to the job (for bulk work). */
  async linkEach(tenantId: string, request: LinkRequest = {}): Promise<TenantLinkResult> {
    const partnerId = this.#requirePartnerId();
    const targets = request.identityId ? [this.#deps.account(tenantId, request.identityId)] : this.#deps.accounts(tenantId);
    if (targets.length === 0) this.#deps.account(tenantId);
    const accounts: AccountLinkResult[] = [];
    for (const account of targets) {
      const base = { identityId: account.identityId, account: identityLabelOf(account) };
      try {
        accounts.push({ ...base, outcome: await this.#linkOrQueue(tenantId, account, partnerId, request.confirmReplaceOf ?? null) });
      } catch (error) {
        if (!(error instanceof AppFailure)) throw error;
        accounts.push({ ...base, error: { code: error.code, message: error.message, detail: error.detail } });
      }
    }
    return { tenantId, accounts };
  }

  /** Removes our partner ID from one account's link (the tenant's default when none is named). */
  async unlink(tenantId: string, partnerId: string, identityId?: string): Promise<UnlinkOutcome> {
    const check = checkPartnerId(partnerId);
    if (!check.ok) throw new AppFailure('invalid-partner-id', check.message);
    const account = this.#deps.account(tenantId, identityId);
    try {
      return await this.#unlink(tenantId, account, partnerId);
    } catch (error) {
      if (!(error instanceof AppFailure) || !RETRYABLE_CODES.has(error.code)) throw error;
      const actionId = this.#deps.store.enqueue({ tenantId, identityId: account.identityId, kind: 'unlink', partnerId, confirmReplaceOf: null });
      return { kind: 'queued', actionId };
    } finally {
      this.#deps.changed();
    }
  }

  /** Replays one queued action with the same read-before-write checks; throws retryable failures for the queue to keep it. */
  async replay(action: QueuedAction): Promise<void> {
    const account = this.#deps.account(action.tenantId, action.identityId ?? undefined);
    if (action.kind === 'link') {
      const outcome = await this.#link(action.tenantId, account, action.partnerId, action.confirmReplaceOf, action.id);
      if (outcome.kind === 'needs-confirmation') {
        this.#deps.store.markNeedsConfirmation(action.id, `Partner ID ${outcome.otherPartnerId} is linked; confirm to replace it.`);
      }
    } else {
      const outcome = await this.#unlink(action.tenantId, account, action.partnerId, action.id);
      if (outcome.kind === 'needs-confirmation') {
        this.#deps.store.markNeedsConfirmation(action.id, `Partner ID ${outcome.otherPartnerId} is linked, not ${action.partnerId}.`);
      }
    }
  }

  async #linkOrQueue(tenantId: string, account: TenantIdentity, partnerId: string, confirmReplaceOf: string | null): Promise<LinkOutcome> {
    try {
      return await this.#link(tenantId, account, partnerId, confirmReplaceOf);
    } catch (error) {
      if (!(error instanceof AppFailure) || !RETRYABLE_CODES.has(error.code)) throw error;
      const actionId = this.#deps.store.enqueue({ tenantId, identityId: account.identityId, kind: 'link', partnerId, confirmReplaceOf });
      return { kind: 'queued', actionId };
    }
  }

  async #link(tenantId: string, account: TenantIdentity, partnerId: string, confirmReplaceOf: string | null, actionId?: string): Promise<LinkOutcome> {
    const flow = await runLink(this.#deps.linkApiFor(tenantId, account), { partnerId, ...(confirmReplaceOf ? { confirmReplaceOf } : {}) });
    this.#observe(tenantId, account, flow.after);
    if (flow.kind === 'needs-confirmation') {
      return { kind: 'needs-confirmation', otherPartnerId: flow.before?.partnerId ?? '', otherPartnerName: flow.before?.partnerName ?? null };
    }
    this.#audit(tenantId, account, flow.kind === 'replaced' ? 'replace' : 'link', flow, actionId);
    this.#throwIfUnverified(tenantId, flow, partnerId);
    const readBack = flow.after as PartnerLinkState;
    if (flow.kind === 'already-linked') return { kind: 'already-linked', partnerId, readBack };
    if (flow.kind === 'replaced') return { kind: 'replaced', previousPartnerId: flow.before?.partnerId ?? '', partnerId, readBack };
    return { kind: 'linked', partnerId, readBack };
  }

  async #unlink(tenantId: string, account: TenantIdentity, partnerId: string, actionId?: string): Promise<UnlinkOutcome> {
    const flow = await runUnlink(this.#deps.linkApiFor(tenantId, account), { partnerId });
    this.#observe(tenantId, account, flow.after);
    if (flow.kind === 'needs-confirmation') {
      return { kind: 'needs-confirmation', otherPartnerId: flow.before?.partnerId ?? '', otherPartnerName: flow.before?.partnerName ?? null };
    }
    this.#audit(tenantId, account, 'unlink', flow, actionId);
    this.#throwIfUnverified(tenantId, flow, null);
    return flow.kind === 'not-linked' ? { kind: 'not-linked' } : { kind: 'unlinked', previousPartnerId: partnerId };
  }

  #observe(tenantId: string, account: TenantIdentity, link: PartnerLinkState | null): void {
    this.#deps.store.recordObservation({ tenantId, identityId: account.identityId, objectId: account.objectId, link });
  }

  #audit(tenantId: string, account: TenantIdentity, action: AuditRecord['action'], flow: FlowResult, actionId: string | undefined): void {
    this.#deps.store.audit(
      {
        tenantId,
        identity: identityLabelOf(account),
        action,
        before: flow.before?.partnerId ?? null,
        after: flow.after && flow.after.state !== 'Deleted' ? flow.after.partnerId : null,
        outcome: flow.verified ? flow.kind : 'read-back-mismatch',
        requestId: flow.writeRequestId ?? flow.requestIds.at(-1) ?? null,
        message: flow.wrote ? null : 'No write was needed.',
      },
      actionId,
    );
  }

  #throwIfUnverified(tenantId: string, flow: FlowResult, expected: string | null): void {
    if (flow.verified) return;
    const seen = flow.after?.partnerId ?? 'no link';
    throw new AppFailure(
      'read-back-mismatch',
      `Azure accepted the change in ${this.#deps.tenantLabel(tenantId)} but reads back ${seen} instead of ${expected ?? 'no link'}. Refresh in a minute; if it persists, link again.`,
      { seen, expected },
    );
  }
}

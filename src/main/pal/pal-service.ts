/** Links and unlinks the partner ID per tenant: verified, audited, never replacing another partner unasked, queued when offline. */
import type { LinkOutcome, PartnerLinkState, UnlinkOutcome } from '../../shared/pal-types';
import { AppFailure } from '../../shared/result';
import { runLink, runUnlink, type FlowResult } from './link-flow';
import type { PartnerLinkApi } from './partner-link-api';

/** Failures after which the action is kept and replayed later instead of being reported as failed. */
export const RETRYABLE_CODES = new Set(['offline', 'timeout', 'service-unavailable', 'throttled']);

export interface QueuedAction {
  id: string;
  tenantId: string;
  kind: 'link' | 'unlink';
  partnerId: string;
  confirmReplaceOf: string | null;
}

export interface AuditRecord {
  tenantId: string;
  identity: string | null;
  action: 'link' | 'replace' | 'unlink';
  before: string | null;
  after: string | null;
  outcome: string;
  requestId: string | null;
  message: string | null;
}

/** What the PAL service needs from the inventory. */
export interface PalStore {
  /** Records what Azure said about the link of the tenant's identity. */
  recordObservation(tenantId: string, link: PartnerLinkState | null): void;
  /** Stores an action for later, idempotently; returns its id. */
  enqueue(action: Omit<QueuedAction, 'id'>): string;
  /** Appends an audit entry; when `completeActionId` is given, marks that action done in the same transaction. */
  audit(record: AuditRecord, completeActionId?: string): void;
  /** Marks a queued action as needing the person's decision (another partner appeared). */
  markNeedsConfirmation(actionId: string, message: string): void;
}

export interface PalServiceDeps {
  store: PalStore;
  /** A partner-link API for the tenant's identity, non-interactive (throws a needs-sign-in failure). */
  linkApiFor(tenantId: string): Promise<PartnerLinkApi>;
  /** The identity used in the tenant, as shown in the audit log (UPN or client id). */
  identityLabel(tenantId: string): string | null;
  tenantLabel(tenantId: string): string;
  partnerId(): string | null;
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

  async link(tenantId: string, confirmReplaceOf?: string): Promise<LinkOutcome> {
    const partnerId = this.#requirePartnerId();
    try {
      return await this.#link(tenantId, partnerId, confirmReplaceOf ?? null);
    } catch (error) {
      if (!(error instanceof AppFailure) || !RETRYABLE_CODES.has(error.code)) throw error;
      const actionId = this.#deps.store.enqueue({ tenantId, kind: 'link', partnerId, confirmReplaceOf: confirmReplaceOf ?? null });
      return { kind: 'queued', actionId };
    }
  }

  async unlink(tenantId: string, partnerId: string): Promise<UnlinkOutcome> {
    try {
      return await this.#unlink(tenantId, partnerId);
    } catch (error) {
      if (!(error instanceof AppFailure) || !RETRYABLE_CODES.has(error.code)) throw error;
      const actionId = this.#deps.store.enqueue({ tenantId, kind: 'unlink', partnerId, confirmReplaceOf: null });
      return { kind: 'queued', actionId };
    }
  }

  /** Replays one queued action with the same read-before-write checks; throws retryable failures for the queue to keep it. */
  async replay(action: QueuedAction): Promise<void> {
    if (action.kind === 'link') {
      const outcome = await this.#link(action.tenantId, action.partnerId, action.confirmReplaceOf, action.id);
      if (outcome.kind === 'needs-confirmation') {
        this.#deps.store.markNeedsConfirmation(action.id, `Partner ID ${outcome.otherPartnerId} is linked; confirm to replace it.`);
      }
    } else {
      const outcome = await this.#unlink(action.tenantId, action.partnerId, action.id);
      if (outcome.kind === 'needs-confirmation') {
        this.#deps.store.markNeedsConfirmation(action.id, `Partner ID ${outcome.otherPartnerId} is linked, not ${action.partnerId}.`);
      }
    }
  }

  async #link(tenantId: string, partnerId: string, confirmReplaceOf: string | null, actionId?: string): Promise<LinkOutcome> {
    const api = await this.#deps.linkApiFor(tenantId);
    const flow = await runLink(api, { partnerId, ...(confirmReplaceOf ? { confirmReplaceOf } : {}) });
    this.#deps.store.recordObservation(tenantId, flow.after);
    if (flow.kind === 'needs-confirmation') {
      return { kind: 'needs-confirmation', otherPartnerId: flow.before?.partnerId ?? '', otherPartnerName: flow.before?.partnerName ?? null };
    }
    const action = flow.kind === 'replaced' ? 'replace' : 'link';
    this.#audit(tenantId, action, flow, actionId);
    this.#throwIfUnverified(tenantId, flow, partnerId);
    const readBack = flow.after as PartnerLinkState;
    if (flow.kind === 'already-linked') return { kind: 'already-linked', partnerId, readBack };
    if (flow.kind === 'replaced') return { kind: 'replaced', previousPartnerId: flow.before?.partnerId ?? '', partnerId, readBack };
    return { kind: 'linked', partnerId, readBack };
  }

  async #unlink(tenantId: string, partnerId: string, actionId?: string): Promise<UnlinkOutcome> {
    const api = await this.#deps.linkApiFor(tenantId);
    const flow = await runUnlink(api, { partnerId });
    this.#deps.store.recordObservation(tenantId, flow.after);
    if (flow.kind === 'needs-confirmation') {
      return { kind: 'needs-confirmation', otherPartnerId: flow.before?.partnerId ?? '', otherPartnerName: flow.before?.partnerName ?? null };
    }
    this.#audit(tenantId, 'unlink', flow, actionId);
    this.#throwIfUnverified(tenantId, flow, null);
    return flow.kind === 'not-linked' ? { kind: 'not-linked' } : { kind: 'unlinked', previousPartnerId: partnerId };
  }

  #audit(tenantId: string, action: AuditRecord['action'], flow: FlowResult, actionId: string | undefined): void {
    const outcome = !flow.verified ? 'read-back-mismatch' : flow.kind;
    this.#deps.store.audit(
      {
        tenantId,
        identity: this.#deps.identityLabel(tenantId),
        action,
        before: flow.before?.partnerId ?? null,
        after: flow.after && flow.after.state !== 'Deleted' ? flow.after.partnerId : null,
        outcome,
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

/** Links and unlinks the partner ID for each of our accounts in a tenant: one writer, written ahead, verified, audited, never replacing another partner unasked, queued when offline. */
import type { AccountLinkResult, LinkOutcome, PartnerLinkState, TenantLinkResult, UnlinkOutcome } from '../../shared/pal-types';
import { checkPartnerId } from '../../shared/partner-id';
import { AppFailure } from '../../shared/result';
import type { AuditRecord } from '../domain/audit';
import { identityLabelOf, type TenantIdentity } from '../domain/identity';
import type { LinkObservation } from '../domain/partner-link';
import type { QueuedAction } from '../domain/pending-action';
import type { WriteIntent } from '../domain/write-intent';
import type { WriterLock } from '../writer/writer-lock';
import { runLink, runUnlink, type BeforeWrite, type FlowResult } from './link-flow';
import type { PartnerLinkApi } from './partner-link-api';

/** Failures after which the action is kept and replayed later instead of being reported as failed. */
export const RETRYABLE_CODES = new Set(['offline', 'timeout', 'service-unavailable', 'throttled']);
/** Failures of a write that prove Azure did not apply it (an answer refused it); any other failure leaves its outcome unknown. */
const REFUSED_CODES = new Set(['access-denied', 'conflict', 'invalid-input', 'not-found', 'session-expired']);
/** A Retry-After up to this long is waited for in place (or at the next replay); a longer one holds the queued action until then. */
const HOLD_AFTER_MS = 60_000;

/** When a queued action may be sent again after this retryable failure: Azure's time when it is more than a minute away, else null (at once). */
export function holdUntil(failure: AppFailure, now: number = Date.now()): string | null {
  const retryAt = failure.detail?.retryAt;
  return typeof retryAt === 'string' && Date.parse(retryAt) - now > HOLD_AFTER_MS ? retryAt : null;
}

const CONFIRMED_LATE = 'Confirmed by reading the link back after an unknown outcome (the answer to the write was lost, or PAL Desk stopped).';

/** What the PAL service needs from the inventory. */
export interface PalStore {
  /** Records what Azure said about one account's link. */
  recordObservation(observation: LinkObservation): void;
  /** Stores an action for later, idempotently (held until `notBefore` when Azure asked to wait); returns its id. */
  enqueue(action: Omit<QueuedAction, 'id'>, notBefore?: string | null): string;
  /** Appends an audit entry for a request that needed no write; when `completeActionId` is given, marks that action done in the same transaction. */
  audit(record: AuditRecord, completeActionId?: string): void;
  /** Marks a queued action as needing the person's decision (another partner appeared). */
  markNeedsConfirmation(actionId: string, message: string): void;
  /** Records a write before it is sent (durably); returns its id. */
  beginWrite(intent: Omit<WriteIntent, 'intentId'>): string;
  /** Settles a write: with its audit entry (and its action done) when the tenant received it, without one when it surely did not. */
  settleWrite(intentId: string, audit: AuditRecord | null, completeActionId?: string): void;
  /** Writes of the account whose outcome is unknown. */
  pendingWrites(tenantId: string, identityId: string): WriteIntent[];
  /** Ties the account's unknown-outcome writes to the queued action that will settle them. */
  attachPendingWrites(tenantId: string, identityId: string, actionId: string): void;
}

export interface PalServiceDeps {
  store: PalStore;
  writer: WriterLock;
  /** Our accounts in the tenant, the default first. */
  accounts(tenantId: string): TenantIdentity[];
  /** The named account, or the tenant's default; throws a failure saying what to do when there is none. */
  account(tenantId: string, identityId?: string): TenantIdentity;
  /** The partner-link API of one account in one tenant (tokens are silent: a missing sign-in is a needs-sign-in failure). */
  linkApiFor(tenantId: string, account: TenantIdentity): PartnerLinkApi;
  tenantLabel(tenantId: string): string;
  partnerId(): string | null;
  /** Why a tenant added in another cloud than the running one cannot be linked or unlinked here, else null. */
  otherCloud?(tenantId: string): string | null;
  /** What to say with every link result where Microsoft does not document the Partner Admin Link API in the running cloud, else null. */
  partnerLinkNote?: string | null;
  /** Tells the windows that tenants changed. */
  changed(): void;
}

export interface LinkRequest {
  /** One account; without it, every account of ours in the tenant (each is attributed separately). */
  identityId?: string;
  /** Replace only this other partner ID (the one the person saw and confirmed). */
  confirmReplaceOf?: string;
  /** Cancels the calls, Retry-After waits included (a bulk job's cancel). */
  signal?: AbortSignal;
}

export class PalService {
  readonly #deps: PalServiceDeps;
  /** Writes this process is sending right now: never reconciled from under it. */
  readonly #inFlight = new Set<string>();

  constructor(deps: PalServiceDeps) {
    this.#deps = deps;
  }

  #sameCloud(tenantId: string): void {
    const elsewhere = this.#deps.otherCloud?.(tenantId);
    if (elsewhere) throw new AppFailure('invalid-input', elsewhere);
  }

  #requirePartnerId(): string {
    const id = this.#deps.partnerId();
    if (!id) throw new AppFailure('invalid-partner-id', 'Set your partner ID in Settings before linking.');
    return id;
  }

  /** Links the partner ID for one account or all of ours in the tenant; fails only when every account failed. */
  async link(tenantId: string, request: LinkRequest = {}): Promise<TenantLinkResult> {
    const result = await this.#deps.writer.run(() => this.linkEach(tenantId, request)).finally(() => this.#deps.changed());
    const failed = result.accounts.filter((a) => 'error' in a);
    const [first] = failed;
    if (first && 'error' in first && failed.length === result.accounts.length) throw new AppFailure(first.error.code, first.error.message, first.error.detail);
    return result;
  }

  /** Like `link`, but reports each account's failure in the result instead of failing, and leaves the lock and telling the windows to the caller (bulk work). */
  async linkEach(tenantId: string, request: LinkRequest = {}): Promise<TenantLinkResult> {
    this.#sameCloud(tenantId);
    const partnerId = this.#requirePartnerId();
    const targets = request.identityId ? [this.#deps.account(tenantId, request.identityId)] : this.#deps.accounts(tenantId);
    if (targets.length === 0) this.#deps.account(tenantId);
    const accounts: AccountLinkResult[] = [];
    for (const account of targets) {
      const base = { identityId: account.identityId, account: identityLabelOf(account) };
      try {
        accounts.push({ ...base, outcome: await this.#linkOrQueue(tenantId, account, partnerId, request.confirmReplaceOf ?? null, request.signal) });
      } catch (error) {
        if (!(error instanceof AppFailure)) throw error;
        accounts.push({ ...base, error: { code: error.code, message: error.message, detail: error.detail } });
      }
    }
    return { tenantId, accounts, ...(this.#deps.partnerLinkNote ? { note: this.#deps.partnerLinkNote } : {}) };
  }

  /** Removes a partner ID from one account's link (the tenant's default when none is named). */
  async unlink(tenantId: string, partnerId: string, identityId?: string): Promise<UnlinkOutcome> {
    const check = checkPartnerId(partnerId);
    if (!check.ok) throw new AppFailure('invalid-partner-id', check.message);
    this.#sameCloud(tenantId);
    const account = this.#deps.account(tenantId, identityId);
    return this.#deps.writer
      .run(async (): Promise<UnlinkOutcome> => {
        try {
          return await this.#unlink(tenantId, account, check.partnerId);
        } catch (error) {
          const retryAt = this.#retryable(error);
          if (retryAt === undefined) throw error;
          const actionId = this.#deps.store.enqueue({ tenantId, identityId: account.identityId, kind: 'unlink', partnerId: check.partnerId, confirmReplaceOf: null }, retryAt);
          this.#deps.store.attachPendingWrites(tenantId, account.identityId, actionId);
          return { kind: 'queued', actionId, ...(retryAt ? { retryAt } : {}) };
        }
      })
      .finally(() => this.#deps.changed());
  }

  /** Replays one queued action (the caller holds the writer lock): settles an earlier write first, then the same read-before-write checks; throws retryable failures for the queue to keep it. */
  async replay(action: QueuedAction): Promise<void> {
    const account = this.#deps.account(action.tenantId, action.identityId ?? undefined);
    if (await this.#reconcile(action.tenantId, account, action.id)) return;
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

  /** Settles the account's writes whose outcome is unknown by what Azure shows now (`link`, just read by a sync), when no other process is writing. */
  reconcileObserved(tenantId: string, account: TenantIdentity, link: PartnerLinkState | null): void {
    if (this.#pending(tenantId, account).length === 0) return;
    const release = this.#deps.writer.tryHold();
    if (!release) return;
    try {
      this.#settleByObservation(tenantId, account, link);
    } catch (error) {
      // Another process took the lock over while this one was paused: it settles these writes when it reads the link back.
      if (!(error instanceof AppFailure && error.code === 'writer-lost')) throw error;
    } finally {
      release();
    }
  }

  /** Reads the link when the account has writes of unknown outcome and settles them; true when `actionId`'s write is confirmed. */
  async #reconcile(tenantId: string, account: TenantIdentity, actionId?: string): Promise<boolean> {
    const pending = this.#pending(tenantId, account);
    if (pending.length === 0) return false;
    const { link } = await this.#deps.linkApiFor(tenantId, account).read();
    this.#observe(tenantId, account, link);
    return this.#settleByObservation(tenantId, account, link).includes(actionId ?? '');
  }

  #pending(tenantId: string, account: TenantIdentity): WriteIntent[] {
    return this.#deps.store.pendingWrites(tenantId, account.identityId).filter((i) => !this.#inFlight.has(i.intentId));
  }

  /** Returns the ids of the queued actions whose write is now confirmed. */
  #settleByObservation(tenantId: string, account: TenantIdentity, link: PartnerLinkState | null): string[] {
    const active = link && link.state !== 'Deleted' ? link.partnerId : null;
    const confirmed: string[] = [];
    for (const intent of this.#pending(tenantId, account)) {
      if (active !== intent.requested) {
        this.#deps.store.settleWrite(intent.intentId, null);
        continue;
      }
      const outcome = intent.action === 'unlink' ? 'unlinked' : intent.action === 'replace' ? 'replaced' : 'linked';
      this.#deps.store.settleWrite(intent.intentId, {
        tenantId,
        identity: intent.identity,
        action: intent.action,
        before: intent.before,
        after: intent.requested,
        outcome,
        requestId: null,
        message: CONFIRMED_LATE,
      });
      if (intent.actionId) confirmed.push(intent.actionId);
    }
    return confirmed;
  }

  /** The time Azure asked to wait until (or null) for a failure worth queueing; undefined when the failure is final. */
  #retryable(error: unknown): string | null | undefined {
    if (!(error instanceof AppFailure) || !RETRYABLE_CODES.has(error.code)) return undefined;
    return holdUntil(error);
  }

  async #linkOrQueue(tenantId: string, account: TenantIdentity, partnerId: string, confirmReplaceOf: string | null, signal?: AbortSignal): Promise<LinkOutcome> {
    try {
      await this.#reconcile(tenantId, account);
      return await this.#link(tenantId, account, partnerId, confirmReplaceOf, undefined, signal);
    } catch (error) {
      const retryAt = this.#retryable(error);
      if (retryAt === undefined) throw error;
      const actionId = this.#deps.store.enqueue({ tenantId, identityId: account.identityId, kind: 'link', partnerId, confirmReplaceOf }, retryAt);
      this.#deps.store.attachPendingWrites(tenantId, account.identityId, actionId);
      return { kind: 'queued', actionId, ...(retryAt ? { retryAt } : {}) };
    }
  }

  async #link(tenantId: string, account: TenantIdentity, partnerId: string, confirmReplaceOf: string | null, actionId?: string, signal?: AbortSignal): Promise<LinkOutcome> {
    const intent = this.#writeAhead(tenantId, account, actionId);
    const flow = await intent.run((beforeWrite) =>
      runLink(this.#deps.linkApiFor(tenantId, account), { partnerId, signal, ...(confirmReplaceOf ? { confirmReplaceOf } : {}) }, beforeWrite),
    );
    this.#observe(tenantId, account, flow.after);
    if (flow.kind === 'needs-confirmation') {
      intent.settle(null);
      return { kind: 'needs-confirmation', otherPartnerId: flow.before?.partnerId ?? '', otherPartnerName: flow.before?.partnerName ?? null };
    }
    this.#audit(tenantId, account, flow.kind === 'replaced' ? 'replace' : 'link', flow, actionId, intent);
    this.#throwIfUnverified(tenantId, flow, partnerId);
    const readBack = flow.after as PartnerLinkState;
    if (flow.kind === 'already-linked') return { kind: 'already-linked', partnerId, readBack };
    if (flow.kind === 'replaced') return { kind: 'replaced', previousPartnerId: flow.before?.partnerId ?? '', partnerId, readBack };
    return { kind: 'linked', partnerId, readBack };
  }

  async #unlink(tenantId: string, account: TenantIdentity, partnerId: string, actionId?: string): Promise<UnlinkOutcome> {
    if (!actionId) await this.#reconcile(tenantId, account);
    const intent = this.#writeAhead(tenantId, account, actionId);
    const flow = await intent.run((beforeWrite) => runUnlink(this.#deps.linkApiFor(tenantId, account), { partnerId }, beforeWrite));
    this.#observe(tenantId, account, flow.after);
    if (flow.kind === 'needs-confirmation') {
      return { kind: 'needs-confirmation', otherPartnerId: flow.before?.partnerId ?? '', otherPartnerName: flow.before?.partnerName ?? null };
    }
    this.#audit(tenantId, account, 'unlink', flow, actionId, intent);
    this.#throwIfUnverified(tenantId, flow, null);
    return flow.kind === 'not-linked' ? { kind: 'not-linked' } : { kind: 'unlinked', previousPartnerId: partnerId };
  }

  /**
   * The write-ahead record of one flow: `run` records the intent right before the write leaves; a failure that proves the
   * write was refused settles it at once, any other leaves it pending for reconciliation; `settle` ends it with its audit entry.
   */
  #writeAhead(tenantId: string, account: TenantIdentity, actionId: string | undefined) {
    let intentId: string | null = null;
    const settle = (audit: AuditRecord | null) => {
      if (!intentId) return false;
      this.#deps.store.settleWrite(intentId, audit, actionId);
      this.#inFlight.delete(intentId);
      return true;
    };
    const beforeWrite: BeforeWrite = (action, before, requested) => {
      intentId = this.#deps.store.beginWrite({ tenantId, identityId: account.identityId, identity: identityLabelOf(account), action, before, requested, actionId: actionId ?? null });
      this.#inFlight.add(intentId);
    };
    return {
      settle,
      run: async (flow: (beforeWrite: BeforeWrite) => Promise<FlowResult>): Promise<FlowResult> => {
        try {
          return await flow(beforeWrite);
        } catch (error) {
          if (error instanceof AppFailure && REFUSED_CODES.has(error.code)) settle(null);
          if (intentId) this.#inFlight.delete(intentId);
          throw error;
        }
      },
    };
  }

  #observe(tenantId: string, account: TenantIdentity, link: PartnerLinkState | null): void {
    this.#deps.store.recordObservation({ tenantId, identityId: account.identityId, objectId: account.objectId, link });
  }

  #audit(tenantId: string, account: TenantIdentity, action: AuditRecord['action'], flow: FlowResult, actionId: string | undefined, intent: { settle(a: AuditRecord): boolean }): void {
    const record: AuditRecord = {
      tenantId,
      identity: identityLabelOf(account),
      action,
      before: flow.before?.partnerId ?? null,
      after: flow.after && flow.after.state !== 'Deleted' ? flow.after.partnerId : null,
      outcome: flow.verified ? flow.kind : 'read-back-mismatch',
      requestId: flow.writeRequestId ?? flow.requestIds.at(-1) ?? null,
      message: flow.wrote ? null : 'No write was needed.',
    };
    if (!(flow.wrote && intent.settle(record))) this.#deps.store.audit(record, actionId);
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

/** The link and unlink algorithms: read first, never replace another partner's ID unasked, write, then read back to verify. */
import type { PartnerLinkState } from '../../shared/pal-types';
import { AppFailure } from '../../shared/result';
import type { PartnerLinkApi } from './partner-link-api';

export interface FlowResult {
  kind: 'linked' | 'already-linked' | 'replaced' | 'needs-confirmation' | 'unlinked' | 'not-linked';
  before: PartnerLinkState | null;
  after: PartnerLinkState | null;
  /** True when a write reached ARM (create, update or delete). */
  wrote: boolean;
  /** False when the read-back after a write does not show what was asked for. */
  verified: boolean;
  requestIds: string[];
  /** ARM request id of the write, when there was one. */
  writeRequestId: string | null;
}

export interface LinkRequest {
  partnerId: string;
  /** Cancels the calls, waits included (a write already sent has an unknown outcome). */
  signal?: AbortSignal;
  /** Replace only this other partner ID (the one the person saw and confirmed); any other ID asks again. */
  confirmReplaceOf?: string;
}

/** Called right before a write leaves (write-ahead): what is about to change, from what, to what (null = no link). */
export type BeforeWrite = (action: 'link' | 'replace' | 'unlink', before: string | null, requested: string | null) => void;

const isActive = (link: PartnerLinkState | null): link is PartnerLinkState => link !== null && link.state !== 'Deleted';

export async function runLink(api: PartnerLinkApi, request: LinkRequest, beforeWrite: BeforeWrite = () => undefined): Promise<FlowResult> {
  const ids: string[] = [];
  const track = <T extends { requestId: string | null }>(r: T) => (r.requestId && ids.push(r.requestId), r);
  let writeRequestId: string | null = null;
  const before = track(await api.read(request.signal)).link;
  const current = isActive(before) ? before : null;
  const result = (kind: FlowResult['kind'], after: PartnerLinkState | null, wrote: boolean, verified = true, before = current): FlowResult => ({
    kind,
    before,
    after,
    wrote,
    verified,
    requestIds: ids,
    writeRequestId,
  });

  if (current?.partnerId === request.partnerId) return result('already-linked', current, false);
  if (current && current.partnerId !== request.confirmReplaceOf) return result('needs-confirmation', current, false);

  beforeWrite(current ? 'replace' : 'link', current?.partnerId ?? null, request.partnerId);
  if (current) {
    writeRequestId = track(await api.update(request.partnerId, request.signal)).requestId;
  } else {
    try {
      const created = track(await api.create(request.partnerId, request.signal));
      writeRequestId = created.requestId;
      // A create while another ID is linked has been seen to answer 200 naming the existing ID: treat it as "another partner".
      if (created.link && created.link.partnerId !== request.partnerId) {
        return result('needs-confirmation', created.link, false, true, created.link);
      }
    } catch (error) {
      if (!(error instanceof AppFailure) || error.code !== 'conflict') throw error;
      const read = track(await api.read(request.signal)).link;
      const other = isActive(read) ? read : null;
      return result('needs-confirmation', other, false, true, other);
    }
  }
  const after = track(await api.read(request.signal)).link;
  const verified = isActive(after) && after.partnerId === request.partnerId;
  return result(current ? 'replaced' : 'linked', after, true, verified);
}

export interface UnlinkRequest {
  signal?: AbortSignal;
  /** The partner ID the person agreed to remove; a different linked ID asks again. */
  partnerId: string;
}

export async function runUnlink(api: PartnerLinkApi, request: UnlinkRequest, beforeWrite: BeforeWrite = () => undefined): Promise<FlowResult> {
  const ids: string[] = [];
  const track = <T extends { requestId: string | null }>(r: T) => (r.requestId && ids.push(r.requestId), r);
  const before = track(await api.read(request.signal)).link;
  const current = isActive(before) ? before : null;
  const none = { wrote: false, verified: true, requestIds: ids, writeRequestId: null };
  if (!current) return { kind: 'not-linked', before: null, after: null, ...none };
  if (current.partnerId !== request.partnerId) return { kind: 'needs-confirmation', before: current, after: current, ...none };
  beforeWrite('unlink', current.partnerId, null);
  const writeRequestId = track(await api.remove(current.partnerId, request.signal)).requestId;
  const after = track(await api.read(request.signal)).link;
  return { kind: 'unlinked', before: current, after, wrote: true, verified: !isActive(after), requestIds: ids, writeRequestId };
}

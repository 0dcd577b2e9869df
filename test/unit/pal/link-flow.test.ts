import { describe, expect, it } from 'vitest';
import type { PartnerLinkState } from '../../../src/shared/pal-types';
import { AppFailure } from '../../../src/shared/result';
import { runLink, runUnlink } from '../../../src/main/pal/link-flow';
import type { PartnerLinkApi } from '../../../src/main/pal/partner-link-api';

/** A pure in-memory stand-in for ARM's behaviour, counting writes. */
function fakeArm(initial: string | null, quirks: { createConflicts?: boolean; createKeepsExisting?: boolean; readBack?: string | null } = {}) {
  let linked = initial;
  const writes: string[] = [];
  let n = 0;
  const state = (id: string): PartnerLinkState => ({
    partnerId: id, partnerName: `Partner ${id}`, objectId: 'oid', tenantId: 'tid', state: 'Active', etag: 1, createdTime: null, updatedTime: null,
  });
  const rid = () => `req-${++n}`;
  const api: PartnerLinkApi = {
    read: async () => {
      const id = writes.length > 0 && quirks.readBack !== undefined ? quirks.readBack : linked;
      return { link: id ? state(id) : null, requestId: rid() };
    },
    create: async (id) => {
      if (linked && quirks.createConflicts) throw new AppFailure('conflict', 'conflict');
      if (linked && quirks.createKeepsExisting) return { link: state(linked), requestId: rid() };
      writes.push(`PUT ${id}`);
      linked = id;
      return { link: state(id), requestId: rid() };
    },
    update: async (id) => {
      writes.push(`PATCH ${id}`);
      linked = id;
      return { link: state(id), requestId: rid() };
    },
    remove: async (id) => {
      writes.push(`DELETE ${id}`);
      linked = null;
      return { link: null, requestId: rid() };
    },
  };
  return { api, writes };
}

describe('linking the partner ID', () => {
  it('creates the link when nothing is linked, then verifies it by reading it back', async () => {
    const arm = fakeArm(null);
    const result = await runLink(arm.api, { partnerId: '1234567' });
    expect(result).toMatchObject({ kind: 'linked', wrote: true, verified: true, before: null, after: { partnerId: '1234567' } });
    expect(arm.writes).toEqual(['PUT 1234567']);
    expect(result.requestIds).toEqual(['req-1', 'req-2', 'req-3']);
  });

  it('does nothing when the same ID is already linked', async () => {
    const arm = fakeArm('1234567');
    expect(await runLink(arm.api, { partnerId: '1234567' })).toMatchObject({ kind: 'already-linked', wrote: false });
    expect(arm.writes).toEqual([]);
  });

  it('stops and names the other partner when another ID is linked', async () => {
    const arm = fakeArm('7654321');
    expect(await runLink(arm.api, { partnerId: '1234567' })).toMatchObject({ kind: 'needs-confirmation', before: { partnerId: '7654321' }, wrote: false });
    expect(arm.writes).toEqual([]);
  });

  it('replaces the other ID only after the person confirmed that exact ID', async () => {
    const arm = fakeArm('7654321');
    expect(await runLink(arm.api, { partnerId: '1234567', confirmReplaceOf: '1111111' })).toMatchObject({ kind: 'needs-confirmation' });
    expect(arm.writes).toEqual([]);
    expect(await runLink(arm.api, { partnerId: '1234567', confirmReplaceOf: '7654321' })).toMatchObject({
      kind: 'replaced',
      before: { partnerId: '7654321' },
      after: { partnerId: '1234567' },
      verified: true,
    });
    expect(arm.writes).toEqual(['PATCH 1234567']);
  });

  it('treats a create conflict as another partner being linked', async () => {
    const arm = fakeArm('7654321', { createConflicts: true });
    let reads = 0;
    const api = { ...arm.api, read: async () => (reads++ === 0 ? { link: null, requestId: 'r0' } : arm.api.read()) };
    expect(await runLink(api, { partnerId: '1234567' })).toMatchObject({ kind: 'needs-confirmation', before: { partnerId: '7654321' } });
    expect(arm.writes).toEqual([]);
  });

  it('treats a create answered with the existing ID as another partner being linked', async () => {
    const arm = fakeArm('7654321', { createKeepsExisting: true });
    let reads = 0;
    const api = { ...arm.api, read: async () => (reads++ === 0 ? { link: null, requestId: 'r0' } : arm.api.read()) };
    expect(await runLink(api, { partnerId: '1234567' })).toMatchObject({ kind: 'needs-confirmation', before: { partnerId: '7654321' } });
  });

  it('reports a read-back that does not show the new ID as unverified', async () => {
    const arm = fakeArm(null, { readBack: '9999999' });
    expect(await runLink(arm.api, { partnerId: '1234567' })).toMatchObject({ kind: 'linked', wrote: true, verified: false, after: { partnerId: '9999999' } });
  });
});

describe('removing the link', () => {
  it('deletes our link and verifies it is gone', async () => {
    const arm = fakeArm('1234567');
    expect(await runUnlink(arm.api, { partnerId: '1234567' })).toMatchObject({ kind: 'unlinked', verified: true, before: { partnerId: '1234567' } });
    expect(arm.writes).toEqual(['DELETE 1234567']);
  });

  it('reports when nothing is linked, without writing', async () => {
    const arm = fakeArm(null);
    expect(await runUnlink(arm.api, { partnerId: '1234567' })).toMatchObject({ kind: 'not-linked', wrote: false });
    expect(arm.writes).toEqual([]);
  });

  it('never removes a partner ID other than the one the person confirmed', async () => {
    const arm = fakeArm('7654321');
    expect(await runUnlink(arm.api, { partnerId: '1234567' })).toMatchObject({ kind: 'needs-confirmation', before: { partnerId: '7654321' } });
    expect(arm.writes).toEqual([]);
  });
});

import { describe, expect, expectTypeOf, it } from 'vitest';
import { BRIDGE_MAP, buildBridge, EVENT_NAMES, type BridgeMapShape } from '../../../src/shared/bridge-map';
import { INVOKE_CHANNELS, type EventName } from '../../../src/shared/ipc-contract';

const bridge = buildBridge(async () => ({ ok: true, value: null }), () => () => {});

describe('bridge map (checked by tsc, which includes test/)', () => {
  it('names only channels of the contract, each at most once', () => {
    const channels = Object.values(BRIDGE_MAP).flatMap((methods) => Object.values(methods));
    for (const channel of channels) expect(Object.keys(INVOKE_CHANNELS)).toContain(channel);
    expect(new Set(channels).size).toBe(channels.length);
  });

  it('does not compile a bridge map entry that names a channel outside the contract', () => {
    // @ts-expect-error 'tenants:lst' is not a contract channel
    const wrong = { tenants: { list: 'tenants:lst' } } as const satisfies BridgeMapShape;
    expect(wrong.tenants.list).toBe('tenants:lst');
  });

  it('does not compile a bridge call whose payload does not match its channel schema', async () => {
    // @ts-expect-error partnerId must be a string
    await bridge.settings.setPartnerId({ partnerId: 1234567 });
    // @ts-expect-error tenants.add takes { query }, not { domain }
    await bridge.tenants.add({ domain: 'contoso.com' });
    // @ts-expect-error app.info takes no request
    await bridge.app.info({ verbose: true });
    // @ts-expect-error there is no flat method any more: calls go through their area
    await bridge.listTenants?.();
    expectTypeOf(bridge.jobs.sync).parameter(0).toEqualTypeOf<{ tenantIds?: string[] | undefined }>();
  });

  it('lists every contract event, and only those, as subscribable', () => {
    expectTypeOf<(typeof EVENT_NAMES)[number]>().toEqualTypeOf<EventName>();
    expect(new Set(EVENT_NAMES).size).toBe(EVENT_NAMES.length);
  });
});

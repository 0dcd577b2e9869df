import { describe, expect, it } from 'vitest';
import { offlineSince } from '../../../src/renderer/state/offline-since';

const at = (time: string) => `2026-11-25T${time}:00.000Z`;

describe('when the offline banner says PAL Desk went offline', () => {
  it('is online (no banner) while the cloud answers and the browser has the network', () => {
    expect(offlineSince(null, null)).toBeNull();
    expect(offlineSince({ online: true, since: at('10:00'), host: null }, null)).toBeNull();
  });

  it("takes the cloud's time when only the cloud is unreachable, and the browser's when only the network is lost", () => {
    expect(offlineSince({ online: false, since: at('10:42'), host: 'management.azure.com' }, null)).toBe(at('10:42'));
    expect(offlineSince({ online: true, since: at('10:00'), host: null }, at('10:50'))).toBe(at('10:50'));
  });

  it('takes the earlier of the two when both say offline', () => {
    expect(offlineSince({ online: false, since: at('10:42'), host: 'management.azure.com' }, at('10:50'))).toBe(at('10:42'));
    expect(offlineSince({ online: false, since: at('10:55'), host: 'management.azure.com' }, at('10:50'))).toBe(at('10:50'));
  });
});

import { describe, expect, it } from 'vitest';
import { columnsFor } from '../../../src/renderer/components/grid-columns';

describe('the tenant grid drops low-priority columns when narrow instead of overlapping them', () => {
  it.each<[number, string[]]>([
    [1400, ['customer', 'accounts', 'pal', 'attributed', 'needs-sign-in', 'pending', 'last-synced']],
    [1000, ['customer', 'accounts', 'pal', 'attributed', 'needs-sign-in', 'last-synced']],
    [900, ['customer', 'accounts', 'pal', 'attributed', 'needs-sign-in']],
    [640, ['customer', 'accounts', 'pal']],
    [500, ['customer', 'pal']],
    [200, ['customer', 'pal']],
  ])('at %i px it shows %j', (width, expected) => {
    expect(columnsFor(width).map((c) => c.id)).toEqual(expected);
  });
});

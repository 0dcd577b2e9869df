import { describe, expect, it } from 'vitest';
import { compactAuditFilter, dayRange } from '../../../src/shared/audit-filter';

describe('audit log filter', () => {
  it('drops the empty parts, so an unfiltered request carries no filter at all', () => {
    expect(compactAuditFilter({ tenant: '  ', actions: [], outcomes: [], from: '', to: undefined })).toEqual({});
    expect(compactAuditFilter({ tenant: ' Contoso ', outcomes: ['linked'] })).toEqual({ tenant: 'Contoso', outcomes: ['linked'] });
  });

  it('turns picked days into the instants from the first day’s local midnight to the end of the last day', () => {
    const range = dayRange('2026-11-01', '2026-11-03');
    expect(range.from).toBe(new Date(2026, 10, 1).toISOString());
    expect(range.to).toBe(new Date(2026, 10, 4).toISOString());
  });

  it('leaves an open end when a day is not picked or not a real date', () => {
    expect(dayRange('', '2026-11-03')).toEqual({ to: new Date(2026, 10, 4).toISOString() });
    expect(dayRange('2026-11-01', 'soon')).toEqual({ from: new Date(2026, 10, 1).toISOString() });
    expect(dayRange('2026-13-45', '')).toEqual({});
  });
});

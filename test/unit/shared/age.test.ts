import { describe, expect, it } from 'vitest';
import { formatAge } from '../../../src/shared/age';

const now = Date.parse('2026-11-24T12:00:00Z');
const ago = (ms: number) => new Date(now - ms).toISOString();

describe('age of a fact', () => {
  it('says how long ago something was seen, in words', () => {
    expect(formatAge(ago(10_000), now)).toBe('just now');
    expect(formatAge(ago(5 * 60_000), now)).toBe('5 min ago');
    expect(formatAge(ago(3 * 3_600_000), now)).toBe('3 h ago');
    expect(formatAge(ago(86_400_000), now)).toBe('1 day ago');
    expect(formatAge(ago(10 * 86_400_000), now)).toBe('10 days ago');
    expect(formatAge(ago(120 * 86_400_000), now)).toBe('4 months ago');
  });

  it('says "never" for a fact never seen and "unknown" for an unreadable time', () => {
    expect(formatAge(null, now)).toBe('never');
    expect(formatAge('yesterday-ish', now)).toBe('unknown');
  });

  it('treats a clock slightly ahead as just now rather than a negative age', () => {
    expect(formatAge(new Date(now + 5_000).toISOString(), now)).toBe('just now');
  });
});

import { describe, expect, it } from 'vitest';
import { checkPartnerId } from '../../../src/shared/partner-id';

describe('partner ID validation', () => {
  it('accepts a 7-digit MPN ID and trims surrounding spaces', () => {
    expect(checkPartnerId('  5127255 ')).toEqual({ ok: true, partnerId: '5127255' });
  });

  it('accepts the 5- and 6-digit IDs seen in real recordings', () => {
    expect(checkPartnerId('12345').ok).toBe(true);
    expect(checkPartnerId('123456').ok).toBe(true);
  });

  it('asks for the ID when the field is empty', () => {
    const check = checkPartnerId('   ');
    expect(check.ok).toBe(false);
    expect(!check.ok && check.message).toMatch(/Enter your partner ID/);
  });

  it('explains that letters, dashes and spaces inside are not allowed', () => {
    for (const bad of ['12a45', '123-456', '123 456', 'MPN123456', '١٢٣٤٥']) {
      const check = checkPartnerId(bad);
      expect(check.ok, bad).toBe(false);
      expect(!check.ok && check.message).toMatch(/digits only/);
    }
  });

  it('refuses IDs that are too short or too long, saying how many digits it has', () => {
    const short = checkPartnerId('123');
    expect(!short.ok && short.message).toMatch(/has 3/);
    const long = checkPartnerId('12345678901');
    expect(!long.ok && long.message).toMatch(/has 11/);
  });
});

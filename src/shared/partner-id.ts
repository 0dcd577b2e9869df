/** Partner ID (Associated / Location MPN ID) validation: digits only, trimmed, a sensible length. */

export const PARTNER_ID_MIN_DIGITS = 4;
export const PARTNER_ID_MAX_DIGITS = 10;

export type PartnerIdCheck = { ok: true; partnerId: string } | { ok: false; message: string };

/** Normalises what a person typed into a partner ID, or explains what is wrong with it. */
export function checkPartnerId(input: string): PartnerIdCheck {
  const value = input.trim();
  if (value === '') {
    return { ok: false, message: 'Enter your partner ID: the Associated (Location) MPN ID shown in Partner Center.' };
  }
  if (!/^\d+$/.test(value)) {
    return {
      ok: false,
      message: `"${value.slice(0, 40)}" is not a partner ID: use digits only (for example 1234567), without spaces, letters or dashes.`,
    };
  }
  if (value.length < PARTNER_ID_MIN_DIGITS || value.length > PARTNER_ID_MAX_DIGITS) {
    return {
      ok: false,
      message: `A partner ID has ${PARTNER_ID_MIN_DIGITS} to ${PARTNER_ID_MAX_DIGITS} digits; "${value}" has ${value.length}. Copy the Associated MPN ID from Partner Center.`,
    };
  }
  return { ok: true, partnerId: value };
}

// Money input: the user types major units ("1,250,000.50"); the back end stores integer minor
// units (125000050 cents). Converted with string arithmetic, so no float rounding creeps in.
import { currencyMinorDigits } from '../../shared/format';

export type ParseResult = { ok: true; value: number | null } | { ok: false; message: string };

const AMOUNT = /^(-?)(\d+)(?:\.(\d*))?$/;

/**
 * Parses an amount typed in major units into minor units of `currency`.
 * Empty -> null (no value). Group separators (`,` space `_` `'`) are ignored; `.` is the decimal point.
 */
export function parseMajorToMinor(text: string, currency: string): ParseResult {
  const cleaned = text.trim().replace(/[\s,_'\u00a0\u202f]/g, '');
  if (cleaned === '') return { ok: true, value: null };
  const m = AMOUNT.exec(cleaned);
  if (!m) return { ok: false, message: 'Enter an amount in digits, like 1250000 or 1,250,000.50' };
  const digits = currencyMinorDigits(currency);
  const [, sign, whole, frac = ''] = m;
  if (frac.length > digits) {
    return {
      ok: false,
      message: digits === 0 ? `${currency.toUpperCase()} amounts have no decimals` : `At most ${digits} decimals for ${currency.toUpperCase()}`,
    };
  }
  const minorText = (whole ?? '0') + frac.padEnd(digits, '0');
  const value = Number(minorText);
  if (!Number.isSafeInteger(value)) return { ok: false, message: 'That amount is too large' };
  return { ok: true, value: sign === '-' && value !== 0 ? -value : value };
}

/** Minor units -> the text an input shows ("1,250,000.50"; whole amounts without decimals). */
export function minorToMajorInput(minor: number | null | undefined, currency: string): string {
  if (minor === null || minor === undefined || !Number.isFinite(minor)) return '';
  const digits = currencyMinorDigits(currency);
  const negative = minor < 0;
  const abs = Math.abs(Math.trunc(minor));
  const scale = 10 ** digits;
  const whole = Math.floor(abs / scale);
  const frac = abs % scale;
  const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fracText = digits > 0 && frac !== 0 ? '.' + String(frac).padStart(digits, '0') : '';
  return `${negative ? '-' : ''}${grouped}${fracText}`;
}

/** A whole number typed by the user (employees): empty -> null. */
export function parseWholeNumber(text: string): ParseResult {
  const cleaned = text.trim().replace(/[\s,_'\u00a0\u202f]/g, '');
  if (cleaned === '') return { ok: true, value: null };
  if (!/^\d+$/.test(cleaned)) return { ok: false, message: 'Enter a whole number, like 12000' };
  const value = Number(cleaned);
  if (!Number.isSafeInteger(value)) return { ok: false, message: 'That number is too large' };
  return { ok: true, value };
}

// Amounts typed by people, in major units of a currency, to and from the integer minor units
// the back end stores. Parsing is exact (string arithmetic, no floating point) and lenient about
// how people write numbers: "1,250,000.50", "1.250.000,50", "1 250 000", "€1,250,000", "1250000".
import { currencyMinorDigits, displayLocale, formatMoney } from './format';

export { displayLocale } from './format';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

interface Separators {
  decimal: string;
  group: string;
}

const separatorCache = new Map<string, Separators>();

/** The locale's decimal and grouping characters ("." and "," in en, "," and "." in de). */
export function localeSeparators(locale: string | undefined = displayLocale()): Separators {
  const key = locale ?? '';
  let seps = separatorCache.get(key);
  if (!seps) {
    let decimal = '.';
    let group = ',';
    try {
      for (const part of new Intl.NumberFormat(locale).formatToParts(1234567.5)) {
        if (part.type === 'decimal') decimal = part.value;
        if (part.type === 'group') group = part.value;
      }
    } catch {
      // unknown locale: keep the defaults
    }
    seps = { decimal, group };
    separatorCache.set(key, seps);
  }
  return seps;
}

/** "1,250,000" in the user's locale: the example our messages show. */
export function amountExample(locale: string | undefined = displayLocale()): string {
  try {
    return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(1250000);
  } catch {
    return '1,250,000';
  }
}

// Characters people use to group digits besides "." and ",": spaces of every width, apostrophes.
const GROUP_SPACES = /[\s\u00a0\u202f\u2009\u2007'\u2019]/g;
const MINUS = /^[-\u2212]/;

/**
 * Parses an amount typed in major units into minor units of `currency`.
 * Empty text is zero. A leading minus is kept (the back end says whether negatives are allowed).
 * Letters, more decimals than the currency has, and absurd magnitudes are refused with a
 * message the user can act on.
 */
export function parseMoney(text: string, currency: string, locale: string | undefined = displayLocale()): Parsed<number> {
  const code = currency.trim().toUpperCase();
  const digits = currencyMinorDigits(code);
  const example = amountExample(locale);
  const refuse = (): Parsed<number> => ({ ok: false, message: `Enter an amount like ${example}` });

  let s = text.trim();
  if (s === '') return { ok: true, value: 0 };
  // The currency itself may be typed: a code ("EUR 12", "12 eur") or any currency sign.
  if (code) s = s.replace(new RegExp(`\\b${code}\\b`, 'gi'), '');
  s = s.replace(/\p{Sc}/gu, '').trim();
  let negative = false;
  if (MINUS.test(s)) {
    negative = true;
    s = s.slice(1).trim();
  } else if (s.startsWith('+')) {
    s = s.slice(1).trim();
  }
  s = s.replace(GROUP_SPACES, '');
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return refuse();

  const decimalSep = decimalSeparatorOf(s, localeSeparators(locale).decimal);
  let intPart = s;
  let fracPart = '';
  if (decimalSep) {
    const at = s.lastIndexOf(decimalSep);
    if (s.indexOf(decimalSep) !== at) return refuse();
    intPart = s.slice(0, at);
    fracPart = s.slice(at + 1);
    if (/[.,]/.test(fracPart)) return refuse();
  }
  intPart = intPart.replace(/[.,]/g, '');
  if (intPart === '' && fracPart === '') return refuse();
  if (fracPart.length > digits) {
    return {
      ok: false,
      message:
        digits === 0
          ? `${code} amounts have no decimals: enter a whole amount like ${example}`
          : `${code} amounts have at most ${digits} decimal${digits === 1 ? '' : 's'}`,
    };
  }
  const minor = BigInt(intPart || '0') * 10n ** BigInt(digits) + BigInt(fracPart.padEnd(digits, '0') || '0');
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) {
    return { ok: false, message: 'That amount is too large' };
  }
  const value = Number(minor);
  return { ok: true, value: negative && value !== 0 ? -value : value };
}

/**
 * Which of "." and "," (if any) separates decimals in `s` (digits, "." and "," only):
 * - both present: the last one;
 * - one of them, several times: grouping, so no decimals;
 * - one of them, once: the locale's decimal separator is taken as decimal; the other one is
 *   grouping when exactly three digits follow it ("1,250" in English, "1.250" in German),
 *   otherwise decimal ("12,5").
 */
function decimalSeparatorOf(s: string, localeDecimal: string): string | null {
  const dot = s.lastIndexOf('.');
  const comma = s.lastIndexOf(',');
  if (dot >= 0 && comma >= 0) return dot > comma ? '.' : ',';
  const sep = dot >= 0 ? '.' : comma >= 0 ? ',' : null;
  if (!sep) return null;
  if (s.indexOf(sep) !== s.lastIndexOf(sep)) return null;
  if (sep === localeDecimal) return sep;
  const after = s.length - s.indexOf(sep) - 1;
  return after === 3 ? null : sep;
}

/**
 * An amount as the user edits it: major units with the locale's grouping and no currency sign,
 * decimals only when there are any ("1,250,000", "1,250,000.50").
 */
export function formatMoneyForEdit(minor: number, currency: string, locale: string | undefined = displayLocale()): string {
  const digits = currencyMinorDigits(currency.trim().toUpperCase());
  const scale = 10 ** digits;
  const whole = minor % scale === 0;
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: whole ? 0 : digits,
    maximumFractionDigits: digits,
  }).format(minor / scale);
}

const displayFormatters = new Map<string, Intl.NumberFormat | null>();

/**
 * An amount as shown when not being edited, in the currency's format without decimals when it
 * is whole: "€1,250,000", "€1,250,000.50", "¥1,234". Unknown currency codes fall back to the
 * shared money format.
 */
export function formatMoneyForDisplay(minor: number, currency: string, locale: string | undefined = displayLocale()): string {
  const code = currency.trim().toUpperCase();
  const digits = currencyMinorDigits(code);
  const scale = 10 ** digits;
  const whole = minor % scale === 0;
  const key = `${locale ?? ''}|${code}|${whole}`;
  let fmt = displayFormatters.get(key);
  if (fmt === undefined) {
    try {
      fmt = new Intl.NumberFormat(locale, {
        style: 'currency',
        currency: code,
        minimumFractionDigits: whole ? 0 : digits,
        maximumFractionDigits: digits,
      });
    } catch {
      fmt = null;
    }
    displayFormatters.set(key, fmt);
  }
  return fmt ? fmt.format(minor / scale) : formatMoney(minor, currency, locale);
}

/**
 * A whole number typed by people (percentages, counts). Empty text gives `empty` when that is
 * allowed (null for "not set"), otherwise a message. Values outside [min, max] are refused here
 * only when they could not even be sent (the back end owns the business range).
 */
export function parseWholeNumber(
  text: string,
  opts: { min?: number; max?: number; empty?: number | null; example?: string } = {},
): Parsed<number | null> {
  const s = text.trim().replace(/%$/, '').trim();
  const example = opts.example ?? '25';
  if (s === '') {
    if (opts.empty !== undefined) return { ok: true, value: opts.empty };
    return { ok: false, message: `Enter a whole number like ${example}` };
  }
  const m = /^([-\u2212+]?)(\d+)$/.exec(s);
  if (!m) return { ok: false, message: `Enter a whole number like ${example}` };
  const value = Number(m[2]) * (m[1] === '-' || m[1] === '\u2212' ? -1 : 1);
  const min = opts.min ?? Number.MIN_SAFE_INTEGER;
  const max = opts.max ?? Number.MAX_SAFE_INTEGER;
  if (value < min || value > max) {
    return { ok: false, message: `Enter a whole number from ${min} to ${max}` };
  }
  return { ok: true, value };
}

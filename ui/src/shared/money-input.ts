// Amounts typed by people, in major units of a currency, to and from the integer minor units
// the back end stores. Parsing is exact (string arithmetic, no floating point) and lenient about
// how people write numbers: "1,250,000.50", "1.250.000,50", "1 250 000", "€1,250,000", "1250000".
// This is the one money parser of the app: every money field reads its text here, in the
// locale of displayLocale(), with the currency's digits as the core has them.
import { currencyMinorDigits, displayLocale, formatMinorUnits, formatMoney } from './format';

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
        if (part.type === 'decimal') decimal = part.value === ARABIC_DECIMAL ? '.' : part.value;
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

const examples = new Map<string, string>();

/** "1,250,000" in the user's locale: the example our messages show. */
export function amountExample(locale: string | undefined = displayLocale()): string {
  const key = locale ?? '';
  let example = examples.get(key);
  if (example === undefined) {
    try {
      example = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(1250000);
    } catch {
      example = '1,250,000';
    }
    examples.set(key, example);
  }
  return example;
}

// Characters people use to group digits besides "." and ",": spaces of every width,
// apostrophes, the Arabic thousands separator.
const GROUP_SPACES = /[\s\u00a0\u202f\u2009\u2007'\u2019\u066c]/g;
// The Arabic decimal separator (Arabic, Persian, Urdu): unambiguous, read as ".".
const ARABIC_DECIMAL = '\u066b';

/**
 * `text` with every decimal digit in ASCII ("١٢٥٠", "१२५०", "๑๒๕๐" -> "1250"). Unicode encodes
 * each script's digits as one run from 0 to 9, so a digit's value is its distance from the
 * start of its run, modulo 10.
 */
function asciiDigits(text: string): string {
  return text.replace(/\p{Nd}/gu, (digit) => {
    const code = digit.codePointAt(0)!;
    let start = code;
    while (/\p{Nd}/u.test(String.fromCodePoint(start - 1))) start -= 1;
    return String((code - start) % 10);
  });
}

/**
 * Typed or pasted text in one form: full-width forms to ASCII (NFKC, for Japanese and Chinese
 * input methods), every script's digits to ASCII, the Arabic decimal separator to ".", and no
 * invisible direction marks (Intl puts them around Arabic and Persian amounts).
 */
function normaliseNumberText(text: string): string {
  return asciiDigits(text.normalize('NFKC'))
    .replace(/\p{Cf}/gu, '')
    .split(ARABIC_DECIMAL)
    .join('.');
}
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

  let s = normaliseNumberText(text).trim();
  if (s === '') return { ok: true, value: 0 };
  // The currency itself may be typed or pasted along: a code ("EUR 12", "12 eur"), the sign
  // this locale writes for it ("R$", "CA$", "Cg." are not all currency characters), any
  // currency sign.
  if (/^[A-Z]{3}$/.test(code)) s = s.replace(new RegExp(`\\b${code}\\b`, 'gi'), '');
  s = stripCurrencySymbol(s.trim(), code, locale);
  s = s.replace(/\p{Sc}/gu, '').trim();
  let negative = false;
  if (MINUS.test(s)) {
    negative = true;
    s = s.slice(1).trim();
  } else if (s.startsWith('+')) {
    s = s.slice(1).trim();
  }
  const parts = splitAmount(s, localeSeparators(locale).decimal);
  if (!parts) return refuse();
  const { whole, fraction } = parts;
  if (fraction.length > digits) {
    return {
      ok: false,
      message:
        digits === 0
          ? `${code} amounts have no decimals: enter a whole amount like ${example}`
          : `${code} amounts have at most ${digits} decimal${digits === 1 ? '' : 's'}`,
    };
  }
  const minor = BigInt(whole || '0') * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, '0') || '0');
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) {
    return { ok: false, message: 'That amount is too large' };
  }
  const value = Number(minor);
  return { ok: true, value: negative && value !== 0 ? -value : value };
}

const symbolCache = new Map<string, string[]>();

/** The signs `locale` writes for `currency` ("CA$" and "$" for CAD in en-US), longest first. */
function currencySymbols(currency: string, locale: string | undefined): string[] {
  const key = `${locale ?? ''}|${currency}`;
  let symbols = symbolCache.get(key);
  if (!symbols) {
    const found = new Set<string>();
    for (const currencyDisplay of ['symbol', 'narrowSymbol'] as const) {
      try {
        const parts = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay }).formatToParts(1);
        for (const part of parts) {
          // Normalised as typed text is ("F\u202fCFA" -> "F CFA").
          const symbol = normaliseNumberText(part.value).trim();
          if (part.type === 'currency' && symbol) found.add(symbol);
        }
      } catch {
        // a malformed code or an engine without narrowSymbol: nothing to strip
      }
    }
    symbols = [...found].sort((a, b) => b.length - a.length);
    symbolCache.set(key, symbols);
  }
  return symbols;
}

/**
 * `s` without the currency's sign at its start or end, where formatted amounts put it; a minus
 * may stand on either side of the sign ("-R$1,234.50", "R$-1'234.50").
 */
function stripCurrencySymbol(s: string, currency: string, locale: string | undefined): string {
  if (!currency) return s;
  const sign = /^[-\u2212+]/.exec(s)?.[0] ?? '';
  let rest = s.slice(sign.length).trim();
  for (const symbol of currencySymbols(currency, locale)) {
    if (rest.startsWith(symbol)) {
      rest = rest.slice(symbol.length).trim();
      break;
    }
    if (rest.endsWith(symbol)) {
      rest = rest.slice(0, -symbol.length).trim();
      break;
    }
  }
  return sign + rest;
}

/** Whole and fraction digits of a number's text; see splitAmount. */
interface AmountParts {
  whole: string;
  fraction: string;
  hasDecimalSeparator: boolean;
}

const SEPARATOR_PATTERN: Record<string, string> = { ' ': ' ', '.': '\\.', ',': ',' };

/**
 * Splits the text of an unsigned number (digits, "." and ",", spaces or apostrophes between
 * digit groups) into whole and fraction digits. Null when it is not a number as people write
 * one: no digit, two decimal separators, a separator among the decimals, grouping characters
 * mixed, or groups of other sizes than 3 (or the Indian 2-2-3: "12,50,000"), so "1.2.3" or
 * "1,2,3" is refused rather than read as 123.
 */
function splitAmount(text: string, localeDecimal: string): AmountParts | null {
  const s = text.replace(GROUP_SPACES, ' ').replace(/ +/g, ' ').trim();
  if (!/^[\d., ]*\d[\d., ]*$/.test(s)) return null;
  const decimalSep = decimalSeparatorOf(s.replace(/ /g, ''), localeDecimal);
  let wholeText = s;
  let fraction = '';
  if (decimalSep) {
    const at = s.lastIndexOf(decimalSep);
    if (s.indexOf(decimalSep) !== at) return null;
    wholeText = s.slice(0, at).trimEnd();
    fraction = s.slice(at + 1).trimStart();
    if (!/^\d*$/.test(fraction)) return null;
  }
  if (!/^\d*$/.test(wholeText)) {
    const separators = new Set(wholeText.replace(/\d/g, ''));
    if (separators.size !== 1) return null;
    const sep = SEPARATOR_PATTERN[[...separators][0]!]!;
    const thousands = new RegExp(`^\\d{1,3}(?:${sep}\\d{3})+$`);
    const indian = new RegExp(`^\\d{1,2}(?:${sep}\\d{2})*${sep}\\d{3}$`);
    if (!thousands.test(wholeText) && !indian.test(wholeText)) return null;
  }
  return { whole: wholeText.replace(/\D/g, ''), fraction, hasDecimalSeparator: decimalSep !== null };
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

const editFormatters = new Map<string, Intl.NumberFormat>();

/**
 * An amount as the user edits it: major units with the locale's grouping and no currency sign,
 * decimals only when there are any ("1,250,000", "1,250,000.50").
 */
export function formatMoneyForEdit(minor: number, currency: string, locale: string | undefined = displayLocale()): string {
  const digits = currencyMinorDigits(currency.trim().toUpperCase());
  const whole = minor % 10 ** digits === 0;
  const key = `${locale ?? ''}|${digits}|${whole}`;
  let fmt = editFormatters.get(key);
  if (!fmt) {
    fmt = new Intl.NumberFormat(locale, { minimumFractionDigits: whole ? 0 : digits, maximumFractionDigits: digits });
    editFormatters.set(key, fmt);
  }
  return formatMinorUnits(fmt, minor, digits);
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
  return fmt ? formatMinorUnits(fmt, minor, digits) : formatMoney(minor, currency, locale);
}

/**
 * A whole number typed by people (percentages, counts). Empty text gives `empty` when that is
 * allowed (null for "not set"), otherwise a message. Values outside [min, max] are refused here
 * only when they could not even be sent (the back end owns the business range). With
 * `grouped`, digits may be grouped as the locale does ("12,000", "12.000" in German, "12 000"),
 * read by the same rule as amounts; a decimal part is refused.
 */
export function parseWholeNumber(
  text: string,
  opts: { min?: number; max?: number; empty?: number | null; example?: string; grouped?: boolean; locale?: string } = {},
): Parsed<number | null> {
  let s = normaliseNumberText(text).trim().replace(/%$/, '').trim();
  const example = opts.example ?? '25';
  const refuse = (): Parsed<number | null> => ({ ok: false, message: `Enter a whole number like ${example}` });
  if (s === '') {
    if (opts.empty !== undefined) return { ok: true, value: opts.empty };
    return refuse();
  }
  if (opts.grouped) {
    const sign = /^[-\u2212+]/.exec(s)?.[0] ?? '';
    const locale = 'locale' in opts ? opts.locale : displayLocale();
    const parts = splitAmount(s.slice(sign.length), localeSeparators(locale).decimal);
    if (!parts || parts.hasDecimalSeparator) return refuse();
    s = sign + parts.whole;
  }
  const m = /^([-\u2212+]?)(\d+)$/.exec(s);
  if (!m) return refuse();
  const value = Number(m[2]) * (m[1] === '-' || m[1] === '\u2212' ? -1 : 1);
  const min = opts.min ?? Number.MIN_SAFE_INTEGER;
  const max = opts.max ?? Number.MAX_SAFE_INTEGER;
  if (value < min || value > max) {
    return { ok: false, message: `Enter a whole number from ${min} to ${max}` };
  }
  return { ok: true, value };
}

// Display formatting. Money travels as integer minor units (cents) plus an ISO 4217 code.
import { CURRENCY_MINOR_DIGITS } from '../ipc/bindings/currencies';

const EM_DASH = '\u2014';

// Building an Intl formatter costs far more than using one (tens of microseconds in WebKit):
// tables format hundreds of cells per frame while scrolling, so formatters are built once.
const formatterCache = new Map<string, { format(value: never): string }>();
function cachedFormat<F extends { format(value: never): string }>(key: string, make: () => F): F {
  let f = formatterCache.get(key) as F | undefined;
  if (!f) {
    f = make();
    formatterCache.set(key, f);
  }
  return f;
}

/**
 * The locale to format and read numbers in: the webview's language (navigator.language, which
 * WebKit takes from LANG / LC_ALL), so an app started with LANG=de_DE.UTF-8 shows "1.250,50"
 * and reads what Germans type. A "C"/POSIX environment resolves to en-US-u-va-posix, which
 * writes 1250000 without grouping; people get en-US there instead. undefined = the runtime
 * default (no navigator, or a language tag Intl cannot use).
 */
export function displayLocale(): string | undefined {
  const language = typeof navigator === 'undefined' ? undefined : navigator.language;
  if (displayLocaleFor === null || language !== displayLocaleFor.language) {
    displayLocaleFor = { language, locale: resolveDisplayLocale(language) };
  }
  return displayLocaleFor.locale;
}
// Remembered per language, so a 'languagechange' (and a test) takes effect at the next call.
let displayLocaleFor: { language: string | undefined; locale: string | undefined } | null = null;

function resolveDisplayLocale(language: string | undefined): string | undefined {
  // "de_DE.UTF-8" and "de-DE@euro" are POSIX spellings; Intl wants "de-DE".
  const cleaned = (language ?? '').replace(/[.@].*$/, '').replace(/_/g, '-');
  if (/^(?:c|posix)$/i.test(cleaned)) return 'en-US';
  let tag: string | undefined;
  try {
    tag = cleaned ? Intl.getCanonicalLocales(cleaned)[0] : undefined;
  } catch {
    tag = undefined;
  }
  let resolved = '';
  try {
    resolved = new Intl.NumberFormat(tag).resolvedOptions().locale;
  } catch {
    return undefined;
  }
  return /-u-(?:.*-)?va-posix/i.test(resolved) ? 'en-US' : tag;
}

/**
 * Digits after the decimal point of a currency as the core keeps them (ISO 4217: USD 2,
 * JPY 0, IQD 3, CLF 4), from the table generated from the core; 2 for a code it does not know.
 * Never from Intl: its data differs from the standard for IQD, COP, IDR, HUF and others, and
 * the screen must show the amounts the PDF prints.
 */
export function currencyMinorDigits(currency: string): number {
  return CURRENCY_MINOR_DIGITS[currency.trim().toUpperCase()] ?? 2;
}

const moneyFormatters = new Map<string, Intl.NumberFormat | null>();

/** A currency formatter with exactly `digits` decimals; null for a code Intl refuses. */
function moneyFormatter(currency: string, digits: number, locale: string | undefined): Intl.NumberFormat | null {
  const key = `${locale ?? ''}|${currency}|${digits}`;
  let fmt = moneyFormatters.get(key);
  if (fmt === undefined) {
    try {
      fmt = new Intl.NumberFormat(locale, {
        style: 'currency',
        currency,
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      });
    } catch {
      fmt = null; // a malformed currency code or locale
    }
    moneyFormatters.set(key, fmt);
  }
  return fmt;
}

/**
 * An amount in minor units as the exact decimal text of its major units: (-123450, 2) ->
 * "-1234.50". Intl formats such text without going through a float (ES2023; older engines read
 * it as a number, as they would the float), so CLF's 4 decimals stay exact for large amounts.
 */
export function majorUnitsText(minorUnits: number, digits: number): string {
  const minor = BigInt(Math.trunc(minorUnits));
  const abs = minor < 0n ? -minor : minor;
  const scale = 10n ** BigInt(digits);
  const whole = (abs / scale).toString();
  const fraction = digits > 0 ? `.${(abs % scale).toString().padStart(digits, '0')}` : '';
  return `${minor < 0n ? '-' : ''}${whole}${fraction}`;
}

/** Formats minor units with `fmt`, exactly (see majorUnitsText). */
export function formatMinorUnits(fmt: Intl.NumberFormat, minorUnits: number, digits: number): string {
  // The ES2021 typings predate decimal strings; the engine accepts them.
  return fmt.format(majorUnitsText(minorUnits, digits) as unknown as number);
}

/**
 * Formats an amount given in minor units with exactly the core's digits:
 * formatMoney(123456, 'USD', 'en-US') -> "$1,234.56", formatMoney(1234, 'JPY', 'en-US') ->
 * "¥1,234", formatMoney(1234567, 'IQD', 'en-US') -> "IQD 1,234.567". A malformed currency
 * code falls back to "1,234.56 XY" rather than throwing.
 */
export function formatMoney(minorUnits: number, currency: string, locale: string | undefined = displayLocale()): string {
  const code = currency.trim().toUpperCase();
  const digits = currencyMinorDigits(code);
  const fmt = moneyFormatter(code, digits, locale);
  if (fmt) return formatMinorUnits(fmt, minorUnits, digits);
  const plain = formatMinorUnits(
    cachedFormat(`plain|${locale ?? ''}|${digits}`, () =>
      new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }),
    ),
    minorUnits,
    digits,
  );
  return code ? `${plain} ${code}` : plain;
}

/** Formats a fraction (0.25 -> "25%", 0.125 -> "12.5%"); null/undefined/NaN -> "—". */
export function formatPercent(
  fraction: number | null | undefined,
  locale?: string,
  maxFractionDigits = 1,
): string {
  if (fraction === null || fraction === undefined || Number.isNaN(fraction)) return EM_DASH;
  return cachedFormat(`pct|${locale ?? ''}|${maxFractionDigits}`, () =>
    new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: maxFractionDigits }),
  ).format(fraction);
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Formats a date for display ("Mar 5, 2025" in en-US). Accepts a Date, epoch milliseconds, an
 * ISO date-only string ("2025-03-05", shown as that calendar day whatever the time zone) or an
 * ISO date-time string. null/undefined/empty/invalid -> "—".
 */
export function formatDate(
  value: Date | string | number | null | undefined,
  locale?: string,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' },
): string {
  if (value === null || value === undefined || value === '') return EM_DASH;
  let date: Date;
  let opts = options;
  if (typeof value === 'string') {
    const m = DATE_ONLY.exec(value.trim());
    if (m) {
      date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
      opts = { ...options, timeZone: 'UTC' };
    } else {
      date = new Date(value);
    }
  } else {
    date = value instanceof Date ? value : new Date(value);
  }
  if (Number.isNaN(date.getTime())) return EM_DASH;
  return cachedFormat(`date|${locale ?? ''}|${JSON.stringify(opts)}`, () => new Intl.DateTimeFormat(locale, opts)).format(date);
}

const compactFormatters = new Map<string, Intl.NumberFormat | null>();

/**
 * Short money for dense tables: formatMoneyCompact(1_700_000_000, 'EUR', 'en') -> "€17M".
 * Rounded as the core's compact amounts are: at most one decimal with a suffix (K, M, B),
 * none without. Show the full amount (formatMoney) next to it or in a tooltip.
 */
export function formatMoneyCompact(minorUnits: number, currency: string, locale: string | undefined = displayLocale()): string {
  const code = currency.trim().toUpperCase();
  const major = minorUnits / 10 ** currencyMinorDigits(code);
  const decimals = Math.abs(major) >= 1000 ? 1 : 0;
  const key = `${locale ?? ''}|${code}|${decimals}`;
  let fmt = compactFormatters.get(key);
  if (fmt === undefined) {
    try {
      fmt = new Intl.NumberFormat(locale, { style: 'currency', currency: code, notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: decimals });
    } catch {
      fmt = null;
    }
    compactFormatters.set(key, fmt);
  }
  if (fmt) return fmt.format(major);
  return `${new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: decimals }).format(major)} ${code}`;
}

const compactNumbers = new Map<string, Intl.NumberFormat>();

/**
 * Short amount without the currency sign, for narrow cells under a header naming it:
 * 187,500.00 EUR -> "188K" (3 significant digits) or "190K" (2).
 */
export function formatNumberCompact(
  minorUnits: number,
  currency: string,
  locale: string | undefined = displayLocale(),
  significantDigits: 2 | 3 = 3,
): string {
  const key = `${locale ?? ''}|${significantDigits}`;
  let fmt = compactNumbers.get(key);
  if (!fmt) {
    fmt = new Intl.NumberFormat(locale, { notation: 'compact', maximumSignificantDigits: significantDigits });
    compactNumbers.set(key, fmt);
  }
  return fmt.format(minorUnits / 10 ** currencyMinorDigits(currency));
}

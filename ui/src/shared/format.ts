// Display formatting. Money travels as integer minor units (cents) plus an ISO 4217 code.

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
 * The locale to format and read numbers in: the user's, except that a "C"/POSIX environment
 * (LANG=C, common on servers and test machines) resolves to en-US-u-va-posix, which writes
 * 1250000 without grouping; people get en-US there instead. undefined = the runtime default.
 */
export function displayLocale(): string | undefined {
  if (displayLocaleCache === null) {
    let resolved = '';
    try {
      resolved = new Intl.NumberFormat().resolvedOptions().locale;
    } catch {
      // keep the default
    }
    displayLocaleCache = /-u-(?:.*-)?va-posix/i.test(resolved) ? 'en-US' : undefined;
  }
  return displayLocaleCache;
}
let displayLocaleCache: string | undefined | null = null;


const moneyFormatters = new Map<string, Intl.NumberFormat>();

function moneyFormatter(currency: string, locale?: string): Intl.NumberFormat | null {
  const key = `${locale ?? ''}|${currency}`;
  let fmt = moneyFormatters.get(key);
  if (!fmt) {
    try {
      fmt = new Intl.NumberFormat(locale, { style: 'currency', currency });
    } catch {
      return null; // unknown currency code or locale
    }
    moneyFormatters.set(key, fmt);
  }
  return fmt;
}

/** Number of minor-unit digits of a currency (USD 2, JPY 0, BHD 3); 2 when unknown. */
export function currencyMinorDigits(currency: string): number {
  const fmt = moneyFormatter(currency.toUpperCase(), 'en');
  return fmt ? (fmt.resolvedOptions().maximumFractionDigits ?? 2) : 2;
}

/**
 * Formats an amount given in minor units: formatMoney(123456, 'USD', 'en-US') -> "$1,234.56",
 * formatMoney(1234, 'JPY', 'en-US') -> "¥1,234". An unknown currency code falls back to
 * "1,234.56 XYZ" rather than throwing.
 */
export function formatMoney(minorUnits: number, currency: string, locale: string | undefined = displayLocale()): string {
  const code = currency.trim().toUpperCase();
  const digits = currencyMinorDigits(code);
  const major = minorUnits / 10 ** digits;
  const fmt = moneyFormatter(code, locale);
  if (fmt) return fmt.format(major);
  const plain = new Intl.NumberFormat(locale, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(major);
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
 * Show the full amount (formatMoney) next to it or in a tooltip.
 */
export function formatMoneyCompact(minorUnits: number, currency: string, locale: string | undefined = displayLocale()): string {
  const code = currency.trim().toUpperCase();
  const key = `${locale ?? ''}|${code}`;
  let fmt = compactFormatters.get(key);
  if (fmt === undefined) {
    try {
      fmt = new Intl.NumberFormat(locale, { style: 'currency', currency: code, notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 });
    } catch {
      fmt = null;
    }
    compactFormatters.set(key, fmt);
  }
  const major = minorUnits / 10 ** currencyMinorDigits(code);
  if (fmt) return fmt.format(major);
  return `${new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(major)} ${code}`;
}

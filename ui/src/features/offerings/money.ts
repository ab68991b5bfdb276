// Money inputs in major units ("12,500.50") <-> integer minor units, without floats.
// Only the parsing of what the user typed lives here; whether an amount is allowed
// (e.g. not negative) is the back end's call, and its message is shown at the field.
import { currencyMinorDigits } from '../../shared/format';

export type MoneyParse = { ok: true; minor: number } | { ok: false; message: string };

/**
 * Parses a major-unit amount: "12500", "12,500.5", "-3", " 1 000 ". Empty means zero.
 * Extra decimals round half away from zero to the currency's minor unit.
 */
export function parseMoneyInput(text: string, currency: string): MoneyParse {
  const digits = currencyMinorDigits(currency);
  const cleaned = text.replace(/[\s,'_\u00a0\u202f]/g, '');
  if (cleaned === '') return { ok: true, minor: 0 };
  const m = /^([-+]?)(\d*)(?:\.(\d*))?$/.exec(cleaned);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) {
    return { ok: false, message: 'Enter an amount such as 12500 or 12,500.00' };
  }
  const sign = m[1] === '-' ? -1n : 1n;
  const whole = BigInt(m[2] || '0');
  const frac = m[3] ?? '';
  const scale = 10n ** BigInt(digits);
  let minor = whole * scale + BigInt((frac.slice(0, digits) || '0').padEnd(digits, '0'));
  if (frac.length > digits && Number(frac[digits]) >= 5) minor += 1n;
  const value = sign * minor;
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER)) {
    return { ok: false, message: 'That amount is too large' };
  }
  return { ok: true, minor: Number(value) };
}

/** The text a money input starts with: 1250050 EUR -> "12,500.50", 1250000 -> "12,500". */
export function moneyInputText(minor: number, currency: string): string {
  const digits = currencyMinorDigits(currency);
  const negative = minor < 0;
  const abs = BigInt(Math.abs(Math.trunc(minor)));
  const scale = 10n ** BigInt(digits);
  const whole = (abs / scale).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const frac = digits > 0 ? (abs % scale).toString().padStart(digits, '0') : '';
  const text = frac && /[1-9]/.test(frac) ? `${whole}.${frac}` : whole;
  return negative ? `-${text}` : text;
}

const compactNumbers = new Map<string, Intl.NumberFormat>();

/**
 * Short amount without the currency sign, for narrow cells under a header naming it:
 * 187,500.00 -> "188K" (3 significant digits) or "190K" (2).
 */
export function formatNumberCompact(minor: number, currency: string, locale?: string, digits: 2 | 3 = 3): string {
  const key = `${locale ?? ''}|${digits}`;
  let fmt = compactNumbers.get(key);
  if (!fmt) {
    fmt = new Intl.NumberFormat(locale, { notation: 'compact', maximumSignificantDigits: digits });
    compactNumbers.set(key, fmt);
  }
  return fmt.format(minor / 10 ** currencyMinorDigits(currency));
}

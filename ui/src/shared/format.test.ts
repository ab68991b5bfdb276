import { afterEach, describe, expect, it } from 'vitest';
import { CURRENCY_MINOR_DIGITS } from '../ipc/bindings/currencies';
import {
  currencyMinorDigits,
  displayLocale,
  formatDate,
  formatMoney,
  formatMoneyCompact,
  formatNumberCompact,
  formatPercent,
  majorUnitsText,
} from './format';
import { useNavigatorLanguage } from './test-locales';

// Some locales use (narrow) no-break spaces; compare with plain spaces.
const norm = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('currencyMinorDigits', () => {
  it('reads the ISO 4217 minor units from the table generated from the core', () => {
    const standard: Record<string, number> = {
      USD: 2, EUR: 2, IQD: 3, KWD: 3, BHD: 3, JOD: 3, OMR: 3, TND: 3, LYD: 3, CLF: 4, UYW: 4,
      JPY: 0, KRW: 0, ISK: 0, CLP: 0, VND: 0, COP: 2, IDR: 2, HUF: 2, LAK: 2, MGA: 2, RSD: 2,
    };
    for (const [code, digits] of Object.entries(standard)) {
      expect(CURRENCY_MINOR_DIGITS[code], code).toBe(digits);
      expect(currencyMinorDigits(code), code).toBe(digits);
    }
    expect(currencyMinorDigits(' iqd ')).toBe(3);
  });

  it('uses 2 for a code the core does not accept', () => {
    expect(currencyMinorDigits('XAU')).toBe(2);
    expect(currencyMinorDigits('XYZ')).toBe(2);
    expect(currencyMinorDigits('')).toBe(2);
  });
});

describe('displayLocale', () => {
  let restore: (() => void) | undefined;
  afterEach(() => restore?.());

  it('is the webview language, in the spelling Intl wants', () => {
    restore = useNavigatorLanguage('de-DE');
    expect(displayLocale()).toBe('de-DE');
    restore();
    restore = useNavigatorLanguage('de_CH.UTF-8');
    expect(displayLocale()).toBe('de-CH');
    restore();
    restore = useNavigatorLanguage('fr-FR@euro');
    expect(displayLocale()).toBe('fr-FR');
  });

  it('gives people grouping where the environment is POSIX', () => {
    restore = useNavigatorLanguage('POSIX');
    expect(displayLocale()).toBe('en-US');
    restore();
    restore = useNavigatorLanguage('C.UTF-8');
    expect(displayLocale()).toBe('en-US');
  });

  it('is what money is formatted in when no locale is given', () => {
    restore = useNavigatorLanguage('de-DE');
    expect(norm(formatMoney(125_050, 'EUR'))).toBe('1.250,50 €');
  });
});

describe('formatMoney', () => {
  it('formats minor units with the currency digits', () => {
    expect(formatMoney(123456, 'USD', 'en-US')).toBe('$1,234.56');
    expect(formatMoney(0, 'USD', 'en-US')).toBe('$0.00');
    expect(formatMoney(5, 'USD', 'en-US')).toBe('$0.05');
    expect(formatMoney(-250, 'USD', 'en-US')).toBe('-$2.50');
    expect(formatMoney(1234, 'JPY', 'en-US')).toBe('¥1,234');
    expect(norm(formatMoney(1234, 'BHD', 'en-US'))).toBe('BHD 1.234');
  });

  it('follows the locale', () => {
    expect(norm(formatMoney(123456, 'EUR', 'de-DE'))).toBe('1.234,56 €');
  });

  it('handles large amounts exactly', () => {
    expect(formatMoney(123456789012, 'USD', 'en-US')).toBe('$1,234,567,890.12');
  });

  it('does not throw on an unknown currency code', () => {
    expect(formatMoney(123456, 'XX', 'en-US')).toBe('1,234.56 XX');
  });

  it('shows exactly the core\u2019s digits, also where Intl has other ones', () => {
    expect(norm(formatMoney(1_234_567, 'IQD', 'en-US'))).toBe('IQD 1,234.567');
    expect(norm(formatMoney(123_456, 'COP', 'en-US'))).toBe('COP 1,234.56');
    expect(norm(formatMoney(123_456, 'IDR', 'en-US'))).toBe('IDR 1,234.56');
    expect(norm(formatMoney(123_456, 'HUF', 'de-DE'))).toBe('1.234,56 HUF');
    // Every accepted currency: one minor unit shows with exactly its digits.
    for (const [code, digits] of Object.entries(CURRENCY_MINOR_DIGITS)) {
      const shown = /\d[\d,]*(?:\.\d+)?/.exec(formatMoney(1, code, 'en-US'))?.[0];
      expect(shown, code).toBe(digits === 0 ? '1' : `0.${'1'.padStart(digits, '0')}`);
    }
  });

  it('is exact where a float would not be', () => {
    // 90,071,992,547.4099 is not a double: dividing by 10^4 would print ...4098 or ...4100.
    expect(norm(formatMoney(900_719_925_474_099, 'CLF', 'en-US'))).toBe('CLF 90,071,992,547.4099');
    expect(majorUnitsText(-5, 2)).toBe('-0.05');
    expect(majorUnitsText(1234, 0)).toBe('1234');
    expect(majorUnitsText(1_234_567, 3)).toBe('1234.567');
  });
});

describe('formatPercent', () => {
  it('gives an em dash for null', () => {
    expect(formatPercent(null)).toBe('—');
    expect(formatPercent(undefined)).toBe('—');
    expect(formatPercent(Number.NaN)).toBe('—');
  });

  it('formats fractions', () => {
    expect(formatPercent(0.25, 'en-US')).toBe('25%');
    expect(formatPercent(0.125, 'en-US')).toBe('12.5%');
    expect(formatPercent(0, 'en-US')).toBe('0%');
    expect(formatPercent(1.5, 'en-US')).toBe('150%');
  });
});

describe('formatDate', () => {
  it('shows a date-only string as that calendar day', () => {
    expect(formatDate('2025-03-05', 'en-US')).toBe('Mar 5, 2025');
    expect(formatDate('2025-01-01', 'en-US')).toBe('Jan 1, 2025');
  });

  it('accepts Date objects and custom options', () => {
    expect(formatDate(new Date(2024, 11, 31), 'en-US')).toBe('Dec 31, 2024');
    expect(formatDate('2025-03-05', 'en-US', { year: 'numeric', month: 'long' })).toBe('March 2025');
  });

  it('gives an em dash for missing or invalid dates', () => {
    expect(formatDate(null)).toBe('—');
    expect(formatDate('')).toBe('—');
    expect(formatDate('not a date')).toBe('—');
  });
});

describe('formatMoneyCompact', () => {
  it('shortens large amounts', () => {
    expect(formatMoneyCompact(1_700_000_000, 'EUR', 'en-US')).toBe('€17M');
    expect(formatMoneyCompact(123_456, 'USD', 'en-US')).toBe('$1.2K');
    expect(formatMoneyCompact(-250_000_000, 'USD', 'en-US')).toBe('-$2.5M');
    expect(formatMoneyCompact(150_000, 'JPY', 'en-US')).toBe('¥150K');
    expect(formatMoneyCompact(100, 'XYZ', 'en-US')).toMatch(/XYZ/);
  });

  it('rounds as the core\u2019s compact amounts: one decimal with a suffix, none without', () => {
    expect(formatMoneyCompact(1234, 'USD', 'en-US')).toBe('$12');
    expect(formatMoneyCompact(99_940, 'USD', 'en-US')).toBe('$999');
    // 1,234.567 IQD: scaled by the core's 3 digits, not Intl's 0.
    expect(norm(formatMoneyCompact(1_234_567, 'IQD', 'en-US'))).toBe('IQD 1.2K');
  });
});

describe('formatNumberCompact', () => {
  it('writes short amounts without the currency for narrow cells', () => {
    expect(formatNumberCompact(120000000, 'EUR', 'en-US')).toBe('1.2M');
    expect(formatNumberCompact(1234, 'JPY', 'en-US')).toBe('1.23K');
    expect(formatNumberCompact(18750000, 'EUR', 'en-US', 2)).toBe('190K');
    expect(formatNumberCompact(0, 'EUR', 'en-US')).toBe('0');
    expect(formatNumberCompact(1_234_567, 'IQD', 'en-US')).toBe('1.23K');
  });
});

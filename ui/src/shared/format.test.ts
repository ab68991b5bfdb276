import { describe, expect, it } from 'vitest';
import { currencyMinorDigits, formatDate, formatMoney, formatPercent } from './format';

// Some locales use (narrow) no-break spaces; compare with plain spaces.
const norm = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('currencyMinorDigits', () => {
  it('knows the ISO 4217 minor units', () => {
    expect(currencyMinorDigits('USD')).toBe(2);
    expect(currencyMinorDigits('EUR')).toBe(2);
    expect(currencyMinorDigits('JPY')).toBe(0);
    expect(currencyMinorDigits('BHD')).toBe(3);
    expect(currencyMinorDigits('usd')).toBe(2);
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
  it('shortens large amounts', async () => {
    const { formatMoneyCompact } = await import('./format');
    expect(formatMoneyCompact(1_700_000_000, 'EUR', 'en-US')).toBe('€17M');
    expect(formatMoneyCompact(123_456, 'USD', 'en-US')).toBe('$1.2K');
    expect(formatMoneyCompact(-250_000_000, 'USD', 'en-US')).toBe('-$2.5M');
    expect(formatMoneyCompact(150_000, 'JPY', 'en-US')).toBe('¥150K');
    expect(formatMoneyCompact(100, 'XYZ', 'en-US')).toMatch(/XYZ/);
  });
});

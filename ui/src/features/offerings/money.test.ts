import { describe, expect, it } from 'vitest';
import { formatNumberCompact, moneyInputText, parseMoneyInput } from './money';

describe('money inputs', () => {
  it('parses major units into minor units without floats', () => {
    expect(parseMoneyInput('12500', 'EUR')).toEqual({ ok: true, minor: 1250000 });
    expect(parseMoneyInput(' 12,500.5 ', 'EUR')).toEqual({ ok: true, minor: 1250050 });
    expect(parseMoneyInput('0.105', 'EUR')).toEqual({ ok: true, minor: 11 });
    expect(parseMoneyInput('1 234', 'JPY')).toEqual({ ok: true, minor: 1234 });
    expect(parseMoneyInput('', 'EUR')).toEqual({ ok: true, minor: 0 });
    expect(parseMoneyInput('.5', 'USD')).toEqual({ ok: true, minor: 50 });
  });

  it('passes a negative amount through: the back end says why it is refused', () => {
    expect(parseMoneyInput('-3', 'EUR')).toEqual({ ok: true, minor: -300 });
  });

  it('refuses what is not an amount', () => {
    expect(parseMoneyInput('abc', 'EUR').ok).toBe(false);
    expect(parseMoneyInput('1.2.3', 'EUR').ok).toBe(false);
    expect(parseMoneyInput('.', 'EUR').ok).toBe(false);
    expect(parseMoneyInput('99999999999999999999', 'EUR').ok).toBe(false);
  });

  it('writes minor units back as an editable major amount', () => {
    expect(moneyInputText(1250050, 'EUR')).toBe('12,500.50');
    expect(moneyInputText(1250000, 'EUR')).toBe('12,500');
    expect(moneyInputText(0, 'EUR')).toBe('0');
    expect(moneyInputText(-5, 'EUR')).toBe('-0.05');
    expect(moneyInputText(1234, 'JPY')).toBe('1,234');
    for (const minor of [0, 1, 99, 100, 1250050, 987654321]) {
      expect(parseMoneyInput(moneyInputText(minor, 'EUR'), 'EUR')).toEqual({ ok: true, minor });
    }
  });

  it('formats compact amounts for narrow cells', () => {
    expect(formatNumberCompact(120000000, 'EUR', 'en-US')).toBe('1.2M');
    expect(formatNumberCompact(1234, 'JPY', 'en-US')).toBe('1.23K');
    expect(formatNumberCompact(18750000, 'EUR', 'en-US', 2)).toBe('190K');
    expect(formatNumberCompact(0, 'EUR', 'en-US')).toBe('0');
  });
});

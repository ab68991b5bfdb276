import { describe, expect, it } from 'vitest';
import { CURRENCY_MINOR_DIGITS } from '../ipc/bindings/currencies';
import { formatMoney } from './format';
import { formatMoneyForDisplay, formatMoneyForEdit, parseMoney, parseWholeNumber } from './money-input';
import { MONEY_LOCALES, REFUSED_AMOUNTS, TYPED_AMOUNTS } from './test-locales';

const ok = (value: number) => ({ ok: true, value });

describe('parseMoney', () => {
  it('accepts grouped and plain amounts in major units', () => {
    expect(parseMoney('1,250,000.50', 'EUR', 'en-US')).toEqual(ok(125_000_050));
    expect(parseMoney('1250000', 'EUR', 'en-US')).toEqual(ok(125_000_000));
    expect(parseMoney('1,250', 'USD', 'en-US')).toEqual(ok(125_000));
    expect(parseMoney('0.5', 'USD', 'en-US')).toEqual(ok(50));
    expect(parseMoney('.75', 'USD', 'en-US')).toEqual(ok(75));
    expect(parseMoney('  42  ', 'USD', 'en-US')).toEqual(ok(4200));
  });

  it('accepts the currency typed along, and spaces or apostrophes as grouping', () => {
    expect(parseMoney('€1,250,000', 'EUR', 'en-US')).toEqual(ok(125_000_000));
    expect(parseMoney('1 250 000 EUR', 'EUR', 'en-US')).toEqual(ok(125_000_000));
    expect(parseMoney('$ 12.34', 'USD', 'en-US')).toEqual(ok(1234));
    expect(parseMoney('1\u2019250\u2019000.50', 'CHF', 'de-CH')).toEqual(ok(125_000_050));
  });

  it('reads the locale\u2019s own way of writing numbers', () => {
    expect(parseMoney('1.250.000,50', 'EUR', 'de-DE')).toEqual(ok(125_000_050));
    expect(parseMoney('1.250', 'EUR', 'de-DE')).toEqual(ok(125_000));
    expect(parseMoney('12,5', 'EUR', 'de-DE')).toEqual(ok(1250));
    expect(parseMoney('1,250,000.50', 'EUR', 'de-DE')).toEqual(ok(125_000_050));
    expect(parseMoney('12,5', 'EUR', 'en-US')).toEqual(ok(1250));
  });

  it('uses the currency\u2019s minor digits', () => {
    expect(parseMoney('1,234', 'JPY', 'en-US')).toEqual(ok(1234));
    expect(parseMoney('1.234', 'BHD', 'en-US')).toEqual(ok(1234));
    expect(parseMoney('1.5', 'JPY', 'en-US')).toMatchObject({ ok: false, message: expect.stringContaining('JPY amounts have no decimals') });
    expect(parseMoney('1.234', 'EUR', 'en-US')).toMatchObject({ ok: false, message: 'EUR amounts have at most 2 decimals' });
  });

  it('keeps a minus sign for the back end to judge; empty is zero', () => {
    expect(parseMoney('-5', 'EUR', 'en-US')).toEqual(ok(-500));
    expect(parseMoney('\u22125', 'EUR', 'en-US')).toEqual(ok(-500));
    expect(parseMoney('', 'EUR', 'en-US')).toEqual(ok(0));
    expect(parseMoney('-0', 'EUR', 'en-US')).toEqual(ok(0));
  });

  it('refuses letters and stray characters with an example', () => {
    for (const text of ['12abc', 'abc', '1.2.3,4,5x', '1e6', '12-3', '.', ',', '1,2.3.4']) {
      expect(parseMoney(text, 'EUR', 'en-US')).toEqual({ ok: false, message: 'Enter an amount like 1,250,000' });
    }
    expect(parseMoney('abc', 'EUR', 'de-DE')).toEqual({ ok: false, message: 'Enter an amount like 1.250.000' });
  });

  it('reads what people type in each locale', () => {
    // The tracker's cases: a German "1.250,50" is 1,250.50 and a French "12,50" is 12.50.
    expect(parseMoney('1.250,50', 'EUR', 'de-DE')).toEqual(ok(125_050));
    expect(parseMoney('12,50', 'EUR', 'fr-FR')).toEqual(ok(1250));
    for (const c of TYPED_AMOUNTS) {
      expect(parseMoney(c.typed, c.currency, c.locale), `${c.locale} ${c.typed}`).toEqual(ok(c.minor));
    }
    for (const c of REFUSED_AMOUNTS) {
      expect(parseMoney(c.typed, c.currency, c.locale), `${c.locale} ${c.typed}`).toEqual({ ok: false, message: c.message });
    }
  });

  it('refuses digit groups of odd sizes instead of reading them as one number', () => {
    for (const text of ['1.2.3', '1,2,3', '12,34,5', '1 250.000,5', '1.2500', '12 50', '1,2345,000']) {
      expect(parseMoney(text, 'EUR', 'en-US'), text).toMatchObject({ ok: false });
    }
    expect(parseMoney('12,50,000', 'INR', 'en-US')).toEqual(ok(125_000_000));
    expect(parseMoney('1 250 000,50', 'EUR', 'de-DE')).toEqual(ok(125_000_050));
  });

  it('reads full-width digits from a Japanese input method, and the sign each locale writes', () => {
    expect(parseMoney('\uff11\uff0c\uff12\uff15\uff10', 'JPY', 'ja-JP')).toEqual(ok(1250));
    expect(parseMoney('R$ 1.234,50', 'BRL', 'de-DE')).toEqual(ok(123_450));
    expect(parseMoney('CA$-1,234.00', 'CAD', 'en-US')).toEqual(ok(-123_400));
  });

  it('does not choke on a malformed currency code', () => {
    expect(parseMoney('12', 'E(R', 'en-US')).toEqual(ok(1200));
  });

  it('is exact for large amounts and refuses absurd ones', () => {
    expect(parseMoney('12,345,678,901.23', 'USD', 'en-US')).toEqual(ok(1_234_567_890_123));
    expect(parseMoney('99999999999999999', 'USD', 'en-US')).toEqual({ ok: false, message: 'That amount is too large' });
  });
});

describe('formatMoneyForEdit', () => {
  it('writes major units with the locale\u2019s grouping, decimals only when there are some', () => {
    expect(formatMoneyForEdit(125_000_000, 'EUR', 'en-US')).toBe('1,250,000');
    expect(formatMoneyForEdit(125_000_050, 'EUR', 'en-US')).toBe('1,250,000.50');
    expect(formatMoneyForEdit(125_000_050, 'EUR', 'de-DE')).toBe('1.250.000,50');
    expect(formatMoneyForEdit(1234, 'JPY', 'en-US')).toBe('1,234');
    expect(formatMoneyForEdit(-500, 'EUR', 'en-US')).toBe('-5');
  });

  it('round-trips through parseMoney', () => {
    for (const locale of ['en-US', 'de-DE', 'fr-FR', 'de-CH', 'en-IN']) {
      for (const minor of [0, 5, 99, 100, 123_456, 125_000_050, 987_654_321_01]) {
        expect(parseMoney(formatMoneyForEdit(minor, 'EUR', locale), 'EUR', locale)).toEqual(ok(minor));
      }
    }
  });
});

describe('every accepted currency, in every locale', () => {
  const amounts = [0, 1, 7, 99, 100, 1234, 123_456_789, 98_765_432_101, -250, -123_456_789];
  it('reads back what the app writes, with the core\u2019s digits', () => {
    for (const code of Object.keys(CURRENCY_MINOR_DIGITS)) {
      for (const locale of MONEY_LOCALES) {
        for (const minor of amounts) {
          const where = `${code} ${locale} ${minor}`;
          expect(parseMoney(formatMoney(minor, code, locale), code, locale), where).toEqual(ok(minor));
          expect(parseMoney(formatMoneyForEdit(minor, code, locale), code, locale), where).toEqual(ok(minor));
          expect(parseMoney(formatMoneyForDisplay(minor, code, locale), code, locale), where).toEqual(ok(minor));
        }
      }
    }
  });
});

describe('locales writing other digits', () => {
  it('reads back what the app writes in Arabic, Persian, Bengali, Marathi and Thai digits', () => {
    const amounts = [0, 7, 125_050, 98_765_432_101, -123_456_789];
    for (const locale of ['ar-EG', 'fa-IR', 'bn-BD', 'mr-IN', 'th-TH-u-nu-thai']) {
      for (const code of Object.keys(CURRENCY_MINOR_DIGITS)) {
        for (const minor of amounts) {
          const where = `${code} ${locale} ${minor}`;
          expect(parseMoney(formatMoney(minor, code, locale), code, locale), where).toEqual(ok(minor));
          expect(parseMoney(formatMoneyForEdit(minor, code, locale), code, locale), where).toEqual(ok(minor));
        }
      }
    }
  });

  it('reads typed digits of other scripts', () => {
    expect(parseMoney('\u0661\u066c\u0662\u0665\u0660\u066b\u0665', 'EGP', 'ar-EG')).toEqual(ok(125_050));
    expect(parseMoney('\u0967\u0968\u096b\u0966', 'INR', 'hi-IN')).toEqual(ok(125_000));
    expect(parseWholeNumber('\u06f2\u06f5', {})).toEqual(ok(25));
  });
});

describe('parseWholeNumber', () => {
  it('reads whole numbers, an optional % and empty as the given value', () => {
    expect(parseWholeNumber('25')).toEqual(ok(25));
    expect(parseWholeNumber(' 25 % ')).toEqual(ok(25));
    expect(parseWholeNumber('', { empty: null })).toEqual({ ok: true, value: null });
    expect(parseWholeNumber('-3')).toEqual(ok(-3));
    expect(parseWholeNumber('2.5')).toMatchObject({ ok: false });
    expect(parseWholeNumber('ten')).toMatchObject({ ok: false });
    expect(parseWholeNumber('')).toMatchObject({ ok: false });
    expect(parseWholeNumber('300', { min: 0, max: 255 })).toEqual({ ok: false, message: 'Enter a whole number from 0 to 255' });
  });
});

describe('parseWholeNumber with grouping', () => {
  it('reads the locale\u2019s digit groups and refuses decimals', () => {
    const grouped = (text: string, locale: string) => parseWholeNumber(text, { grouped: true, empty: null, locale });
    expect(grouped('12,000', 'en-US')).toEqual(ok(12_000));
    expect(grouped('12.000', 'de-DE')).toEqual(ok(12_000));
    expect(grouped('12\u202f000', 'fr-FR')).toEqual(ok(12_000));
    expect(grouped('1,20,000', 'hi-IN')).toEqual(ok(120_000));
    expect(grouped('', 'en-US')).toEqual({ ok: true, value: null });
    for (const [text, locale] of [['12,5', 'de-DE'], ['12.5', 'en-US'], ['1,2,3', 'en-US'], ['12k', 'en-US']]) {
      expect(grouped(text!, locale!), text).toMatchObject({ ok: false });
    }
  });
});

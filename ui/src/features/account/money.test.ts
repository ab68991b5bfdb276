import { describe, expect, it } from 'vitest';
import { minorToMajorInput, parseMajorToMinor, parseWholeNumber } from './money';

describe('parseMajorToMinor', () => {
  it('converts major units to minor units exactly', () => {
    expect(parseMajorToMinor('1250000', 'EUR')).toEqual({ ok: true, value: 125_000_000 });
    expect(parseMajorToMinor('1,250,000.50', 'USD')).toEqual({ ok: true, value: 125_000_050 });
    expect(parseMajorToMinor('0.1', 'EUR')).toEqual({ ok: true, value: 10 });
    expect(parseMajorToMinor('19.99', 'EUR')).toEqual({ ok: true, value: 1999 }); // 19.99*100 is 1998.9999… in floats
    expect(parseMajorToMinor(' 12 345 ', 'EUR')).toEqual({ ok: true, value: 1_234_500 });
    expect(parseMajorToMinor('7.', 'EUR')).toEqual({ ok: true, value: 700 });
  });

  it('follows the currency’s minor digits', () => {
    expect(parseMajorToMinor('1500', 'JPY')).toEqual({ ok: true, value: 1500 });
    expect(parseMajorToMinor('1.5', 'JPY').ok).toBe(false);
    expect(parseMajorToMinor('1.234', 'BHD')).toEqual({ ok: true, value: 1234 });
    expect(parseMajorToMinor('1.005', 'EUR')).toMatchObject({ ok: false, message: 'At most 2 decimals for EUR' });
  });

  it('reads empty as no value and refuses text', () => {
    expect(parseMajorToMinor('   ', 'EUR')).toEqual({ ok: true, value: null });
    expect(parseMajorToMinor('12k', 'EUR').ok).toBe(false);
    expect(parseMajorToMinor('1.2.3', 'EUR').ok).toBe(false);
    expect(parseMajorToMinor('99999999999999999999', 'EUR')).toMatchObject({ ok: false });
  });

  it('passes a negative amount on for the back end to judge', () => {
    expect(parseMajorToMinor('-5', 'EUR')).toEqual({ ok: true, value: -500 });
  });
});

describe('minorToMajorInput', () => {
  it('shows minor units as grouped major units', () => {
    expect(minorToMajorInput(125_000_050, 'USD')).toBe('1,250,000.50');
    expect(minorToMajorInput(125_000_000, 'EUR')).toBe('1,250,000');
    expect(minorToMajorInput(5, 'EUR')).toBe('0.05');
    expect(minorToMajorInput(1500, 'JPY')).toBe('1,500');
    expect(minorToMajorInput(-1999, 'EUR')).toBe('-19.99');
    expect(minorToMajorInput(null, 'EUR')).toBe('');
  });

  it('round-trips', () => {
    for (const v of [0, 1, 99, 100, 123456789, 1999, 10_000_000_001]) {
      const r = parseMajorToMinor(minorToMajorInput(v, 'EUR'), 'EUR');
      expect(r).toEqual({ ok: true, value: v });
    }
  });
});

describe('parseWholeNumber', () => {
  it('reads whole numbers', () => {
    expect(parseWholeNumber('12,000')).toEqual({ ok: true, value: 12000 });
    expect(parseWholeNumber('')).toEqual({ ok: true, value: null });
    expect(parseWholeNumber('1.5').ok).toBe(false);
  });
});

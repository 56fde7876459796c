import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Id, IdText, IsoDate, IsoDateTime, isRealDate, Line, MAX_ID, Name, Text } from './common.js';

describe('the one id type', () => {
  it('accepts exactly the integers 1 … 2³¹−1, as numbers in a body and as numeric strings in a path or query', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: MAX_ID }), (n) => {
      expect(Id.parse(n)).toBe(n);
      expect(IdText.parse(String(n))).toBe(n);
    }), { seed: 1 });
    for (const bad of [0, -1, MAX_ID + 1, 3000000000, 1e300, 1.5, Number.NaN, '3000000000', 'abc', '', '1e300', null]) {
      expect(IdText.safeParse(bad).success, String(bad)).toBe(false);
      expect(Id.safeParse(bad).success, String(bad)).toBe(false);
    }
    expect(Id.safeParse('7').success).toBe(false); // a body carries numbers
  });
});

describe('the one calendar-date type', () => {
  it('accepts every real day and refuses days that do not exist', () => {
    fc.assert(fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
      const s = d.toISOString().slice(0, 10);
      expect(IsoDate.parse(s)).toBe(s);
      expect(IsoDateTime.safeParse(d.toISOString()).success).toBe(true);
    }), { seed: 2 });
    for (const bad of ['2009-02-30', '0000-00-00', '2009-13-45', '2009-00-10', '2009-04-31', '2100-02-29', '1899-12-31', '2009-2-3', '20090203', '']) {
      expect(isRealDate(bad), bad).toBe(false);
      expect(IsoDate.safeParse(bad).success, bad).toBe(false);
    }
    expect(isRealDate('2008-02-29')).toBe(true);
    expect(isRealDate('2000-02-29')).toBe(true);
    expect(IsoDateTime.safeParse('0000-01-01T00:00:00Z').success).toBe(false);
    expect(IsoDateTime.safeParse('2009-02-30T00:00:00Z').success).toBe(false);
  });
});

describe('the one text type', () => {
  const C0 = fc.integer({ min: 0, max: 0x1f }).filter((c) => ![0x09, 0x0a, 0x0d].includes(c)).map((c) => String.fromCharCode(c));
  const INVISIBLE = fc.constantFrom('\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069');
  // eslint-disable-next-line no-control-regex
  const word = fc.string({ minLength: 1, maxLength: 10 }).filter((s) => !/[\u0000-\u001f\u007f]/.test(s) && s.trim() === s && s.length > 0);

  it('refuses NUL and other control characters anywhere, in free text, lines and names', () => {
    fc.assert(fc.property(word, C0, word, (a, c, b) => {
      for (const T of [Text, Line, Name]) expect(T.safeParse(a + c + b).success).toBe(false);
    }), { seed: 3 });
    expect(Text.parse('第一行\n第二行\t')).toBe('第一行\n第二行');
    expect(Line.safeParse('第一行\n第二行').success).toBe(false);
  });

  it('refuses bidi overrides and zero-width characters inside names, with a Chinese reason', () => {
    fc.assert(fc.property(word, INVISIBLE, word, (a, c, b) => {
      const r = Name.safeParse(a + c + b);
      expect(r.success).toBe(false);
      expect(r.error!.issues[0]!.message).toMatch(/零宽字符或文字方向控制字符/);
    }), { seed: 4 });
  });

  it('trims', () => {
    expect(Name.parse('  张三 ')).toBe('张三');
    expect(Name.min(1).safeParse('   ').success).toBe(false);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSerial, newSerial, parseSerial, SERIAL_ALPHABET } from './serial.js';

const bytes = fc.uint8Array({ minLength: 19, maxLength: 19 });
const serialFrom = (b: Uint8Array, year = 2009) => newSerial(year, () => b);
const symbolAt = (s: string, i: number) => s.replace(/-/g, '')[i]!;
const withCompact = (s: string, edit: (c: string[]) => void) => {
  const c = [...s.replace(/-/g, '')];
  edit(c);
  return c.join('');
};

describe('certificate serials', () => {
  it('look like SM09-XXXXX-XXXXX-XXXXX-XXXXX and parse back to themselves', () => {
    fc.assert(fc.property(bytes, fc.integer({ min: 2000, max: 2099 }), (b, year) => {
      const s = serialFrom(b, year);
      expect(s).toMatch(new RegExp(`^SM${String(year % 100).padStart(2, '0')}(-[${SERIAL_ALPHABET}]{5}){4}$`));
      expect(parseSerial(s)).toBe(s);
      expect(isSerial(s)).toBe(true);
    }));
  });

  it('read what people type: lower case, spaces, no hyphens, O for 0, I and L for 1', () => {
    fc.assert(fc.property(bytes, (b) => {
      const s = serialFrom(b);
      const typed = s.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l');
      expect(parseSerial(typed)).toBe(s);
      expect(parseSerial(s.replace(/-/g, ''))).toBe(s);
    }));
  });

  it('catch any single wrong symbol', () => {
    fc.assert(fc.property(bytes, fc.nat(23), fc.nat(31), (b, i, d) => {
      const s = serialFrom(b);
      const wrong = withCompact(s, (c) => { c[i] = SERIAL_ALPHABET[(SERIAL_ALPHABET.indexOf(c[i]!) + 1 + (d % 31)) % 32]!; });
      expect(parseSerial(wrong)).toBeNull();
    }));
  });

  it('catch any swap of two different neighbouring symbols, or of symbols one apart', () => {
    fc.assert(fc.property(bytes, fc.nat(22), fc.constantFrom(1, 2), (b, i, gap) => {
      const s = serialFrom(b);
      const j = Math.min(i + gap, 23);
      fc.pre(symbolAt(s, i) !== symbolAt(s, j));
      const swapped = withCompact(s, (c) => { [c[i], c[j]] = [c[j]!, c[i]!]; });
      expect(parseSerial(swapped)).toBeNull();
    }));
  });

  it('refuse garbage without throwing', () => {
    fc.assert(fc.property(fc.string({ maxLength: 80 }), (x) => {
      const p = parseSerial(x);
      if (p !== null) expect(isSerial(p)).toBe(true);
    }));
    for (const x of ['', 'NOSUCHSERIAL', 'SM09', 'SMXX-00000-00000-00000-00000', 'SM09-UUUUU-00000-00000-00000', '<script>']) expect(parseSerial(x)).toBeNull();
  });

  it('are random: 10 000 new serials are distinct and not in sequence', () => {
    const list = Array.from({ length: 10_000 }, () => newSerial(2009));
    expect(new Set(list).size).toBe(list.length);
    // Neighbours share no more leading symbols than chance would give (a counter would share most).
    const shared = (a: string, b: string) => { let k = 5; while (k < a.length && a[k] === b[k]) k++; return k - 5; };
    const avg = list.slice(1).reduce((s, x, i) => s + shared(list[i]!, x), 0) / (list.length - 1);
    expect(avg).toBeLessThan(0.2);
  });
});

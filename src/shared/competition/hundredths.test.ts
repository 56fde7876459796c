import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { divRoundHalfUp, fromHundredths, isHundredths, toHundredths } from './hundredths.js';

describe('hundredths (精确到 0.01 分)', () => {
  it('knows a two-decimal value and round-trips it', () => {
    expect(isHundredths(0.29)).toBe(true);
    expect(isHundredths(0.295)).toBe(false);
    expect(isHundredths(Number.NaN)).toBe(false);
    expect(toHundredths(0.29)).toBe(29);
    expect(() => toHundredths(0.295)).toThrow('最多两位小数');
    expect(Object.is(toHundredths(-0), 0)).toBe(true);
    fc.assert(fc.property(fc.integer({ min: 0, max: 1_000_000 }), (h) => {
      const v = fromHundredths(h);
      expect(isHundredths(v)).toBe(true);
      expect(toHundredths(v)).toBe(h);
      expect(v).toBe(Number((h / 100).toFixed(2)));
    }));
  });

  it('divides rounding halves up, exactly', () => {
    expect(divRoundHalfUp(5, 10)).toBe(1);
    expect(divRoundHalfUp(4, 10)).toBe(0);
    expect(divRoundHalfUp(15, 10)).toBe(2);
    expect(divRoundHalfUp(0, 7)).toBe(0);
    expect(() => divRoundHalfUp(-1, 2)).toThrow();
    expect(() => divRoundHalfUp(1, 0)).toThrow();
    fc.assert(fc.property(fc.nat(10_000_000), fc.integer({ min: 1, max: 100_000 }), (num, den) => {
      const q = divRoundHalfUp(num, den);
      // q is the integer nearest num/den, ties going up: den·q − den/2 ≤ num < den·q + den/2
      expect(2 * num).toBeGreaterThanOrEqual(2 * den * q - den);
      expect(2 * num).toBeLessThan(2 * den * q + den);
    }));
  });
});

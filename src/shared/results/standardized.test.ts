import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STANDARDIZED_FORMULA, standardizedScores, totalsSpread } from './standardized.js';

/** Totals best first, as a Ranking orders them, followed by `unranked` NaNs. */
function scoresOf(totals: number[], unranked = 0) {
  const sorted = [...totals].sort((a, b) => b - a);
  const all = Float64Array.from([...sorted, ...Array<number>(unranked).fill(NaN)]);
  return Array.from(standardizedScores(all, Uint32Array.from(all, (_, i) => i), sorted.length));
}

describe('标准分 (standardized score)', () => {
  it('puts the median at 700 and one population sd at ±100', () => {
    // 60, 70, 80: median 70, sd √(200/3) ≈ 8.165 → 700 ± 122.47
    expect(scoresOf([80, 60, 70])).toEqual([822, 700, 578]);
    expect(totalsSpread([60, 70, 80]).median).toBe(70);
    expect(totalsSpread([60, 70, 80, 90])).toEqual({ median: 75, sd: Math.sqrt(125) });
  });

  it('gives everyone 700 when all totals are equal, and NaN to the unranked', () => {
    expect(scoresOf([85.5, 85.5, 85.5], 2)).toEqual([700, 700, 700, NaN, NaN]);
    expect(scoresOf([], 1)).toEqual([NaN]);
    expect(STANDARDIZED_FORMULA).toContain('700 + 100');
  });

  it('is monotone in the total, centred on the median, and integer', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 10000 }).map((h) => h / 100), { minLength: 1, maxLength: 50 }), (totals) => {
      const s = scoresOf(totals);
      for (let k = 1; k < s.length; k++) expect(s[k]!).toBeLessThanOrEqual(s[k - 1]!);
      for (const v of s) expect(Number.isInteger(v)).toBe(true);
      const { median } = totalsSpread(totals);
      const sorted = [...totals].sort((a, b) => b - a);
      sorted.forEach((t, k) => {
        if (t === median) expect(s[k]).toBe(700);
        if (t > median) expect(s[k]!).toBeGreaterThanOrEqual(700);
        if (t < median) expect(s[k]!).toBeLessThanOrEqual(700);
      });
    }));
  });
});

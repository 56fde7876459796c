import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aspectMark, checkMarkValue, checkPartScore, JUDGEMENT_SCORES, judgementMark, practicalTotal, spreadExceeded } from './marks.js';

const score = fc.constantFrom(...JUDGEMENT_SCORES);
const panel = fc.array(score, { minLength: 1, maxLength: 5 });
const maxMark = fc.integer({ min: 1, max: 10000 }).map((h) => h / 100);

describe('judgement marks (评价: maxMark × mean ÷ 3)', () => {
  it('computes concrete panels exactly, rounding half up', () => {
    expect(judgementMark(2, [3, 2, 2])).toBe(1.56); // 2 × 7/9 = 1.5555…
    expect(judgementMark(6, [3, 3, 2])).toBe(5.33); // 6 × 8/9 = 5.333…
    expect(judgementMark(1.5, [1, 2])).toBe(0.75);
    expect(judgementMark(2.35, [3, 2, 2])).toBe(1.83); // 235 × 7 / 9 = 182.78 hundredths
    expect(judgementMark(0.03, [1, 0])).toBe(0.01); // exactly 0.005: half up (floats give 0.0049999…)
    expect(judgementMark(4, [1, 1, 1])).toBe(1.33);
    expect(judgementMark(4, [2, 2, 2])).toBe(2.67);
  });

  it('is 0 when every judge gives 0, maxMark when every judge gives 3, and stays within', () => {
    fc.assert(fc.property(maxMark, fc.integer({ min: 1, max: 5 }), (m, n) => {
      expect(judgementMark(m, Array(n).fill(0))).toBe(0);
      expect(judgementMark(m, Array(n).fill(3))).toBe(m);
    }));
    fc.assert(fc.property(maxMark, panel, (m, s) => {
      const v = judgementMark(m, s);
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(m);
      expect(Math.round(v * 100) / 100).toBe(v);
    }));
  });

  it('never falls when one judge raises a score', () => {
    fc.assert(fc.property(maxMark, panel, fc.nat(), (m, s, at) => {
      const i = at % s.length;
      fc.pre(s[i]! < 3);
      const raised = s.map((x, k) => (k === i ? x + 1 : x));
      expect(judgementMark(m, raised)).toBeGreaterThanOrEqual(judgementMark(m, s));
    }));
  });

  it('does not depend on the order of the panel', () => {
    fc.assert(fc.property(maxMark, panel, (m, s) => {
      expect(judgementMark(m, [...s].reverse())).toBe(judgementMark(m, s));
    }));
  });

  it('refuses no scores and scores outside 0–3', () => {
    expect(() => judgementMark(5, [])).toThrow('没有评价分');
    expect(() => judgementMark(5, [4])).toThrow('0、1、2、3');
    expect(() => judgementMark(5, [1.5])).toThrow('0、1、2、3');
    expect(() => judgementMark(5.005, [1])).toThrow();
  });
});

describe('判分差异 (spread)', () => {
  it('needs reconciling only beyond one point', () => {
    expect(spreadExceeded([1, 2, 2])).toBe(false);
    expect(spreadExceeded([1, 3, 2])).toBe(true);
    expect(spreadExceeded([0, 0, 2])).toBe(true);
    expect(spreadExceeded([3])).toBe(false);
    expect(spreadExceeded([])).toBe(false);
  });

  it('does not depend on the order of the panel', () => {
    fc.assert(fc.property(panel, fc.array(fc.nat()), (s, keys) => {
      const permuted = s.map((x, i) => [keys[i] ?? 0, i, x] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([, , x]) => x);
      expect(spreadExceeded(permuted)).toBe(spreadExceeded(s));
      expect(spreadExceeded(s)).toBe(Math.max(...s) - Math.min(...s) >= 2);
    }));
  });
});

describe('mark values', () => {
  const measured = { kind: 'measurement', maxMark: 2.5 } as const;
  const banded = { kind: 'measurement', maxMark: 2, bands: [{ mark: 2 }, { mark: 1 }, { mark: 0 }] } as const;
  const judged = { kind: 'judgement', maxMark: 6 } as const;

  it('takes a judgement score only from 0, 1, 2, 3', () => {
    for (const v of JUDGEMENT_SCORES) expect(checkMarkValue(judged, v)).toBeNull();
    for (const v of [-1, 4, 1.5, Number.NaN]) expect(checkMarkValue(judged, v)).not.toBeNull();
    expect(checkMarkValue(judged, 4)).toBe('评价分只能是 0、1、2、3 中的一个整数');
  });

  it('takes a measurement between 0 and maxMark, to two decimals, from the bands when there are bands', () => {
    expect(checkMarkValue(measured, 2.5)).toBeNull();
    expect(checkMarkValue(measured, 0)).toBeNull();
    expect(checkMarkValue(measured, 1.25)).toBeNull();
    expect(checkMarkValue(measured, 2.51)).toBe('分值须在 0 到 2.5 之间');
    expect(checkMarkValue(measured, -0.01)).toBe('分值须在 0 到 2.5 之间');
    expect(checkMarkValue(measured, 1.255)).toBe('分值最多保留两位小数');
    expect(checkMarkValue(measured, Number.POSITIVE_INFINITY)).toBe('分值必须是数字');
    expect(checkMarkValue(banded, 1)).toBeNull();
    expect(checkMarkValue(banded, 1.5)).toBe('分值须为分档分值之一：2、1、0');
    expect(checkMarkValue({ ...measured, bands: null }, 1.25)).toBeNull();
    fc.assert(fc.property(maxMark, fc.nat(10000), (m, h) => {
      expect(checkMarkValue({ kind: 'measurement', maxMark: m }, h / 100) === null).toBe(h / 100 <= m);
    }));
  });

  it('takes part scores 0–100 to two decimals', () => {
    expect(checkPartScore(0)).toBeNull();
    expect(checkPartScore(100)).toBeNull();
    expect(checkPartScore(87.25)).toBeNull();
    expect(checkPartScore(100.01)).toBe('成绩须在 0 到 100 之间');
    expect(checkPartScore(87.255)).toBe('成绩最多保留两位小数');
    expect(checkPartScore(Number.NaN)).toBe('成绩必须是数字');
  });

  it('gives an aspect its mark from its values', () => {
    expect(aspectMark(measured, [1.75])).toBe(1.75);
    expect(() => aspectMark(measured, [1, 2])).toThrow('只能有一个分值');
    expect(() => aspectMark(measured, [3])).toThrow('分值须在 0 到 2.5 之间');
    expect(aspectMark(judged, [3, 2, 2])).toBe(4.67);
  });
});

describe('实操成绩 (practical total)', () => {
  it('adds hundredths exactly', () => {
    const marks = [18.91, 15.83, 19.97, 0.57, 0.75, 15.97, 7.83, 15.46, 4.71];
    expect(practicalTotal(marks.map((mark) => ({ mark })))).toBe(100);
    expect(practicalTotal([])).toBe(0);
    fc.assert(fc.property(fc.array(fc.nat(10000)), (hs) => {
      expect(practicalTotal(hs.map((h) => ({ mark: h / 100 })))).toBe(hs.reduce((a, b) => a + b, 0) / 100);
    }));
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitAdditive, severities, severityTable, stageScoresOf, type Sheet } from './severity.js';

/**
 * A design: `k` reviewers, candidates each marked by `n` of them (a rotating window, so every
 * reviewer shares candidates with the next one: the design is connected), scores 0–100 in halves.
 */
const design = fc.record({ k: fc.integer({ min: 2, max: 6 }), cands: fc.integer({ min: 2, max: 12 }) }).chain(({ k, cands }) =>
  fc.integer({ min: 2, max: k }).chain((n) =>
    fc.array(fc.integer({ min: 0, max: 200 }), { minLength: cands * n, maxLength: cands * n }).map((halves) => {
      const sheets: Sheet[] = [];
      for (let c = 0; c < cands; c++) for (let j = 0; j < n; j++) sheets.push({ candidateId: c + 1, reviewerId: ((c + j) % k) + 1, score: halves[c * n + j]! / 2 });
      return { k, n, sheets };
    })));

const shift = (sheets: Sheet[], r: number, c: number) => sheets.map((s) => (s.reviewerId === r ? { ...s, score: s.score + c } : s));
const close = (a: number, b: number, eps = 1e-6) => Math.abs(a - b) < eps;

describe('reviewer severity', () => {
  it('weighted by sheets, severities sum to zero', () => {
    fc.assert(fc.property(design, ({ sheets }) => {
      const s = severities(sheets);
      const n = new Map<number, number>();
      for (const x of sheets) n.set(x.reviewerId, (n.get(x.reviewerId) ?? 0) + 1);
      expect(close([...s].reduce((a, [r, v]) => a + v * n.get(r)!, 0), 0)).toBe(true);
    }));
  });

  it('a reviewer who adds c to every mark raises their severity by c·(n−1)/n (n reviewers per candidate)', () => {
    fc.assert(fc.property(design, fc.integer({ min: -20, max: 20 }), ({ n, sheets }, c) => {
      const r = sheets[0]!.reviewerId;
      const before = severities(sheets).get(r)!;
      const after = severities(shift(sheets, r, c)).get(r)!;
      expect(close(after - before, (c * (n - 1)) / n)).toBe(true);
    }));
  });

  it('the table reports mean − panel mean, rounded', () => {
    const sheets: Sheet[] = [
      { candidateId: 1, reviewerId: 1, score: 80 }, { candidateId: 1, reviewerId: 2, score: 70 },
      { candidateId: 2, reviewerId: 1, score: 90 }, { candidateId: 2, reviewerId: 2, score: 80 },
    ];
    expect(severityTable(sheets)).toEqual([
      { reviewerId: 1, sheets: 2, mean: 85, panelMean: 80, severity: 5, bias: 5 },
      { reviewerId: 2, sheets: 2, mean: 75, panelMean: 80, severity: -5, bias: -5 },
    ]);
  });
});

describe('normalised scores', () => {
  it('in a connected design, one reviewer shifting every mark by c moves every normalised score by the same c/k', () => {
    fc.assert(fc.property(design, fc.integer({ min: -20, max: 20 }), ({ k, sheets }, c) => {
      const reviewers = new Set(sheets.map((s) => s.reviewerId)).size;
      const r = sheets[0]!.reviewerId;
      const a = fitAdditive(sheets).mu;
      const b = fitAdditive(shift(sheets, r, c)).mu;
      for (const [cand, v] of a) expect(close(b.get(cand)! - v, c / reviewers, 1e-5), `k=${k}`).toBe(true);
    }));
  });

  it('when every reviewer marks every candidate, normalised equals raw', () => {
    const full = fc.record({ k: fc.integer({ min: 1, max: 5 }), cands: fc.integer({ min: 1, max: 8 }) }).chain(({ k, cands }) =>
      fc.array(fc.integer({ min: 0, max: 100 }), { minLength: k * cands, maxLength: k * cands }).map((v) =>
        v.map((score, i) => ({ candidateId: Math.floor(i / k) + 1, reviewerId: (i % k) + 1, score }))));
    fc.assert(fc.property(full, (sheets) => {
      expect(stageScoresOf(sheets, 'normalised')).toEqual(stageScoresOf(sheets, 'raw'));
    }));
  });

  it('recovers the true order when marks are exactly candidate level plus reviewer bias', () => {
    fc.assert(fc.property(design, fc.array(fc.integer({ min: -10, max: 10 }), { minLength: 6, maxLength: 6 }), ({ sheets }, biases) => {
      const level = (c: number) => c * 3;
      const exact = sheets.map((s) => ({ ...s, score: level(s.candidateId) + biases[s.reviewerId - 1]! }));
      const mu = fitAdditive(exact).mu;
      const base = mu.get(1)! - level(1);
      for (const [c, v] of mu) expect(close(v - level(c), base, 1e-5)).toBe(true);
    }));
  });

  it('raw is the panel mean, rounded half-up to hundredths', () => {
    const sheets: Sheet[] = [{ candidateId: 1, reviewerId: 1, score: 80 }, { candidateId: 1, reviewerId: 2, score: 80.01 }, { candidateId: 1, reviewerId: 3, score: 80.02 }];
    expect(stageScoresOf(sheets, 'raw').get(1)).toBe(80.01);
    expect(stageScoresOf([{ candidateId: 1, reviewerId: 1, score: 80.005 }], 'raw').get(1)).toBe(80.01);
  });
});

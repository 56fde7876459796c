import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PARTS_25_55_20, PARTS_30_70, passedAll, weightedTotal, type CompetitionPart, type PartScores } from '../competition/parts.js';
import type { CompetitionRules } from '../contracts/competitions.js';
import { rankContestants, tieKeyValue } from './ranking.js';
import { columns, partsArb, rowArb, rulesArb, rulesWith, type Row } from './test-columns.js';
import { DECIDED_BY_CODES } from './types.js';

/** The plain reference: weightedTotal per row, then Array.sort with the whole comparator. */
function reference(rows: readonly Row[], parts: readonly CompetitionPart[], rules: CompetitionRules) {
  const scores = (r: Row): PartScores => ({ practical: r.practical, theory: r.theory, oral: r.oral });
  const totals = rows.map((r) => weightedTotal(parts, scores(r)));
  const cost = (key: CompetitionRules['tieBreak'][number], r: Row) => {
    const v = key === 'time' ? r.seconds : r[key];
    return v == null ? Infinity : key === 'time' ? v : -v;
  };
  const compare = (a: number, b: number): [number, string] => {
    const ta = totals[a]!;
    const tb = totals[b]!;
    if (ta !== tb) return [tb - ta, 'total'];
    for (const key of rules.tieBreak) {
      const ca = cost(key, rows[a]!);
      const cb = cost(key, rows[b]!);
      if (ca !== cb) return [ca < cb ? -1 : 1, key];
    }
    return [0, 'shared'];
  };
  const ranked = rows.map((_, i) => i).filter((i) => totals[i] !== null);
  ranked.sort((a, b) => compare(a, b)[0] || a - b);
  const rank: number[] = [];
  const decidedBy: string[] = [];
  ranked.forEach((i, p) => {
    const by = p === 0 ? null : compare(ranked[p - 1]!, i)[1];
    decidedBy[i] = by ?? '-';
    rank[i] = by === 'shared' ? rank[ranked[p - 1]!]! : p + 1;
  });
  const passed = rows.map((r) => passedAll(parts, scores(r)));
  return { totals, ranked, rank, decidedBy, passed };
}

describe('排名 (rankContestants)', () => {
  it('ranks a hand-made example: total first, then practical, then time, then a shared rank', () => {
    const rows: Row[] = [
      { unitId: 1, theory: 80, practical: 90, seconds: 4000 }, // 87
      { unitId: 1, theory: 90, practical: 80, seconds: 3000 }, // 83
      { unitId: 2, theory: 70, practical: 90, seconds: 5000 }, // 84
      { unitId: 2, theory: 100, practical: 80, seconds: 3500 }, // 86
      { unitId: 3, theory: 100, practical: 80, seconds: 3600 }, // 86, slower
      { unitId: 3, theory: 90, practical: 80, seconds: 3000 }, // 83, equal to #1 on every key
      { unitId: 3, theory: 90 }, // no practical: unranked
    ];
    const r = rankContestants({ cols: columns(rows), parts: PARTS_30_70, rules: rulesWith() });
    expect(Array.from(r.order)).toEqual([0, 3, 4, 2, 1, 5, 6]);
    expect(r.ranked).toBe(6);
    expect(Array.from(r.total)).toEqual([87, 83, 84, 86, 86, 83, NaN]);
    expect(Array.from(r.rank)).toEqual([1, 5, 4, 2, 3, 5, 0]);
    expect(Array.from(r.decidedBy, (d) => DECIDED_BY_CODES[d] ?? null)).toEqual([null, 'total', 'total', 'total', 'time', 'shared', null]);
    expect(Array.from(r.passedAll)).toEqual([1, 1, 1, 1, 1, 1, 2]);
  });

  it('rounds the weighted total half-up to 0.01 like weightedTotal, and marks an undecided pass as 2', () => {
    const rows: Row[] = [{ unitId: 1, theory: 70.02, practical: 0, oral: 0 }, { unitId: 1, theory: 59.99, practical: 100 }];
    const r = rankContestants({ cols: columns(rows), parts: PARTS_25_55_20, rules: rulesWith() });
    expect(r.total[0]).toBe(17.51);
    expect(r.total[1]).toBeNaN();
    expect(Array.from(r.passedAll)).toEqual([0, 0]); // one failed part decides even with one missing
    const undecided = rankContestants({ cols: columns([{ unitId: 1, theory: 60, practical: 100 }]), parts: PARTS_25_55_20, rules: rulesWith() });
    expect(undecided.passedAll[0]).toBe(2);
  });

  it('refuses a score that is not out of 100 with two decimals', () => {
    expect(() => rankContestants({ cols: columns([{ unitId: 1, theory: 100.5, practical: 1 }]), parts: PARTS_30_70, rules: rulesWith() }))
      .toThrow('理论知识考试');
    expect(() => rankContestants({ cols: columns([{ unitId: 1, theory: 1.005, practical: 1 }]), parts: PARTS_30_70, rules: rulesWith() }))
      .toThrow(RangeError);
  });

  it('handles no contestants and an empty chain', () => {
    const r = rankContestants({ cols: columns([]), parts: PARTS_30_70, rules: rulesWith() });
    expect(r.ranked).toBe(0);
    const s = rankContestants({ cols: columns([{ unitId: 1, theory: 1, practical: 2 }, { unitId: 1, theory: 1, practical: 2 }]), parts: PARTS_30_70, rules: rulesWith({ tieBreak: [] }) });
    expect(Array.from(s.rank)).toEqual([1, 1]);
    expect(Array.from(s.decidedBy)).toEqual([-1, 5]);
  });

  it('agrees with a plain comparator sort: order, shared ranks, decidedBy, totals, passes', () => {
    fc.assert(fc.property(fc.array(rowArb, { maxLength: 60 }), partsArb, rulesArb, (rows, parts, rules) => {
      const r = rankContestants({ cols: columns(rows), parts, rules });
      const ref = reference(rows, parts, rules);
      expect(Array.from(r.order.subarray(0, r.ranked))).toEqual(ref.ranked);
      expect(r.ranked).toBe(ref.ranked.length);
      const unranked = rows.map((_, i) => i).filter((i) => ref.totals[i] === null);
      expect(Array.from(r.order.subarray(r.ranked))).toEqual(unranked);
      rows.forEach((_, i) => {
        expect(r.total[i]).toBe(ref.totals[i] ?? NaN);
        expect(r.rank[i]).toBe(ref.rank[i] ?? 0);
        expect(DECIDED_BY_CODES[r.decidedBy[i]!] ?? '-').toBe(ref.decidedBy[i] ?? '-');
        expect(r.passedAll[i]).toBe(ref.passed[i] === null ? 2 : ref.passed[i] ? 1 : 0);
      });
    }), { numRuns: 300 });
  });

  it('is a total preorder: ranks never fall along the order and are shared exactly on full ties', () => {
    fc.assert(fc.property(fc.array(rowArb, { minLength: 1, maxLength: 80 }), partsArb, rulesArb, (rows, parts, rules) => {
      const cols = columns(rows);
      const r = rankContestants({ cols, parts, rules });
      for (let p = 1; p < r.ranked; p++) {
        const a = r.order[p - 1]!;
        const b = r.order[p]!;
        expect(r.total[a]).toBeGreaterThanOrEqual(r.total[b]!);
        const shared = r.decidedBy[b] === 5;
        expect(r.rank[b]).toBe(shared ? r.rank[a] : p + 1);
        if (shared) for (const k of rules.tieBreak) expect(tieKeyValue(k, cols, a)).toBe(tieKeyValue(k, cols, b));
      }
    }), { numRuns: 200 });
  });

  it('ranks many contestants exactly as the reference (packed and unpacked first keys)', () => {
    const rows: Row[] = Array.from({ length: 5000 }, (_, i) => ({
      unitId: 1 + (i % 37),
      practical: ((i * 7919) % 10001) / 100,
      theory: ((i * 104729) % 41) + 50,
      seconds: i % 11 === 0 ? null : 3000 + ((i * 31) % 97),
    }));
    for (const tieBreak of [['practical', 'time', 'theory'], ['time', 'theory', 'practical'], ['theory']] as CompetitionRules['tieBreak'][]) {
      const rules = rulesWith({ tieBreak });
      const r = rankContestants({ cols: columns(rows), parts: PARTS_30_70, rules });
      const ref = reference(rows, PARTS_30_70, rules);
      expect(Array.from(r.order.subarray(0, r.ranked))).toEqual(ref.ranked);
      expect(Array.from(r.rank)).toEqual(rows.map((_, i) => ref.rank[i] ?? 0));
    }
  });
});

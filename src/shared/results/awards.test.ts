import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PARTS_30_70 } from '../competition/parts.js';
import { awardName, individualAwards } from './awards.js';
import { organizationStandings } from './organization.js';
import { rankContestants } from './ranking.js';
import { teamStandings } from './teams.js';
import { columns, partsArb, rowArb, rulesArb, rulesWith, type Row } from './test-columns.js';

const p = (unitId: number, total: number): Row => ({ unitId, theory: total, practical: total }); // 30/70 of equal scores = that total

describe('个人奖项 (individual awards)', () => {
  it('honours the top N, everyone sharing the boundary rank included', () => {
    const rows = [p(1, 90), p(1, 80), p(2, 80), p(2, 70), p(3, 60), p(3, 50)];
    const rules = rulesWith({ topN: 2, minEntrantsForAwards: 3 });
    const r = rankContestants({ cols: columns(rows), parts: PARTS_30_70, rules });
    expect(individualAwards(r, rules)).toEqual({ withheld: null, honoured: [0, 1, 2] });
    expect(awardName(1)).toBe('第1名');
  });

  it('withholds awards when fewer contestants have a total than the minimum', () => {
    const rows = [p(1, 90), p(1, 80), { unitId: 2, theory: 50 }];
    const rules = rulesWith({ minEntrantsForAwards: 3 });
    const a = individualAwards(rankContestants({ cols: columns(rows), parts: PARTS_30_70, rules }), rules);
    expect(a).toEqual({ withheld: '取得总成绩的选手 2 人，少于评奖所需的 3 人，本次不评个人奖项', honoured: [] });
  });

  it('honours exactly those ranked within top N, best first', () => {
    fc.assert(fc.property(fc.array(rowArb, { maxLength: 40 }), partsArb, rulesArb, (rows, parts, rules) => {
      const r = rankContestants({ cols: columns(rows), parts, rules });
      const a = individualAwards(r, rules);
      if (r.ranked < rules.minEntrantsForAwards) {
        expect(a.honoured).toEqual([]);
        return;
      }
      const expected = Array.from(r.order.subarray(0, r.ranked)).filter((i) => r.rank[i]! <= rules.topN);
      expect(a.honoured).toEqual(expected);
      expect(a.honoured.length).toBeGreaterThanOrEqual(Math.min(rules.topN, r.ranked));
    }));
  });
});

describe('团体奖 (team standings)', () => {
  it('sums each unit’s best k, leaves units with fewer than k out, and breaks ties by the best single total', () => {
    const rows = [p(1, 90), p(1, 70), p(1, 10), p(2, 80), p(2, 80), p(3, 95), p(3, 65), p(4, 99), { unitId: 4, theory: 99 }];
    const r = rankContestants({ cols: columns(rows), parts: PARTS_30_70, rules: rulesWith() });
    const t = teamStandings(columns(rows), r, 2);
    expect(t.map((s) => [s.unitId, s.sum, s.rank, s.entrants, s.counted])).toEqual([
      [3, 160, 1, 2, [5, 6]], // 160 with a best single 95
      [1, 160, 2, 3, [0, 1]], // 160 with a best single 90
      [2, 160, 3, 2, [3, 4]],
      [4, null, null, 1, [7]], // one ranked contestant: not eligible
    ]);
  });

  it('ranks a unit with fewer than k on what it has when the competition\'s rule says so', () => {
    const rows = [p(1, 90), p(1, 70), p(1, 10), p(2, 80), p(2, 80), p(4, 99), { unitId: 5, theory: 99 }];
    const r = rankContestants({ cols: columns(rows), parts: PARTS_30_70, rules: rulesWith() });
    const t = (belowK: 'excluded' | 'ranked') => teamStandings(columns(rows), r, 3, belowK).map((s) => [s.unitId, s.sum, s.rank]);
    expect(t('excluded')).toEqual([[1, 170, 1], [2, null, null], [4, null, null], [5, null, null]]);
    expect(t('ranked')).toEqual([[1, 170, 1], [2, 160, 2], [4, 99, 3], [5, null, null]]); // unit 5 has no total
    expect(teamStandings(columns(rows), r, 3)).toEqual(teamStandings(columns(rows), r, 3, 'excluded'));
  });

  it('property: ranking those below k changes nothing among the units with k, only adds the others', () => {
    fc.assert(fc.property(fc.array(rowArb, { maxLength: 50 }), partsArb, rulesArb, fc.integer({ min: 1, max: 4 }), (rows, parts, rules, k) => {
      const cols = columns(rows);
      const r = rankContestants({ cols, parts, rules });
      const excluded = teamStandings(cols, r, k, 'excluded');
      const ranked = teamStandings(cols, r, k, 'ranked');
      const full = (t: typeof ranked) => t.filter((s) => s.counted.length >= k).map((s) => [s.unitId, s.sum]);
      expect(full(ranked)).toEqual(full(excluded));
      for (const s of ranked) expect(s.rank === null).toBe(s.entrants === 0);
      const rankOf = new Map(ranked.map((s) => [s.unitId, s.rank]));
      for (const s of excluded) if (s.rank !== null) expect(rankOf.get(s.unitId)!).toBeGreaterThanOrEqual(s.rank);
    }));
  });

  it('shares a rank only when the sum and the best single total are equal', () => {
    const rows = [p(1, 90), p(1, 70), p(2, 90), p(2, 70), p(3, 50), p(3, 50)];
    const r = rankContestants({ cols: columns(rows), parts: PARTS_30_70, rules: rulesWith() });
    expect(teamStandings(columns(rows), r, 2).map((s) => s.rank)).toEqual([1, 1, 3]);
  });

  it('property: eligible units sorted by (sum, best) with shared ranks, counted = the unit’s best k', () => {
    fc.assert(fc.property(fc.array(rowArb, { maxLength: 50 }), partsArb, rulesArb, fc.integer({ min: 1, max: 4 }), fc.constantFrom('excluded' as const, 'ranked' as const), (rows, parts, rules, k, belowK) => {
      const cols = columns(rows);
      const r = rankContestants({ cols, parts, rules });
      const t = teamStandings(cols, r, k, belowK);
      expect(new Set(t.map((s) => s.unitId))).toEqual(new Set(rows.map((x) => x.unitId)));
      const h = (v: number) => Math.round(v * 100);
      for (const s of t) {
        const mine = Array.from(r.order.subarray(0, r.ranked)).filter((i) => cols.unitId[i] === s.unitId);
        expect(s.entrants).toBe(mine.length);
        expect(s.counted).toEqual(mine.slice(0, k));
        const left = mine.length === 0 || (mine.length < k && belowK === 'excluded');
        expect(s.sum).toBe(left ? null : mine.slice(0, k).reduce((a, i) => a + h(r.total[i]!), 0) / 100);
      }
      const eligible = t.filter((s) => s.sum !== null);
      expect(t.slice(0, eligible.length)).toEqual(eligible);
      eligible.forEach((s, q) => {
        if (q === 0) return expect(s.rank).toBe(1);
        const a = eligible[q - 1]!;
        const key = (x: typeof s) => [h(x.sum!), h(r.total[x.counted[0]!]!)];
        const [sa, ba] = key(a);
        const [sb, bb] = key(s);
        expect(sa! > sb! || (sa === sb && ba! >= bb!)).toBe(true);
        expect(s.rank).toBe(sa === sb && ba === bb ? a.rank : q + 1);
      });
    }));
  });
});

describe('组织奖 (organization award)', () => {
  it('scores entrants × a + honoured × b; equal scores share the rank and the award', () => {
    const rows = [p(1, 90), p(1, 80), p(2, 85), p(2, 40), p(3, 30), p(3, 20), p(4, 10), { unitId: 5, theory: 1 }];
    const rules = rulesWith({ topN: 2, minEntrantsForAwards: 1, organizationAward: { perEntrant: 1, perTopN: 5, count: 2 } });
    const r = rankContestants({ cols: columns(rows), parts: PARTS_30_70, rules });
    const o = organizationStandings(columns(rows), r, individualAwards(r, rules).honoured, rules);
    expect(o.map((s) => [s.unitId, s.entrants, s.honoured, s.score, s.rank, s.award])).toEqual([
      [1, 2, 1, 7, 1, true],
      [2, 2, 1, 7, 1, true],
      [3, 2, 0, 2, 3, false],
      [4, 1, 0, 1, 4, false],
      [5, 0, 0, 0, 5, false],
    ]);
  });

  it('property: sorted by score, ranks shared on equal scores, award iff rank ≤ count and score > 0', () => {
    fc.assert(fc.property(fc.array(rowArb, { maxLength: 50 }), partsArb, rulesArb, (rows, parts, rules) => {
      const cols = columns(rows);
      const r = rankContestants({ cols, parts, rules });
      const honoured = individualAwards(r, rules).honoured;
      const o = organizationStandings(cols, r, honoured, rules);
      const { perEntrant, perTopN, count } = rules.organizationAward;
      o.forEach((s, q) => {
        const entrants = Array.from(r.order.subarray(0, r.ranked)).filter((i) => cols.unitId[i] === s.unitId).length;
        expect(s.entrants).toBe(entrants);
        expect(s.honoured).toBe(honoured.filter((i) => cols.unitId[i] === s.unitId).length);
        expect(s.score).toBeCloseTo(entrants * perEntrant + s.honoured * perTopN, 6);
        const above = o[q - 1];
        if (above) expect(above.score).toBeGreaterThanOrEqual(s.score);
        expect(s.rank).toBe(above && above.score === s.score ? above.rank : q + 1);
        expect(s.award).toBe(s.score > 0 && s.rank <= count);
      });
    }));
  });
});

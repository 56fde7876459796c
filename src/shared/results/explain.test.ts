import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PARTS_30_70 } from '../competition/parts.js';
import { rankSteps } from './explain.js';
import { resultFormulas } from './formulas.js';
import { rankContestants } from './ranking.js';
import { columns, partsArb, rowArb, rulesArb, rulesWith } from './test-columns.js';
import { DECIDED_BY_CODES } from './types.js';

describe('名次说明 (rankSteps)', () => {
  it('walks the keys up to the deciding one', () => {
    const rows = [
      { unitId: 1, theory: 100, practical: 80, seconds: 3500 },
      { unitId: 1, theory: 100, practical: 80, seconds: 3600 },
      { unitId: 2, theory: 100, practical: 80, seconds: 3600 },
      { unitId: 2, theory: 50, practical: 80 },
    ];
    const cols = columns(rows);
    const rules = rulesWith();
    const r = rankContestants({ cols, parts: PARTS_30_70, rules });
    expect(rankSteps(1, 0, cols, r, rules)).toEqual([
      { key: 'total', mine: 86, theirs: 86, decisive: false },
      { key: 'practical', mine: 80, theirs: 80, decisive: false },
      { key: 'time', mine: 3600, theirs: 3500, decisive: true },
    ]);
    expect(rankSteps(2, 1, cols, r, rules).map((s) => [s.key, s.decisive])).toEqual([
      ['total', false], ['practical', false], ['time', false], ['theory', false], ['shared', true],
    ]);
    expect(rankSteps(3, 2, cols, r, rules)).toEqual([{ key: 'total', mine: 71, theirs: 86, decisive: true }]);
  });

  it('decides with the key the ranking recorded for every neighbour pair', () => {
    fc.assert(fc.property(fc.array(rowArb, { maxLength: 40 }), partsArb, rulesArb, (rows, parts, rules) => {
      const cols = columns(rows);
      const r = rankContestants({ cols, parts, rules });
      for (let p = 1; p < r.ranked; p++) {
        const steps = rankSteps(r.order[p]!, r.order[p - 1]!, cols, r, rules);
        expect(steps.filter((s) => s.decisive)).toHaveLength(1);
        expect(steps.at(-1)!.decisive).toBe(true);
        expect(steps.at(-1)!.key).toBe(DECIDED_BY_CODES[r.decidedBy[r.order[p]!]!]);
      }
    }));
  });
});

describe('公式说明 (resultFormulas)', () => {
  it('prints the configured weights, chain, k, organization formula and outcomes', () => {
    const f = resultFormulas(PARTS_30_70, rulesWith({ teamBestK: 2, tieBreak: ['practical', 'time'] }));
    expect(f.total).toContain('理论知识考试成绩 × 30% + 操作技能考核成绩 × 70%');
    expect(f.tieBreak).toContain('（1）操作技能考核成绩高者在前；（2）实操完成用时短者在前');
    expect(f.team).toContain('最高的 2 名');
    expect(f.team).toContain('不足 2 人的单位不参加团体排名');
    expect(resultFormulas(PARTS_30_70, rulesWith({ teamBestK: 2, teamBelowK: 'ranked' })).team).toContain('不足 2 人的单位按已有选手的总成绩之和参加团体排名');
    expect(f.organization).toContain('× 1 + 个人获奖人数 × 5');
    expect(f.outcomes).toContain('晋升技师');
    expect(f.outcomes).toContain('认定高级工');
    expect(f.standardized).toContain('700');
    for (const text of Object.values(f)) expect(text).toMatch(/^[\u4e00-\u9fff]/);
  });
});

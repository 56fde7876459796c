import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CompetitionParts, PART_KEYS, type PartKey, PARTS_20_80, PARTS_25_55_20, PARTS_30_70, passedAll, passedParts, weightedTotal } from './parts.js';

const PRESETS = [PARTS_30_70, PARTS_20_80, PARTS_25_55_20];
const score = fc.integer({ min: 0, max: 10000 }).map((h) => h / 100);
const scoresFor = (keys: readonly PartKey[]) => fc.tuple(...keys.map(() => score)).map((vs) => Object.fromEntries(keys.map((k, i) => [k, vs[i]])));

describe('成绩构成 (parts and weights)', () => {
  it('ships valid presets', () => {
    for (const p of PRESETS) expect(CompetitionParts.parse(p)).toEqual(p);
    expect(PARTS_25_55_20.map((p) => [p.key, p.weight])).toEqual([['theory', 25], ['practical', 55], ['oral', 20]]);
  });

  it('defaults the pass mark to 60', () => {
    expect(CompetitionParts.parse([{ key: 'theory', weight: 30 }, { key: 'practical', weight: 70 }])[0]!.passMark).toBe(60);
  });

  it('refuses weights that do not sum to 100, a missing practical part and repeated parts', () => {
    const msgs = (v: unknown) => CompetitionParts.safeParse(v).error?.issues.map((i) => i.message) ?? [];
    expect(msgs([{ key: 'theory', weight: 30 }, { key: 'practical', weight: 60 }])).toEqual(['各部分权重之和必须为 100%，当前为 90%']);
    expect(msgs([{ key: 'theory', weight: 100 }])).toEqual(['成绩构成必须包含操作技能考核']);
    expect(msgs([{ key: 'practical', weight: 50 }, { key: 'practical', weight: 50 }])).toEqual(['「操作技能考核」重复']);
    expect(msgs([{ key: 'theory', weight: 30.5 }, { key: 'practical', weight: 69.5 }])).toContain('权重须为整数百分比');
    expect(msgs([{ key: 'practical', weight: 100, passMark: 101 }])).toEqual(['合格线须在 0 到 100 之间']);
    expect(msgs([{ key: 'practical', weight: 100 }])).toEqual([]);
  });

  it('weighs concrete scores (30/70: 80 and 90 → 87; half-hundredths round up)', () => {
    expect(weightedTotal(PARTS_30_70, { theory: 80, practical: 90 })).toBe(87);
    expect(weightedTotal(PARTS_20_80, { theory: 85.5, practical: 72.25 })).toBe(74.9);
    // 0.01 × 25 % + 0.01 × 55 % = 0.008 → 0.01; 70.02 × 25 % = 17.505, exactly half → 17.51
    expect(weightedTotal(PARTS_25_55_20, { theory: 0.01, practical: 0.01, oral: 0 })).toBe(0.01);
    expect(weightedTotal(PARTS_25_55_20, { theory: 70.02, practical: 0, oral: 0 })).toBe(17.51);
    expect(weightedTotal(PARTS_30_70, { theory: 80 })).toBeNull();
    expect(weightedTotal(PARTS_30_70, { theory: 80, practical: null })).toBeNull();
    expect(() => weightedTotal(PARTS_30_70, { theory: 101, practical: 50 })).toThrow('理论知识考试：成绩须在 0 到 100 之间');
  });

  it('gives 100 for all 100 and 0 for all 0', () => {
    for (const p of PRESETS) {
      expect(weightedTotal(p, { theory: 100, practical: 100, oral: 100 })).toBe(100);
      expect(weightedTotal(p, { theory: 0, practical: 0, oral: 0 })).toBe(0);
    }
  });

  it('never falls when a part score rises, and stays between the lowest and highest part score', () => {
    fc.assert(fc.property(fc.constantFrom(...PRESETS), fc.constantFrom(...PART_KEYS), scoresFor(PART_KEYS), score, (parts, key, scores, other) => {
      const total = weightedTotal(parts, scores)!;
      const raised = weightedTotal(parts, { ...scores, [key]: Math.max(scores[key]!, other) })!;
      expect(raised).toBeGreaterThanOrEqual(total);
      const used = parts.map((p) => scores[p.key]!);
      expect(total).toBeGreaterThanOrEqual(Math.min(...used));
      expect(total).toBeLessThanOrEqual(Math.max(...used));
    }));
  });

  it('passes each part against its own pass mark', () => {
    const parts = CompetitionParts.parse([{ key: 'theory', weight: 30 }, { key: 'practical', weight: 70, passMark: 70 }]);
    expect(passedParts(parts, { theory: 60, practical: 69.99 })).toEqual([
      { key: 'theory', score: 60, passMark: 60, passed: true },
      { key: 'practical', score: 69.99, passMark: 70, passed: false },
    ]);
    expect(passedParts(parts, { practical: 70 }).map((r) => r.passed)).toEqual([null, true]);
    expect(passedAll(parts, { theory: 60, practical: 70 })).toBe(true);
    expect(passedAll(parts, { theory: 59.99 })).toBe(false);
    expect(passedAll(parts, { theory: 60 })).toBeNull();
    expect(passedAll(PARTS_25_55_20, { theory: 60, practical: 60, oral: 10 }, ['theory', 'practical'])).toBe(true);
  });
});

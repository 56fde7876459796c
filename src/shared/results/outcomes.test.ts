import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LEVELS, type Level } from '../levels.js';
import { levelTitle, proposeOutcomes } from './outcomes.js';
import { rulesWith } from './test-columns.js';
import type { OutcomeInput } from './types.js';

const rules = rulesWith({ topN: 6 });
const input = (over: Partial<OutcomeInput>): OutcomeInput => ({ rank: null, award: null, passedAll: null, currentLevel: null, rules, ...over });
const kinds = (o: OutcomeInput) => proposeOutcomes(o).map((x) => [x.kind, x.level, x.title]);

describe('拟认定 (proposed outcomes)', () => {
  it('promotes a winner without a level to 技师, titles them, and does not add 高级工 below it', () => {
    expect(kinds(input({ rank: 1, award: '第1名', passedAll: true, currentLevel: 3 }))).toEqual([
      ['award', null, '第1名'], ['promotion', 2, '晋升技师'], ['title', null, '市技术能手'],
    ]);
    expect(kinds(input({ rank: 1, award: null, passedAll: true, currentLevel: null }))).toEqual([
      ['promotion', 2, '晋升技师'], ['title', null, '市技术能手'],
    ]);
  });

  it('makes a winning 技师 eligible for 高级技师 instead, and a 高级技师 winner only titled', () => {
    expect(kinds(input({ rank: 1, award: '第1名', passedAll: true, currentLevel: 2 }))).toEqual([
      ['award', null, '第1名'], ['eligibility', 1, '高级技师考评资格'], ['title', null, '市技术能手'],
    ]);
    expect(proposeOutcomes(input({ rank: 1, passedAll: true, currentLevel: 2 }))[0]!.reason).toBe('第1名，已持有技师，获高级技师考评资格');
    expect(kinds(input({ rank: 1, passedAll: true, currentLevel: 1 }))).toEqual([['title', null, '市技术能手']]);
  });

  it('gives 高级工 to everyone passing all parts unless already held or higher; nothing for a failed part', () => {
    expect(kinds(input({ rank: 4, award: '第4名', passedAll: true, currentLevel: 4 }))).toEqual([
      ['award', null, '第4名'], ['level', 3, '高级工（国家职业资格三级）'],
    ]);
    expect(kinds(input({ rank: 9, passedAll: true, currentLevel: 3 }))).toEqual([]);
    expect(kinds(input({ rank: 1, award: '第1名', passedAll: false, currentLevel: 5 }))).toEqual([['award', null, '第1名']]);
    expect(kinds(input({ rank: null, passedAll: null }))).toEqual([]);
    expect(levelTitle(2)).toBe('技师（国家职业资格二级）');
  });

  it('never lowers a level and gives each a Chinese reason', () => {
    const levelOrNull = fc.option(fc.constantFrom(...LEVELS), { nil: null });
    fc.assert(fc.property(
      fc.option(fc.integer({ min: 1, max: 20 }), { nil: null }), fc.boolean(), fc.option(fc.boolean(), { nil: null }), levelOrNull,
      fc.constantFrom(...LEVELS), fc.constantFrom(...LEVELS),
      (rank, honoured, passedAll, currentLevel, winnerLevel, passBothLevel) => {
        const r = rulesWith({ outcomes: { winnerLevel, passBothLevel, winnerTitle: '市技术能手' } });
        const out = proposeOutcomes({ rank, award: honoured && rank ? `第${rank}名` : null, passedAll, currentLevel, rules: r });
        for (const o of out) {
          expect(o.reason).toMatch(/[\u4e00-\u9fff]/);
          if (o.kind === 'promotion' || o.kind === 'level' || o.kind === 'eligibility') {
            expect(o.level).not.toBeNull();
            if (currentLevel !== null) expect(o.level!).toBeLessThan(currentLevel as Level);
          }
        }
        expect(out.filter((o) => o.kind === 'promotion' || o.kind === 'level').length).toBeLessThanOrEqual(passedAll ? 2 : 0);
        if (rank !== 1 || passedAll !== true) expect(out.some((o) => ['promotion', 'title', 'eligibility'].includes(o.kind))).toBe(false);
      },
    ));
  });
});

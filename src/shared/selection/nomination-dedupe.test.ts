import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { duplicateReason, foldNominations, nominatorKey, type NominationLike } from './nomination-dedupe.js';

const nominationArb: fc.Arbitrary<NominationLike> = fc.record({
  personId: fc.integer({ min: 1, max: 6 }),
  channel: fc.constantFrom('unit', 'district', 'industry', 'society', 'self'),
  nominatorAccountId: fc.integer({ min: 1, max: 4 }),
  nominatorUnitId: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
  nominatorName: fc.constantFrom(null, '王五', '王 五', '李四'),
  nominatorOrg: fc.constantFrom(null, '工会', ''),
  byPersonAccount: fc.boolean(),
});

describe('one candidate per person, one nomination per nominator', () => {
  it('folds nominations into one candidate per person, with every channel that nominated them', () => {
    fc.assert(fc.property(fc.array(nominationArb, { maxLength: 40 }), (items) => {
      const { candidates, refused } = foldNominations(items);
      expect([...candidates.keys()].sort()).toEqual([...new Set(items.map((n) => n.personId))].sort());
      const refusedAt = new Set(refused.map((r) => r.index));
      const accepted = items.filter((_, i) => !refusedAt.has(i));
      // No two accepted nominations share person and nominator; every refused one repeats an accepted one before it.
      const pairs = accepted.map((n) => `${n.personId}/${nominatorKey(n)}`);
      expect(new Set(pairs).size).toBe(pairs.length);
      for (const r of refused) {
        const n = items[r.index]!;
        expect(items.slice(0, r.index).some((e, j) => !refusedAt.has(j) && e.personId === n.personId && nominatorKey(e) === nominatorKey(n))).toBe(true);
        expect(r.reason).toMatch(/不能重复/);
      }
      for (const [personId, channels] of candidates) {
        expect([...channels].sort()).toEqual([...new Set(accepted.filter((n) => n.personId === personId).map((n) => n.channel))].sort());
      }
    }));
  });

  it('the order of nominations does not change the candidates', () => {
    fc.assert(fc.property(fc.array(nominationArb, { maxLength: 30 }), (items) => {
      const a = foldNominations(items).candidates;
      const b = foldNominations([...items].reverse()).candidates;
      expect([...b.entries()].map(([k, v]) => [k, [...v].sort()]).sort()).toEqual([...a.entries()].map(([k, v]) => [k, [...v].sort()]).sort());
    }));
  });

  it('two channels for one person are not duplicates; the same unit twice is; a paper nominator is known by name and body', () => {
    const unit: NominationLike = { personId: 1, channel: 'unit', nominatorAccountId: 1, nominatorUnitId: 5, nominatorName: null, nominatorOrg: null };
    expect(duplicateReason([unit], { ...unit, channel: 'industry', nominatorUnitId: 9 })).toBeNull();
    expect(duplicateReason([unit], { ...unit, nominatorAccountId: 2 })).toContain('单位推荐');
    const paper: NominationLike = { personId: 1, channel: 'society', nominatorAccountId: 3, nominatorUnitId: null, nominatorName: '王五', nominatorOrg: '工会' };
    expect(duplicateReason([paper], { ...paper, nominatorName: '王 五' })).toContain('社会推荐');
    expect(duplicateReason([paper], { ...paper, nominatorName: '李四' })).toBeNull();
  });
});

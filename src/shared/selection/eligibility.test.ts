import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkEligibility, failedRules, type EligibilityInput } from './eligibility.js';
import { DEFAULT_CONDITIONS } from './rules.js';

const keys = DEFAULT_CONDITIONS.map((c) => c.key);
const rulesArb = fc.record({ minLevel: fc.integer({ min: 1, max: 5 }), minConditions: fc.integer({ min: 1, max: 4 }) }).map((r) => ({ ...r, conditions: DEFAULT_CONDITIONS }));
const inputArb: fc.Arbitrary<EligibilityInput> = fc.record({
  unitKind: fc.constantFrom(null, 'enterprise', 'school', 'department', 'district', 'industry'),
  level: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
  equivalentSkill: fc.boolean(),
  frontLine: fc.boolean(),
  claims: fc.uniqueArray(fc.record({ conditionKey: fc.constantFrom(...keys, 'unknown'), evidence: fc.integer({ min: 0, max: 3 }) }), { selector: (c) => c.conditionKey, maxLength: 6 }),
  consent: fc.boolean(),
});

describe('checkEligibility', () => {
  it('fails exactly the rules whose condition is not met, and is ok only when none fails', () => {
    fc.assert(fc.property(inputArb, rulesArb, (input, rules) => {
      const c = checkEligibility(input, rules);
      const expected: string[] = [];
      if (!['enterprise', 'school', 'department'].includes(input.unitKind ?? '')) expected.push('works_in_city');
      const levelOk = input.level !== null && input.level <= rules.minLevel;
      if (!levelOk && !input.equivalentSkill) expected.push('level');
      if (!input.frontLine) expected.push('front_line');
      if (input.claims.filter((k) => keys.includes(k.conditionKey) && k.evidence > 0).length < rules.minConditions) expected.push('conditions');
      if (!input.consent) expected.push('consent');
      expect(failedRules(c)).toEqual(expected);
      expect(c.ok).toBe(expected.length === 0);
      expect(c.items.map((i) => i.rule)).toEqual(['works_in_city', 'level', 'front_line', 'conditions', 'consent']);
      // An equivalent-skill claim leaves the level to the verifier: pending, never passed by the machine.
      const level = c.items[1]!;
      expect(level.pending === true).toBe(!levelOk && input.equivalentSkill);
      for (const i of c.items) expect(i.message.length).toBeGreaterThan(0);
    }));
  });

  it('is monotone: a higher level, more evidence or consent never turns a pass into a failure', () => {
    fc.assert(fc.property(inputArb, rulesArb, (input, rules) => {
      const before = new Set(failedRules(checkEligibility(input, rules)));
      const better: EligibilityInput = {
        ...input, level: input.level === null ? 5 : Math.max(1, input.level - 1), consent: true,
        claims: input.claims.map((c) => ({ ...c, evidence: c.evidence + 1 })),
      };
      for (const r of failedRules(checkEligibility(better, rules))) expect(before.has(r)).toBe(true);
    }));
  });

  it('a smaller level number is higher: 技师 (2) passes a 高级工 (3) minimum, 中级工 (4) does not', () => {
    const base: EligibilityInput = { unitKind: 'enterprise', level: 2, equivalentSkill: false, frontLine: true, claims: [{ conditionKey: 'prize', evidence: 1 }], consent: true };
    const rules = { minLevel: 3, minConditions: 1, conditions: DEFAULT_CONDITIONS };
    expect(checkEligibility(base, rules).ok).toBe(true);
    const low = checkEligibility({ ...base, level: 4 }, rules);
    expect(failedRules(low)).toEqual(['level']);
    expect(low.items[1]!.message).toContain('中级工');
    expect(failedRules(checkEligibility({ ...base, claims: [{ conditionKey: 'prize', evidence: 0 }] }, rules))).toEqual(['conditions']);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attendancePct, commendedPlans, completionOf, planScore } from './completion.js';

const rule = fc.record({ minAttendancePct: fc.integer({ min: 0, max: 100 }), businessPlanRequired: fc.boolean(), appraisalRequired: fc.boolean() });
const facts = fc.integer({ min: 0, max: 60 }).chain((held) => fc.record({
  held: fc.constant(held), attended: fc.integer({ min: 0, max: held }), planSubmitted: fc.boolean(), appraisalPassed: fc.option(fc.boolean(), { nil: null }),
}));

describe('completionOf', () => {
  it('examples: 80 % of 10, plan required', () => {
    const r = { minAttendancePct: 80, businessPlanRequired: true, appraisalRequired: false };
    expect(completionOf(r, { held: 10, attended: 8, planSubmitted: true, appraisalPassed: null })).toEqual({ completed: true, pct: 80, reason: null });
    expect(completionOf(r, { held: 10, attended: 7, planSubmitted: false, appraisalPassed: null })).toEqual({
      completed: false, pct: 70, reason: '出勤率不足 80%（实到 7/10）；未提交创业计划书',
    });
    expect(completionOf({ ...r, businessPlanRequired: false, appraisalRequired: true }, { held: 3, attended: 3, planSubmitted: false, appraisalPassed: false }).reason).toBe('鉴定未通过');
    expect(attendancePct(2, 3)).toBe(66.67);
    expect(attendancePct(1, 8)).toBe(12.5);
  });

  it('is monotone in attendance', () => {
    fc.assert(fc.property(rule, facts, (r, f) => {
      if (f.attended >= f.held) return;
      const before = completionOf(r, f);
      const after = completionOf(r, { ...f, attended: f.attended + 1 });
      expect(after.pct).toBeGreaterThanOrEqual(before.pct);
      if (before.completed) expect(after.completed).toBe(true);
    }));
  });

  it('never completes below the minimum, and respects the rule flags', () => {
    fc.assert(fc.property(rule, facts, (r, f) => {
      const o = completionOf(r, f);
      if (o.completed) {
        expect(o.pct).toBeGreaterThanOrEqual(r.minAttendancePct);
        expect(f.held).toBeGreaterThan(0);
        if (r.businessPlanRequired) expect(f.planSubmitted).toBe(true);
        if (r.appraisalRequired) expect(f.appraisalPassed).toBe(true);
        expect(o.reason).toBeNull();
      } else {
        expect(o.reason).toBeTruthy();
      }
      // A flag that is off never decides: flipping the fact it guards changes nothing.
      if (!r.businessPlanRequired) expect(completionOf(r, { ...f, planSubmitted: !f.planSubmitted })).toEqual(o);
      if (!r.appraisalRequired) expect(completionOf(r, { ...f, appraisalPassed: !f.appraisalPassed })).toEqual(o);
      expect(o.pct).toBeGreaterThanOrEqual(0);
      expect(o.pct).toBeLessThanOrEqual(100);
    }));
  });
});

describe('planScore and commendedPlans', () => {
  it('averages only when every reviewer marked', () => {
    expect(planScore([80, 90.5])).toBe(85.25);
    expect(planScore([80, null])).toBeNull();
    expect(planScore([])).toBeNull();
  });

  it('commends the best N with every tie at the boundary, or all at or above the minimum', () => {
    const plans = [{ id: 1, score: 90 }, { id: 2, score: 85 }, { id: 3, score: 85 }, { id: 4, score: 70 }, { id: 5, score: null }];
    expect(commendedPlans(plans, { count: 2, minScore: null }).sort()).toEqual([1, 2, 3]);
    expect(commendedPlans(plans, { count: 1, minScore: null })).toEqual([1]);
    expect(commendedPlans(plans, { count: null, minScore: 85 }).sort()).toEqual([1, 2, 3]);
    expect(commendedPlans(plans, { count: 10, minScore: null }).sort()).toEqual([1, 2, 3, 4]);
  });

  it('property: everything scoring at least a commended plan is commended; never fewer than N when N are scored', () => {
    const arb = fc.array(fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }), { maxLength: 30 });
    fc.assert(fc.property(arb, fc.integer({ min: 1, max: 10 }), (scores, n) => {
      const plans = scores.map((score, i) => ({ id: i + 1, score }));
      const chosen = new Set(commendedPlans(plans, { count: n, minScore: null }));
      const scored = plans.filter((p) => p.score != null);
      expect(chosen.size).toBeGreaterThanOrEqual(Math.min(n, scored.length));
      const low = Math.min(...[...chosen].map((id) => plans[id - 1]!.score!));
      for (const p of scored) if (p.score! >= low) expect(chosen.has(p.id)).toBe(true);
      for (const id of chosen) expect(plans[id - 1]!.score).not.toBeNull();
    }));
  });
});

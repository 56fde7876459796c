import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeSubsidy, formatYuan, meetsAttendance, subsidyLine, yuanToFen, type SubsidyTrainee } from './subsidy.js';

const trainee = (held: number) => fc.record({
  enrolmentId: fc.integer({ min: 1, max: 1e6 }),
  sessionsHeld: fc.constant(held),
  sessionsAttended: fc.integer({ min: 0, max: held }),
  appraised: fc.boolean(),
});
const claim = fc.integer({ min: 0, max: 40 }).chain((held) => fc.tuple(fc.array(trainee(held), { maxLength: 30 }), fc.record({
  trainingFeeFen: fc.integer({ min: 0, max: 1_000_000 }),
  appraisalFeeFen: fc.integer({ min: 0, max: 200_000 }),
  minAttendancePct: fc.integer({ min: 0, max: 10_000 }).map((x) => x / 100),
})));

describe('subsidy rule', () => {
  it('a hand-computed class: 10 sessions, 80 %, 2400 + 600 yuan', () => {
    const rates = { trainingFeeFen: yuanToFen(2400), appraisalFeeFen: yuanToFen(600), minAttendancePct: 80 };
    const t = (enrolmentId: number, sessionsAttended: number, appraised: boolean): SubsidyTrainee => ({ enrolmentId, sessionsHeld: 10, sessionsAttended, appraised });
    const { lines, totals } = computeSubsidy([t(1, 10, true), t(2, 8, true), t(3, 8, false), t(4, 7, true)], rates);
    expect(lines.map((l) => l.totalFen)).toEqual([300_000, 300_000, 240_000, 0]);
    expect(lines[3]!.reason).toBe('出勤 7/10 次（70%），未达到 80%');
    expect(lines[2]!.reason).toContain('不计鉴定费');
    expect(totals).toEqual({ trainees: 4, eligible: 3, trainingFeeFen: 720_000, appraisalFeeFen: 120_000, totalFen: 840_000 });
    expect(formatYuan(totals.totalFen)).toBe('8,400.00');
  });

  it('decides the boundary exactly, without float error', () => {
    expect(meetsAttendance(4, 5, 80)).toBe(true);
    expect(meetsAttendance(7, 10, 70)).toBe(true);
    expect(meetsAttendance(29, 100, 29)).toBe(true); // 29/100*100 = 28.999999999999996 in float
    expect(meetsAttendance(2, 3, 66.67)).toBe(false);
    expect(meetsAttendance(0, 0, 0)).toBe(false);
    expect(subsidyLine({ enrolmentId: 1, sessionsHeld: 0, sessionsAttended: 0, appraised: true }, { trainingFeeFen: 1, appraisalFeeFen: 1, minAttendancePct: 0 }).reason).toContain('尚无');
  });

  it('the total is the sum of the lines; every amount is a non-negative integer', () => {
    fc.assert(fc.property(claim, ([ts, rates]) => {
      const { lines, totals } = computeSubsidy(ts, rates);
      expect(totals.totalFen).toBe(lines.reduce((s, l) => s + l.totalFen, 0));
      expect(totals.trainingFeeFen + totals.appraisalFeeFen).toBe(totals.totalFen);
      for (const l of lines) {
        for (const v of [l.trainingFeeFen, l.appraisalFeeFen, l.totalFen]) expect(Number.isInteger(v) && v >= 0).toBe(true);
        expect(l.totalFen).toBe(l.trainingFeeFen + l.appraisalFeeFen);
      }
    }));
  });

  it('an ineligible trainee is paid nothing and says why; an eligible one is paid the full training fee', () => {
    fc.assert(fc.property(claim, ([ts, rates]) => {
      for (const l of computeSubsidy(ts, rates).lines) {
        if (!l.eligible) { expect(l.totalFen).toBe(0); expect(l.reason).toBeTruthy(); }
        else expect(l.trainingFeeFen).toBe(rates.trainingFeeFen);
        if (!l.appraised) expect(l.appraisalFeeFen).toBe(0);
      }
    }));
  });

  it('one more attended session never lowers the total', () => {
    fc.assert(fc.property(claim, fc.nat(), ([ts, rates], pick) => {
      fc.pre(ts.length > 0);
      const i = pick % ts.length;
      const t = ts[i]!;
      fc.pre(t.sessionsAttended < t.sessionsHeld);
      const more = ts.map((x, j) => (j === i ? { ...x, sessionsAttended: x.sessionsAttended + 1 } : x));
      expect(computeSubsidy(more, rates).totals.totalFen).toBeGreaterThanOrEqual(computeSubsidy(ts, rates).totals.totalFen);
    }));
  });
});

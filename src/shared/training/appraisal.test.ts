import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { APPRAISAL_PASS_MARK, appraisalFailReason, appraisalPassed, checkAppraisalScore } from './appraisal.js';
import { dateFromCell } from '../excel/appraisal-sheet.js';

const score = fc.integer({ min: 0, max: 10_000 }).map((x) => x / 100);

describe('appraisal pass rule', () => {
  it('passes exactly when both parts reach 60 and the trainee sat', () => {
    fc.assert(fc.property(score, score, fc.boolean(), (theory, practical, absent) => {
      expect(appraisalPassed({ theory, practical, absent })).toBe(!absent && theory >= APPRAISAL_PASS_MARK && practical >= APPRAISAL_PASS_MARK);
      expect(appraisalFailReason({ theory, practical, absent }) === null).toBe(appraisalPassed({ theory, practical, absent }));
    }));
  });
  it('raising a score never turns a pass into a fail', () => {
    fc.assert(fc.property(score, score, score, (theory, practical, up) => {
      if (appraisalPassed({ theory, practical, absent: false })) expect(appraisalPassed({ theory: Math.min(100, theory + up), practical, absent: false })).toBe(true);
    }));
  });
  it('fails the absent and incomplete, at the mark boundary', () => {
    expect(appraisalPassed({ theory: 60, practical: 60, absent: false })).toBe(true);
    expect(appraisalPassed({ theory: 59.99, practical: 100, absent: false })).toBe(false);
    expect(appraisalPassed({ theory: 90, practical: 90, absent: true })).toBe(false);
    expect(appraisalPassed({ theory: 90, practical: null, absent: false })).toBe(false);
    expect(checkAppraisalScore(100.01)).toContain('0–100');
    expect(checkAppraisalScore(-1)).toContain('0–100');
    expect(checkAppraisalScore(0)).toBeNull();
  });
  it('reads the appraisal date as text or as an Excel serial', () => {
    expect(dateFromCell('2009-06-25')).toEqual({ ok: true, value: '2009-06-25' });
    expect(dateFromCell('2009/6/5')).toEqual({ ok: true, value: '2009-06-05' });
    expect(dateFromCell('2009年6月25日')).toEqual({ ok: true, value: '2009-06-25' });
    expect(dateFromCell(39989)).toEqual({ ok: true, value: '2009-06-25' });
    expect(dateFromCell('2009-02-30')).toMatchObject({ ok: false });
    expect(dateFromCell(null)).toBeNull();
  });
});

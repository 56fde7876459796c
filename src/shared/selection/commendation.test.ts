import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BankDetailsInput, promotionFor, raisedLevel } from './commendation.js';

describe('the commendation promotion rule', () => {
  it('promotes a 高级工 to 技师, lets a 技师 sit 高级技师 early, keeps a 高级技师', () => {
    expect(promotionFor(3)).toEqual({ promotion: 'to_technician', newLevel: 2, eligibleLevel: null });
    expect(promotionFor(2)).toEqual({ promotion: 'early_senior_technician', newLevel: null, eligibleLevel: 1 });
    expect(promotionFor(1)).toEqual({ promotion: 'none', newLevel: null, eligibleLevel: null });
    expect(promotionFor(null).promotion).toBe('none');
  });

  it('never lowers a level: the level after is the same or higher (smaller) than before', () => {
    fc.assert(fc.property(fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }), (level) => {
      const o = promotionFor(level);
      const after = raisedLevel(level, o.newLevel);
      if (level != null) expect(after).not.toBeNull();
      if (level != null && after != null) expect(after).toBeLessThanOrEqual(level);
      if (o.newLevel != null) expect(level != null && o.newLevel < level).toBe(true);
      if (o.eligibleLevel != null) expect(level != null && o.eligibleLevel < level).toBe(true);
    }));
    fc.assert(fc.property(fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }), fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }), (a, b) => {
      const r = raisedLevel(a, b);
      if (a != null) expect(r! <= a).toBe(true);
      if (b != null) expect(r! <= b).toBe(true);
    }));
  });

  it('takes an account of 12–30 digits (spaces and dashes dropped), refuses anything else', () => {
    expect(BankDetailsInput.parse({ bankName: '中国工商银行江川分行', bankAccount: '6222 0212 3456 7890 123' }).bankAccount).toBe('6222021234567890123');
    for (const bad of ['12345678901', '6222A21234567890', '1'.repeat(31), '']) {
      expect(BankDetailsInput.safeParse({ bankName: '中国工商银行', bankAccount: bad }).success, bad).toBe(false);
    }
    fc.assert(fc.property(fc.stringMatching(/^\d{12,30}$/), (a) => {
      expect(BankDetailsInput.parse({ bankName: '中国银行', bankAccount: a }).bankAccount).toBe(a);
    }));
  });
});

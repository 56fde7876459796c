import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mask, maskMiddle } from './mask.js';

describe('the one masking rule', () => {
  it('masks ID numbers and phones as published lists show them', () => {
    expect(mask('idNumber', '110101199003071234')).toBe('110***********1234');
    expect(mask('phone', '13812341234')).toBe('138****1234');
    expect(mask('phone', null)).toBeNull();
  });

  it('keeps the length, never shows the middle, and never returns the value itself', () => {
    fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 40 }), fc.nat(5), fc.nat(5), (v, h, t) => {
      const m = maskMiddle(v, h, t);
      expect([...m].length).toBe([...v].length);
      const chars = [...v];
      if (chars.length > h + t) {
        expect(m.slice(0, h)).toBe(chars.slice(0, h).join(''));
        expect([...m].slice(h, chars.length - t).every((c) => c === '*')).toBe(true);
      } else expect(/^\**$/.test(m)).toBe(true);
    }));
  });

  it('hides at least the 11 middle digits of any 18-character ID', () => {
    fc.assert(fc.property(fc.stringMatching(/^\d{17}[\dX]$/), (id) => {
      const m = mask('idNumber', id)!;
      expect(m.match(/\*/g)!.length).toBe(11);
      expect(m).not.toContain(id.slice(3, 14));
    }));
  });
});

describe('the bank account mask', () => {
  it('keeps the first and last four digits of a card number', () => {
    expect(mask('bankAccount', '6222021234567890123')).toBe('6222***********0123');
  });

  it('hides at least four digits of any account the award takes (12–30 digits), keeps the length, never the middle', () => {
    fc.assert(fc.property(fc.stringMatching(/^\d{12,30}$/), (acct) => {
      const m = mask('bankAccount', acct)!;
      expect(m.length).toBe(acct.length);
      expect(m.match(/\*/g)!.length).toBe(acct.length - 8);
      expect(m.match(/\*/g)!.length).toBeGreaterThanOrEqual(4);
      expect(m.slice(4, -4)).not.toMatch(/\d/);
      expect(m).not.toBe(acct);
    }));
  });
});

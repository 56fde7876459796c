import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalMobile, loginKey } from './login-key.js';

const toFullWidth = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

describe('loginKey', () => {
  it('gives every spelling of one mobile number the same key', () => {
    const mobile = fc.tuple(fc.constantFrom('3', '5', '7', '8', '9'), fc.stringMatching(/^\d{9}$/)).map(([b, rest]) => `1${b}${rest}`);
    const spelling = fc.record({
      prefix: fc.constantFrom('', '+86', '+86 ', '0086', '86-', '+86-'),
      sep: fc.constantFrom('', ' ', '-', '\u3000'),
      fullWidth: fc.boolean(),
      pad: fc.constantFrom('', ' ', '  '),
    });
    fc.assert(fc.property(mobile, spelling, (m, s) => {
      let typed = `${m.slice(0, 3)}${s.sep}${m.slice(3, 7)}${s.sep}${m.slice(7)}`;
      if (s.fullWidth) typed = toFullWidth(typed);
      typed = `${s.pad}${s.prefix}${typed}${s.pad}`;
      expect(loginKey(typed)).toBe(`p:${m}`);
      expect(canonicalMobile(typed)).toBe(m);
    }));
  });

  it('folds the case and surrounding space of usernames, and keeps different names apart', () => {
    expect(loginKey('  Admin ')).toBe(loginKey('admin'));
    expect(loginKey('ＡＤＭＩＮ')).toBe(loginKey('admin'));
    expect(loginKey('admin')).not.toBe(loginKey('admin2'));
    expect(loginKey('13900001111')).not.toBe(loginKey('u:13900001111'));
  });

  it('spells a landline one way with or without its dash', () => {
    expect(loginKey('0571-87654321')).toBe(loginKey('057187654321'));
    expect(canonicalMobile('0571-87654321')).toBeNull();
  });
});

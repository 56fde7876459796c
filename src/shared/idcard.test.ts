import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCharacter, checkIdNumber, makeIdNumber, normalizeIdNumber } from './idcard.js';

const today = new Date('2026-11-24T00:00:00Z');
const validId = fc
  .record({
    region: fc.constantFrom('110101', '330102', '440305', '510104', '650102'),
    date: fc.date({ min: new Date('1930-01-01'), max: new Date('2010-12-31'), noInvalidDate: true }),
    seq: fc.integer({ min: 0, max: 999 }),
    gender: fc.constantFrom<'M' | 'F'>('M', 'F'),
  })
  .map(({ region, date, seq, gender }) => ({ id: makeIdNumber(region, date.toISOString().slice(0, 10), seq, gender), gender }));

describe('resident ID number (GB 11643, ISO 7064 MOD 11-2)', () => {
  it('accepts the standard example', () => {
    expect(checkIdNumber('11010519491231002X', today)).toMatchObject({ ok: true, gender: 'F', birthDate: '1949-12-31' });
  });

  it('accepts every well-formed number and reads its gender', () => {
    fc.assert(fc.property(validId, ({ id, gender }) => {
      const r = checkIdNumber(id, today);
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.gender).toBe(gender);
    }));
  });

  it('refuses any single changed character (the check detects every single-character error)', () => {
    fc.assert(fc.property(validId, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 10 }), ({ id }, pos, delta) => {
      const alphabet = '0123456789X';
      const ch = id[pos]!;
      const from = alphabet.indexOf(ch);
      if (pos < 17 && ch === 'X') return;
      const pool = pos === 17 ? alphabet : '0123456789';
      const next = pool[(pool.indexOf(ch) + delta) % pool.length]!;
      if (next === ch || from < 0) return;
      const changed = id.slice(0, pos) + next + id.slice(pos + 1);
      expect(checkIdNumber(changed, today).ok).toBe(false);
    }));
  });

  it('names the problem', () => {
    const good = makeIdNumber('330102', '1985-03-07', 123, 'M');
    const wrongCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    expect(checkIdNumber(wrongCheck, today)).toMatchObject({ ok: false, problem: 'checkCharacter' });
    expect(checkIdNumber('33010219850307123', today)).toMatchObject({ ok: false, problem: 'length' });
    expect(checkIdNumber('3301021985030712A4', today)).toMatchObject({ ok: false, problem: 'characters' });
    const feb30 = '33010219850230123';
    expect(checkIdNumber(feb30 + checkCharacter(feb30), today)).toMatchObject({ ok: false, problem: 'birthDate' });
    const future = '33010220300101123';
    expect(checkIdNumber(future + checkCharacter(future), today)).toMatchObject({ ok: false, problem: 'birthDate' });
    const region = '99010219850307123';
    expect(checkIdNumber(region + checkCharacter(region), today)).toMatchObject({ ok: false, problem: 'region' });
    expect(checkIdNumber('', today)).toMatchObject({ ok: false, problem: 'empty' });
  });

  it('normalizes full-width digits, a lower-case x and spaces; normalizing twice changes nothing', () => {
    expect(normalizeIdNumber('１１０１０５１９４９１２３１００２ｘ')).toBe('11010519491231002X');
    expect(checkIdNumber(' 11010519491231002x ', today).ok).toBe(true);
    fc.assert(fc.property(fc.string(), (s) => {
      expect(normalizeIdNumber(normalizeIdNumber(s))).toBe(normalizeIdNumber(s));
    }));
  });
});

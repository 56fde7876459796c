import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  beijingMoment, CHECKIN_PERIOD_MS, checkinStatus, codeExpiresAt, codeTiming, decideCheckin, formatToken, parseToken, stepAt, type CheckinFacts,
} from './checkin.js';

const ms = fc.integer({ min: 1_000_000_000_000, max: 4_000_000_000_000 });
const facts = fc.record<CheckinFacts>({
  signatureOk: fc.boolean(), open: fc.boolean(), timing: fc.constantFrom('valid', 'expired', 'early'), trainee: fc.boolean(),
  enrolled: fc.boolean(), alreadySignedIn: fc.boolean(), deviceUsedByOther: fc.boolean(),
});

describe('QR code validity', () => {
  it('a code is accepted in its own step and the next one, and nowhere else', () => {
    fc.assert(fc.property(ms, fc.integer({ min: -50, max: 50 }), (now, offset) => {
      const step = stepAt(now) + offset;
      const t = codeTiming(step, now);
      if (offset === 0 || offset === -1) expect(t).toBe('valid');
      else if (offset > 0) expect(t).toBe('early');
      else expect(t).toBe('expired');
    }));
  });

  it('a code is accepted exactly until it expires: before codeExpiresAt valid, from it on never', () => {
    fc.assert(fc.property(ms, fc.integer({ min: 0, max: 10 * CHECKIN_PERIOD_MS }), (shown, later) => {
      const step = stepAt(shown);
      const at = shown + later;
      expect(codeTiming(step, at) === 'valid').toBe(at < codeExpiresAt(step));
    }));
  });

  it('the screen always shows a code that is valid for at least one full period', () => {
    fc.assert(fc.property(ms, (now) => {
      expect(codeExpiresAt(stepAt(now)) - now).toBeGreaterThan(CHECKIN_PERIOD_MS);
    }));
  });

  it('tokens round-trip and anything else is refused as malformed', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 2_147_483_647 }), fc.nat(), fc.base64String({ minLength: 44, maxLength: 44 }), (id, step, b64) => {
      const mac = b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=/g, 'A');
      expect(parseToken(formatToken(id, step, mac))).toEqual({ sessionId: id, step, mac });
    }));
    for (const bad of ['', '1.2', '0.5.abcdefghijklmnopq', '1.-5.abcdefghijklmnopq', '1.5.abc', '1.5.abcdefghijklmnop!', 'x.5.abcdefghijklmnopq', '99999999999.5.abcdefghijklmnopq']) {
      expect(parseToken(bad)).toBeNull();
    }
  });
});

describe('the verdict on an attempt', () => {
  it('accepts only when every condition holds', () => {
    fc.assert(fc.property(facts, (f) => {
      const ok = f.signatureOk && f.open && f.timing === 'valid' && f.trainee && f.enrolled && !f.alreadySignedIn && !f.deviceUsedByOther;
      expect(decideCheckin(f) === 'accepted').toBe(ok);
    }));
  });

  it('a forged or mistimed code is refused whatever else is true, and says so before anything about the trainee', () => {
    fc.assert(fc.property(facts, (f) => {
      if (!f.signatureOk) expect(decideCheckin(f)).toBe('forged');
      else if (f.timing !== 'valid') expect(decideCheckin(f)).toBe(f.timing);
    }));
  });

  it('a replay is never accepted; the same trainee hears 已签到, not the device rule', () => {
    fc.assert(fc.property(facts, (f) => {
      const g = { ...f, signatureOk: true, timing: 'valid' as const, open: true, trainee: true, enrolled: true, alreadySignedIn: true };
      expect(decideCheckin(g)).toBe('replayed');
    }));
  });
});

describe('present or late (Beijing wall clock)', () => {
  it('a session at 08:30 Beijing starts at 00:30 UTC', () => {
    expect(new Date(beijingMoment('2009-05-13', '08:30')).toISOString()).toBe('2009-05-13T00:30:00.000Z');
    expect(new Date(beijingMoment('2009-05-13', '07:00')).toISOString()).toBe('2009-05-12T23:00:00.000Z');
  });

  it('late exactly when more than 15 minutes after the start', () => {
    fc.assert(fc.property(fc.integer({ min: -120, max: 120 }), fc.integer({ min: 0, max: 59 }), (minutes, seconds) => {
      const at = beijingMoment('2009-05-13', '08:30') + minutes * 60_000 + seconds * 1000;
      const late = minutes > 15 || (minutes === 15 && seconds > 0);
      expect(checkinStatus('2009-05-13', '08:30', at)).toBe(late ? 'late' : 'present');
    }));
  });
});

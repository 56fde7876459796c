import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LEVELS, type Level } from '../levels.js';
import { bestLevel, datesOverlap, examNumber, examSequence, newTechnicianLevelProblem, nextExamNumbers } from './enrolment.js';
import { NEW_TECHNICIAN_MIN_LEVEL } from './rules.js';

const day = fc.integer({ min: 0, max: 120 }).map((n) => new Date(Date.UTC(2009, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
const range = fc.tuple(day, day).map(([a, b]) => (a <= b ? { start: a, end: b } : { start: b, end: a }));
const level = fc.constantFrom(...LEVELS);
const days = (r: { start: string; end: string }) => {
  const out = new Set<string>();
  for (let t = Date.parse(r.start); t <= Date.parse(r.end); t += 86_400_000) out.add(new Date(t).toISOString().slice(0, 10));
  return out;
};

describe('enrolment rules', () => {
  it('two date ranges overlap exactly when they share a day, whichever is given first', () => {
    fc.assert(fc.property(range, range, (a, b) => {
      const inB = days(b);
      const shared = [...days(a)].some((d) => inB.has(d));
      expect(datesOverlap(a, b)).toBe(shared);
      expect(datesOverlap(b, a)).toBe(shared);
    }), { numRuns: 300 });
  });

  it('the best level on record is the smallest number, null only when none is known', () => {
    fc.assert(fc.property(fc.array(fc.option(level, { nil: null })), (ls) => {
      const known = ls.filter((l): l is Level => l != null);
      expect(bestLevel(ls)).toBe(known.length ? Math.min(...known) : null);
    }));
  });

  it('a nomination is refused on level exactly when the confirmed or the recorded level is below 高级工', () => {
    fc.assert(fc.property(fc.option(level, { nil: null }), level, (recorded, confirmed) => {
      const p = newTechnicianLevelProblem(recorded, confirmed);
      const lowConfirmed = confirmed > NEW_TECHNICIAN_MIN_LEVEL;
      const lowRecorded = recorded != null && recorded > NEW_TECHNICIAN_MIN_LEVEL;
      expect(p === null).toBe(!lowConfirmed && !lowRecorded);
      if (lowConfirmed) expect(p?.on).toBe('confirmed');
      else if (lowRecorded) expect(p?.on).toBe('recorded');
      if (p) expect(p.reason).toContain('高级工');
    }));
  });

  it('exam numbers continue after the highest of the class, never repeat, and ignore foreign numbers', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 9999 }), fc.uniqueArray(fc.integer({ min: 1, max: 2000 })), fc.integer({ min: 0, max: 20 }), (classId, seqs, n) => {
      const existing = [...seqs.map((s) => examNumber('2009', classId, s)), examNumber('2009', classId + 1, 5000), null, 'JC2009-x'];
      const next = nextExamNumbers('2009', classId, existing, n);
      expect(new Set([...existing, ...next]).size).toBe(existing.length + n);
      const top = seqs.length ? Math.max(...seqs) : 0;
      expect(next.map((e) => examSequence('2009', classId, e))).toEqual(Array.from({ length: n }, (_, i) => top + i + 1));
    }));
    expect(examNumber('2009', 7, 3)).toBe('JC2009-7-003');
  });
});

import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCut, cutDiscrepancy, cutHash, selectedCount, totalHundredths, type CutInput, type CutRules } from './cut.js';

const sha256 = (t: string) => bytesToHex(nobleSha256(utf8ToBytes(t)));

const score = fc.option(fc.integer({ min: 0, max: 10000 }).map((h) => h / 100), { nil: null, freq: 8 });
/** Coarse scores make ties at the line common. */
const coarse = fc.option(fc.integer({ min: 0, max: 6 }).map((x) => x * 10), { nil: null, freq: 10 });

const rulesArb = fc.record({
  size: fc.integer({ min: 1, max: 12 }),
  split: fc.integer({ min: 1, max: 99 }),
  tie: fc.oneof(fc.constant({ kind: 'take_all' as const }), fc.constant({ kind: 'chain' as const, chain: ['b', 'a'] as string[] }), fc.constant({ kind: 'chain' as const, chain: [] as string[] })),
}).map(({ size, split, tie }): CutRules => ({
  roundId: 1, roundName: '评选', stageKey: 'cut', stageName: '择优', size, basis: { a: split, b: 100 - split }, tie, fromCutHash: null,
}));

const rowsArb = (s: fc.Arbitrary<number | null>) => fc.uniqueArray(fc.record({ candidateId: fc.integer({ min: 1, max: 100000 }), a: s, b: s }), { selector: (r) => r.candidateId, maxLength: 40 })
  .map((xs): CutInput[] => xs.map((x) => ({ candidateId: x.candidateId, examNumber: `K${x.candidateId}`, name: `候选人${x.candidateId}`, unit: '单位', scores: { a: x.a, b: x.b } })));

const anyRows = fc.oneof(rowsArb(score), rowsArb(coarse));

describe('computeCut', () => {
  it('the funnel never grows: the selected are a subset of those in play, at most `size` unless tied at the line', () => {
    fc.assert(fc.property(rulesArb, anyRows, (rules, rows) => {
      const out = computeCut(rules, rows);
      const inPlay = new Set(rows.map((r) => r.candidateId));
      expect(out.rows.length).toBe(rows.length);
      for (const r of out.rows) expect(inPlay.has(r.candidateId)).toBe(true);
      const sel = out.rows.filter((r) => r.selected);
      expect(sel.length).toBeLessThanOrEqual(rows.length);
      if (sel.length > rules.size) {
        // Only candidates sharing the rank at the line go beyond the size.
        const beyond = sel.slice(rules.size);
        const lineRank = sel[rules.size - 1]!.rank;
        for (const r of beyond) expect(r.rank).toBe(lineRank);
      }
      // Everyone ranked within the size is taken; nobody below is.
      for (const r of out.rows) expect(r.selected).toBe(r.rank != null && r.rank <= rules.size);
    }));
  });

  it('takes every candidate tied at the line (take_all), and ranks are shared only by equals', () => {
    const rules: CutRules = { roundId: 1, roundName: 'r', stageKey: 'c', stageName: 'c', size: 2, basis: { a: 100 }, tie: { kind: 'take_all' }, fromCutHash: null };
    const rows: CutInput[] = [90, 80, 80, 80, 70].map((a, i) => ({ candidateId: i + 1, examNumber: null, name: `n${i}`, unit: 'u', scores: { a } }));
    const out = computeCut(rules, rows);
    expect(out.rows.map((r) => r.rank)).toEqual([1, 2, 2, 2, 5]);
    expect(selectedCount(out)).toBe(4);
  });

  it('breaks ties at the line by the chain; equals on every key share the rank and are all taken', () => {
    const rules: CutRules = { roundId: 1, roundName: 'r', stageKey: 'c', stageName: 'c', size: 2, basis: { a: 50, b: 50 }, tie: { kind: 'chain', chain: ['b'] }, fromCutHash: null };
    const mk = (id: number, a: number, b: number): CutInput => ({ candidateId: id, examNumber: null, name: `n${id}`, unit: 'u', scores: { a, b } });
    const out = computeCut(rules, [mk(1, 90, 90), mk(2, 80, 60), mk(3, 60, 80), mk(4, 70, 70)]);
    expect(out.rows.map((r) => [r.candidateId, r.rank, r.selected])).toEqual([[1, 1, true], [3, 2, true], [4, 3, false], [2, 4, false]]);
    const shared = computeCut(rules, [mk(1, 90, 90), mk(2, 70, 70), mk(3, 70, 70), mk(4, 60, 80)]);
    expect(shared.rows.filter((r) => r.selected).map((r) => r.candidateId)).toEqual([1, 4]);
    const tiedAll = computeCut(rules, [mk(1, 90, 90), mk(2, 70, 70), mk(3, 70, 70)]);
    expect(tiedAll.rows.map((r) => r.rank)).toEqual([1, 2, 2]);
    expect(selectedCount(tiedAll)).toBe(3);
  });

  it('ranks a candidate missing a basis score last, unranked and not taken', () => {
    fc.assert(fc.property(rulesArb, anyRows, (rules, rows) => {
      const out = computeCut(rules, rows);
      const firstMissing = out.rows.findIndex((r) => r.total == null);
      if (firstMissing < 0) return;
      for (const r of out.rows.slice(firstMissing)) {
        expect(r.total).toBeNull();
        expect(r.rank).toBeNull();
        expect(r.selected).toBe(false);
      }
    }));
  });

  it('does not depend on the order of the input', () => {
    fc.assert(fc.property(rulesArb, anyRows.chain((rows) => fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }))), (rules, [rows, shuffled]) => {
      expect(computeCut(rules, shuffled)).toEqual(computeCut(rules, rows));
    }));
  });

  it('is reproduced from its own output (the export), hash and all', () => {
    fc.assert(fc.property(rulesArb, anyRows, (rules, rows) => {
      const out = computeCut(rules, rows);
      expect(computeCut(rules, out.rows)).toEqual(out);
      expect(cutDiscrepancy(rules, out, cutHash(rules, out, sha256), sha256)).toBeNull();
    }));
  });

  it('changes the hash when any score or any rule changes, and the re-check names the row', () => {
    fc.assert(fc.property(rulesArb, rowsArb(score).filter((r) => r.length > 0), fc.nat(), fc.integer({ min: 1, max: 500 }), (rules, rows, pick, delta) => {
      const out = computeCut(rules, rows);
      const h = cutHash(rules, out, sha256);
      const i = pick % rows.length;
      const changed = structuredClone(rows);
      const key = changed[i]!.scores.a == null ? 'b' : 'a';
      const was = changed[i]!.scores[key];
      changed[i]!.scores[key] = was == null ? 50 : was + delta / 100;
      const out2 = computeCut(rules, changed);
      expect(cutHash(rules, out2, sha256)).not.toBe(h);
      expect(cutHash({ ...rules, size: rules.size + 1 }, out, sha256)).not.toBe(h);
      expect(cutHash({ ...rules, basis: { a: rules.basis.a! + 1, b: rules.basis.b! - 1 } }, out, sha256)).not.toBe(h);
      expect(cutHash({ ...rules, fromCutHash: 'x' }, out, sha256)).not.toBe(h);
      // A score edited in the export is caught by the re-check.
      const tampered = structuredClone(out);
      const row = tampered.rows.find((r) => r.candidateId === rows[i]!.candidateId)!;
      row.scores[key] = changed[i]!.scores[key]!;
      expect(cutDiscrepancy(rules, tampered, h, sha256)).not.toBeNull();
    }));
  });

  it('adds in whole hundredths: 33.33 × 1/3 weights reproduce exactly', () => {
    expect(totalHundredths({ a: 33, b: 33, c: 34 }, { a: 33.33, b: 33.33, c: 33.34 })).toBe(3333);
    expect(totalHundredths({ a: 40, b: 60 }, { a: 0.1, b: 0.2 })).toBe(16);
    expect(totalHundredths({ a: 100 }, { a: null })).toBeNull();
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DRAW_ALGORITHM, drawLots, newSeedHex, seedCommitment, seedMatchesCommitment, uint32Stream, uniformIndex } from './draw.js';

const seedHex = fc.uint8Array({ minLength: 16, maxLength: 32 }).map(newSeedHex);
const ids = fc.uniqueArray(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 0, maxLength: 60 });
const shuffled = <T>(xs: readonly T[], keys: number[]) =>
  xs.map((x, i) => [keys[i % keys.length] ?? 0, i, x] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([, , x]) => x);

describe('抽签 (fisher-yates-sha256-v1)', () => {
  it('golden: a fixed seed and ids 1–5 give a fixed draw (any change to the algorithm must change its name)', () => {
    expect(DRAW_ALGORITHM).toBe('fisher-yates-sha256-v1');
    const seed = '000102030405060708090a0b0c0d0e0f';
    expect(seedCommitment(seed)).toBe('be45cb2605bf36bebde684841a28f0fd43c69850a3dce5fedba69928ee3a8991');
    expect(drawLots({ entryIds: [1, 2, 3, 4, 5], seedHex: seed, stations: 2, codePrefix: 'C' })).toEqual([
      { entryId: 4, code: 'C001', station: 1, round: 1 },
      { entryId: 3, code: 'C002', station: 2, round: 1 },
      { entryId: 5, code: 'C003', station: 1, round: 2 },
      { entryId: 2, code: 'C004', station: 2, round: 2 },
      { entryId: 1, code: 'C005', station: 1, round: 3 },
    ]);
    // Cross-checked with an independent Python implementation of the published description.
    const twelve = Array.from({ length: 12 }, (_, i) => 101 + i);
    expect(drawLots({ entryIds: twelve, seedHex: 'FF'.repeat(32), stations: 5, codePrefix: '' }).map((l) => l.entryId))
      .toEqual([107, 104, 102, 110, 108, 106, 112, 103, 111, 109, 101, 105]);
  });

  it('reads the stream as SHA-256(seed ‖ uint32be(k)), 4 bytes at a time, big-endian', () => {
    const next = uint32Stream(new Uint8Array(16));
    const first = Array.from({ length: 9 }, next);
    // SHA-256 of 20 zero bytes starts de47c9b2…; block 1 = SHA-256(16 zero bytes ‖ 00000001).
    expect(first[0]).toBe(0xde47c9b2);
    expect(new Set(first).size).toBe(9);
  });

  it('rejects values at or above the largest multiple of m below 2^32 (no modulo bias)', () => {
    const feed = (xs: number[]) => () => xs.shift()!;
    // m = 3: limit = 4294967295, so 0xFFFFFFFF is rejected and 7 gives 7 mod 3 = 1.
    expect(uniformIndex(feed([0xffffffff, 7]), 2)).toBe(1);
    // m = 5: limit = 4294967295 as well; m = 6: limit = 4294967292.
    expect(uniformIndex(feed([4294967292, 4294967293, 11]), 5)).toBe(5);
    // m = 4 divides 2^32: nothing is rejected.
    expect(uniformIndex(feed([0xffffffff]), 3)).toBe(3);
  });

  it('is a permutation of the input with unique codes and stations in range', () => {
    fc.assert(fc.property(ids, seedHex, fc.integer({ min: 1, max: 12 }), (entryIds, seed, stations) => {
      const lots = drawLots({ entryIds, seedHex: seed, stations, codePrefix: 'CG-' });
      expect(lots.map((l) => l.entryId).sort((a, b) => a - b)).toEqual([...entryIds].sort((a, b) => a - b));
      expect(new Set(lots.map((l) => l.code)).size).toBe(lots.length);
      lots.forEach((l, p) => {
        expect(l.station).toBeGreaterThanOrEqual(1);
        expect(l.station).toBeLessThanOrEqual(stations);
        expect(l.code).toBe(`CG-${String(p + 1).padStart(3, '0')}`);
        expect((l.round - 1) * stations + l.station).toBe(p + 1);
      });
    }));
  });

  it('depends on the seed and the set of ids, not on their order', () => {
    fc.assert(fc.property(ids, seedHex, fc.array(fc.nat()), (entryIds, seed, keys) => {
      const a = drawLots({ entryIds, seedHex: seed, stations: 4, codePrefix: '' });
      const b = drawLots({ entryIds: shuffled(entryIds, keys), seedHex: seed.toUpperCase(), stations: 4, codePrefix: '' });
      expect(b).toEqual(a);
    }));
  });

  it('gives a different order for a different seed (n ≥ 10: a collision has odds below 1 in 3.6 million)', () => {
    const many = fc.uniqueArray(fc.integer({ min: 1, max: 100_000 }), { minLength: 10, maxLength: 40 });
    fc.assert(fc.property(many, seedHex, seedHex, (entryIds, s1, s2) => {
      fc.pre(s1 !== s2);
      const order = (s: string) => drawLots({ entryIds, seedHex: s, stations: 1, codePrefix: '' }).map((l) => l.entryId);
      expect(order(s1)).not.toEqual(order(s2));
    }));
  });

  it('widens codes beyond 999 contestants', () => {
    const lots = drawLots({ entryIds: Array.from({ length: 1000 }, (_, i) => i + 1), seedHex: 'ab'.repeat(16), stations: 40, codePrefix: 'X' });
    expect(lots[0]!.code).toBe('X0001');
    expect(lots[999]).toMatchObject({ code: 'X1000', station: 40, round: 25 });
    expect(drawLots({ entryIds: [], seedHex: 'ab'.repeat(16), stations: 3, codePrefix: 'X' })).toEqual([]);
  });

  it('commits to the seed and checks a revealed one', () => {
    fc.assert(fc.property(seedHex, seedHex, (s1, s2) => {
      const c = seedCommitment(s1);
      expect(c).toMatch(/^[0-9a-f]{64}$/);
      expect(seedMatchesCommitment(s1, c)).toBe(true);
      expect(seedMatchesCommitment(s1.toUpperCase(), c.toUpperCase())).toBe(true);
      if (s1.toLowerCase() !== s2.toLowerCase()) expect(seedMatchesCommitment(s2, c)).toBe(false);
    }));
    expect(seedMatchesCommitment('xyz', 'abc')).toBe(false);
  });

  it('refuses bad input with a clear message', () => {
    const seed = 'ab'.repeat(16);
    expect(() => newSeedHex(new Uint8Array(15))).toThrow('至少需要 16 个随机字节');
    expect(() => seedCommitment('ab'.repeat(15))).toThrow('至少 32 位');
    expect(() => seedCommitment('a'.repeat(33))).toThrow('偶数位十六进制');
    expect(() => seedCommitment('zz'.repeat(16))).toThrow('十六进制');
    expect(() => drawLots({ entryIds: [1], seedHex: seed, stations: 0, codePrefix: '' })).toThrow('工位数');
    expect(() => drawLots({ entryIds: [1], seedHex: seed, stations: 1.5, codePrefix: '' })).toThrow('工位数');
    expect(() => drawLots({ entryIds: [1, 2, 1], seedHex: seed, stations: 1, codePrefix: '' })).toThrow('报名编号重复：1');
    expect(() => drawLots({ entryIds: [0], seedHex: seed, stations: 1, codePrefix: '' })).toThrow('正整数');
    expect(() => drawLots({ entryIds: [2.5], seedHex: seed, stations: 1, codePrefix: '' })).toThrow('正整数');
  });
});

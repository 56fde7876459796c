import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';

/**
 * 抽签 (the draw of contestant codes, 参赛编号) with a commit–reveal seed, so that anyone can re-run
 * it and nobody — not even the organizer — could choose the outcome.
 *
 * Procedure
 *   1. Before the draw the server takes ≥ 16 crypto-random bytes, the seed, and publishes only its
 *      commitment: lowercase hex SHA-256 of the seed bytes (`seedCommitment`).
 *   2. At the draw the input is fixed — the approved entry ids — and the result computed as below.
 *   3. When the seed is revealed anyone checks SHA-256(seed) = commitment and re-runs `drawLots`.
 *      Note that the seed plus the entry ids reproduce the code → entry mapping, which is what the
 *      encryption (加密) hides from judges; reveal it to people who may know that mapping.
 *
 * Algorithm "fisher-yates-sha256-v1" (a published draw names it; any change makes a new name)
 *   Input: entry ids (unique positive integers), seed (hex, even length, ≥ 32 hex digits, case-free),
 *   stations S ≥ 1 (工位), a code prefix (any string, may be empty).
 *   a. Sort the ids ascending as numbers; the input order does not matter.
 *   b. Byte stream: block k (k = 0, 1, 2, …) = SHA-256(seedBytes ‖ uint32be(k)), 32 bytes each;
 *      the stream is block 0, block 1, …, read 4 bytes at a time as big-endian unsigned 32-bit
 *      integers r (8 integers per block, never skipping any).
 *   c. Fisher–Yates: for i = n−1 down to 1: let m = i + 1 and limit = floor(2^32 / m) · m;
 *      take the next r from the stream until r < limit (rejection sampling: no modulo bias);
 *      j = r mod m; swap a[i] and a[j].
 *   d. The shuffled array is the drawn order. Position p (0-based) gets
 *        code    = prefix + (p + 1) in decimal, zero-padded to w = max(3, number of digits of n)
 *        station = (p mod S) + 1
 *        round   = floor(p / S) + 1   (场次: more contestants than stations means several rounds)
 *
 * Example (the golden test in draw.test.ts): seed 00010203…0f (16 bytes), ids 1–5, 2 stations,
 * prefix 'C' gives the order 4, 3, 5, 2, 1 (C001 … C005; stations 1, 2, 1, 2, 1; rounds 1, 1, 2, 2, 3).
 */

export const DRAW_ALGORITHM = 'fisher-yates-sha256-v1';

export interface DrawInput {
  entryIds: readonly number[];
  seedHex: string;
  stations: number;
  codePrefix: string;
}

export interface DrawnLot {
  entryId: number;
  code: string;
  station: number;
  round: number;
}

const MIN_SEED_BYTES = 16;

/** Hex of the server's crypto-random bytes (at least 16). */
export function newSeedHex(randomBytes: Uint8Array): string {
  if (randomBytes.length < MIN_SEED_BYTES) throw new RangeError(`抽签种子至少需要 ${MIN_SEED_BYTES} 个随机字节`);
  return bytesToHex(randomBytes);
}

/** Seed bytes from hex; throws unless it is even-length hex of at least 32 digits. */
export function seedBytes(seedHex: string): Uint8Array {
  if (typeof seedHex !== 'string' || !/^(?:[0-9a-fA-F]{2})+$/.test(seedHex) || seedHex.length < MIN_SEED_BYTES * 2) {
    throw new RangeError('抽签种子须为偶数位十六进制字符串，至少 32 位');
  }
  return hexToBytes(seedHex.toLowerCase());
}

/** Lowercase hex SHA-256 of the seed bytes: published before the draw. */
export function seedCommitment(seedHex: string): string {
  return bytesToHex(sha256(seedBytes(seedHex)));
}

/** Whether a revealed seed matches the published commitment. */
export function seedMatchesCommitment(seedHex: string, commitment: string): boolean {
  try {
    return seedCommitment(seedHex) === commitment.toLowerCase();
  } catch {
    return false;
  }
}

/** Step b: the deterministic stream of uint32 values. */
export function uint32Stream(seed: Uint8Array): () => number {
  const input = new Uint8Array(seed.length + 4);
  input.set(seed);
  const view = new DataView(input.buffer);
  let k = 0;
  let block: Uint8Array = new Uint8Array(0);
  let offset = 32;
  return () => {
    if (offset >= 32) {
      view.setUint32(seed.length, k, false);
      block = sha256(input);
      k++;
      offset = 0;
    }
    const r = new DataView(block.buffer, block.byteOffset, block.byteLength).getUint32(offset, false);
    offset += 4;
    return r;
  };
}

/** Step c's unbiased pick of j in [0, i], reading the stream `next`. */
export function uniformIndex(next: () => number, i: number): number {
  const m = i + 1;
  const limit = Math.floor(2 ** 32 / m) * m;
  for (;;) {
    const r = next();
    if (r < limit) return r % m;
  }
}

function validateIds(entryIds: readonly number[]): number[] {
  const seen = new Set<number>();
  for (const id of entryIds) {
    if (!Number.isSafeInteger(id) || id <= 0) throw new RangeError(`报名编号必须是正整数：${String(id)}`);
    if (seen.has(id)) throw new RangeError(`报名编号重复：${id}`);
    seen.add(id);
  }
  return [...entryIds].sort((a, b) => a - b);
}

export function drawLots({ entryIds, seedHex, stations, codePrefix }: DrawInput): DrawnLot[] {
  if (!Number.isSafeInteger(stations) || stations < 1) throw new RangeError(`工位数必须是不小于 1 的整数：${String(stations)}`);
  if (typeof codePrefix !== 'string') throw new TypeError('编号前缀必须是字符串');
  const a = validateIds(entryIds);
  const next = uint32Stream(seedBytes(seedHex));
  for (let i = a.length - 1; i >= 1; i--) {
    const j = uniformIndex(next, i);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  const width = Math.max(3, String(a.length).length);
  return a.map((entryId, p) => ({
    entryId,
    code: codePrefix + String(p + 1).padStart(width, '0'),
    station: (p % stations) + 1,
    round: Math.floor(p / stations) + 1,
  }));
}

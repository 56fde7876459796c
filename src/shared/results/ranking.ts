import { PART_NAMES, type CompetitionPart } from '../competition/parts.js';
import type { CompetitionRules } from '../contracts/competitions.js';
import { standardizedScores } from './standardized.js';
import type { Ranking, RankingInput, ScoreColumns } from './types.js';

/**
 * 排名: higher total first; equal totals are separated by the competition's tie-break chain
 * (practical higher, time shorter, theory higher, oral higher; a missing value after a present one);
 * contestants equal on every key share a rank (1, 2, 2, 4) and are listed by column index.
 * Contestants without a total (a part missing) come last, unranked.
 *
 * Speed (100,000 contestants within the time of a typed-array sort of their totals): totals are
 * integers of hundredths (0 … 10000) and so is the first chain key (a score in hundredths, or whole
 * seconds), so two stable counting sorts — by the first key, then by the total — order everyone in
 * linear time (a least-significant-digit radix sort). Only runs equal on both are re-sorted with
 * the rest of the chain. When the first key is not a small integer (seconds with fractions, or a
 * range far above the number of contestants) it joins the rest of the chain instead.
 */

export type TieKey = CompetitionRules['tieBreak'][number];

/** The decidedBy code of each tie-break key (see DECIDED_BY_CODES). */
export const TIE_KEY_CODE: Record<TieKey, number> = { practical: 1, time: 2, theory: 3, oral: 4 };
export const DECIDED_TOTAL = 0;
export const DECIDED_SHARED = 5;

const MAX_H = 10000; // 100.00 points in hundredths

const column = (cols: ScoreColumns, key: TieKey) => (key === 'time' ? cols.seconds : cols[key]);

/** The key's raw value for one contestant (a score out of 100, or seconds), null when missing. */
export function tieKeyValue(key: TieKey, cols: ScoreColumns, i: number): number | null {
  const v = column(cols, key)[i]!;
  return Number.isNaN(v) ? null : v;
}

/** The key's value as a cost: smaller is better, missing (NaN) is +Infinity; scores in hundredths. */
export function tieKeyCost(key: TieKey, v: number): number {
  return v !== v ? Infinity : key === 'time' ? v : -Math.round(v * 100);
}

interface Totals {
  /** Weighted total in hundredths, NaN when a part is missing. */
  th: Float64Array;
  passedAll: Uint8Array;
  ranked: number;
  maxTh: number;
}

/** weightedTotal (parts.ts) for every contestant at once: Σ hundredths × weight ÷ 100, half-up. */
function totalsOf(cols: ScoreColumns, parts: readonly CompetitionPart[]): Totals {
  const n = cols.n;
  const units = new Float64Array(n);
  const failed = new Uint8Array(n);
  for (const p of parts) addPart(units, failed, cols[p.key], p);
  const passedAll = new Uint8Array(n);
  let ranked = 0;
  let maxTh = 0;
  for (let i = 0; i < n; i++) {
    const u = units[i]!;
    passedAll[i] = failed[i] ? 0 : u !== u ? 2 : 1;
    if (u !== u) continue;
    const t = Math.floor((u + 50) / 100); // u is an exact integer: this is half-up division by 100
    units[i] = t;
    ranked++;
    if (t > maxTh) maxTh = t;
  }
  return { th: units, passedAll, ranked, maxTh };
}

function addPart(units: Float64Array, failed: Uint8Array, src: Float64Array, p: CompetitionPart): void {
  const w = p.weight;
  const passH = Math.round(p.passMark * 100);
  for (let i = 0; i < units.length; i++) {
    const x = src[i]! * 100;
    const h = Math.floor(x + 0.5);
    if (!(h >= 0 && h <= MAX_H && x - h < 1e-6 && h - x < 1e-6)) {
      if (x !== x) { units[i] = NaN; continue; }
      throw new RangeError(`${PART_NAMES[p.key]}：成绩须在 0 到 100 之间且最多保留两位小数（${src[i]}）`);
    }
    units[i] = units[i]! + h * w;
    if (h < passH) failed[i] = 1;
  }
}

/** The key as integer codes 0 … range-1 (smaller better, missing last), or null when not a small integer. */
function keyCodes(cols: ScoreColumns, key: TieKey): { codes: Int32Array; range: number } | null {
  const n = cols.n;
  const src = column(cols, key);
  const codes = new Int32Array(n);
  if (key !== 'time') {
    for (let i = 0; i < n; i++) {
      const v = src[i]!;
      const code = v !== v ? MAX_H + 1 : MAX_H - Math.round(v * 100); // 100.00 → 0 … 0 → 10000
      if (!(code >= 0 && code <= MAX_H + 1)) return null; // not a score: leave it to the comparator
      codes[i] = code;
    }
    return { codes, range: MAX_H + 2 };
  }
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = src[i]!;
    if (v !== v) continue;
    if (!Number.isInteger(v)) return null;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === Infinity) return null; // nobody has a time: the key separates no one
  const range = max - min + 2;
  if (range > 4 * n + 65536) return null;
  for (let i = 0; i < n; i++) codes[i] = src[i]! !== src[i]! ? range - 1 : src[i]! - min;
  return { codes, range };
}

/** The ranked column indices (those with a total), stably counting-sorted by `code[i]` ∈ [0, range) when given. */
function rankedByCode(th: Float64Array, ranked: number, code: Int32Array | null, range: number): Uint32Array {
  const out = new Uint32Array(ranked);
  const n = th.length;
  if (!code) {
    for (let i = 0, k = 0; i < n; i++) if (th[i] === th[i]) out[k++] = i;
    return out;
  }
  const start = new Int32Array(range + 1);
  for (let i = 0; i < n; i++) if (th[i] === th[i]) start[code[i]! + 1]!++;
  for (let r = 1; r <= range; r++) start[r]! += start[r - 1]!;
  for (let i = 0; i < n; i++) if (th[i] === th[i]) out[start[code[i]!]!++] = i;
  return out;
}

/**
 * Stable counting sort of `src` by total, best first, into order[0 .. ranked-1]; also fills the
 * totals and first-key codes along the order (tS, fS) so that later passes read memory in sequence.
 */
function sortByTotal(src: Uint32Array, th: Float64Array, maxTh: number, order: Uint32Array, tS: Float64Array, code: Int32Array | undefined, fS: Int32Array): void {
  const start = new Int32Array(maxTh + 2);
  for (let k = 0; k < src.length; k++) start[maxTh - th[src[k]!]! + 1]!++;
  for (let r = 1; r <= maxTh + 1; r++) start[r]! += start[r - 1]!;
  for (let k = 0; k < src.length; k++) {
    const i = src[k]!;
    const t = th[i]!;
    const p = start[maxTh - t]!++;
    order[p] = i;
    tS[p] = t;
    if (code) fS[p] = code[i]!;
  }
}

export function rankContestants({ cols, parts, rules }: RankingInput): Ranking {
  const n = cols.n;
  const { th, passedAll, ranked, maxTh } = totalsOf(cols, parts);
  const chain = rules.tieBreak;

  // Least significant digit first: by the first chain key, then (stably) by the total.
  const first = chain.length > 0 ? keyCodes(cols, chain[0]!) : null;
  const firstCodes = first?.codes;
  const order = new Uint32Array(n);
  const tS = new Float64Array(ranked);
  const fS = new Int32Array(firstCodes ? ranked : 0);
  sortByTotal(rankedByCode(th, ranked, firstCodes ?? null, first?.range ?? 0), th, maxTh, order, tS, firstCodes, fS);
  for (let i = 0, k = ranked; i < n; i++) if (th[i] !== th[i]) order[k++] = i;

  // Runs equal on the total and the first key: order them by the rest of the chain (stable).
  const rest = first ? chain.slice(1) : chain;
  const restChain = chainOf(cols, rest);
  const restCodes = rest.map((k) => TIE_KEY_CODE[k]);
  // The rest of the chain as one number per contestant when its keys are small integers: a tied
  // run then sorts on one typed array instead of going key by key.
  const packed = packKeys(cols, rest);
  if (rest.length > 0) {
    for (let s = 0; s < ranked;) {
      let e = s + 1;
      while (e < ranked && tS[e] === tS[s] && (!firstCodes || fS[e] === fS[s])) e++;
      if (e - s > 1) {
        if (packed) sortRunPacked(order, s, e, packed.key);
        else sortRun(order, s, e, restChain);
      }
      s = e;
    }
  }

  const rank = new Int32Array(n);
  const decidedBy = new Int8Array(n).fill(-1);
  const firstCode = first ? TIE_KEY_CODE[chain[0]!] : DECIDED_SHARED;
  if (ranked > 0) rank[order[0]!] = 1;
  let prevRank = 1;
  for (let p = 1; p < ranked; p++) {
    let d: number;
    if (tS[p - 1] !== tS[p]) d = DECIDED_TOTAL;
    else if (firstCodes && fS[p - 1] !== fS[p]) d = firstCode;
    else d = packed ? decidingPacked(packed, restCodes, order[p - 1]!, order[p]!) : decidingKey(restChain, restCodes, order[p - 1]!, order[p]!);
    const b = order[p]!;
    decidedBy[b] = d;
    if (d !== DECIDED_SHARED) prevRank = p + 1;
    rank[b] = prevRank;
  }

  const total = th; // hundredths → points, in place
  for (let i = 0; i < n; i++) total[i] = th[i]! / 100;
  return { order, ranked, total, rank, decidedBy, passedAll, standardized: standardizedScores(total, order, ranked) };
}

interface Packed {
  /** Σ code_k × (product of the later keys' ranges): smaller is better, exact below 2^53. */
  key: Float64Array;
  codes: Int32Array[];
}

/** The keys' integer codes (keyCodes) packed into one number each, or null when they do not fit. */
function packKeys(cols: ScoreColumns, keys: readonly TieKey[]): Packed | null {
  if (keys.length === 0) return null;
  const parts = keys.map((k) => keyCodes(cols, k));
  if (parts.some((p) => !p)) return null;
  const ranges = parts.map((p) => p!.range);
  if (ranges.reduce((a, r) => a * r, 1) >= 2 ** 53) return null;
  const key = new Float64Array(cols.n);
  for (let k = 0; k < parts.length; k++) {
    const codes = parts[k]!.codes;
    const scale = ranges.slice(k + 1).reduce((a, r) => a * r, 1);
    for (let i = 0; i < cols.n; i++) key[i] = key[i]! + codes[i]! * scale;
  }
  return { key, codes: parts.map((p) => p!.codes) };
}

function sortRunPacked(order: Uint32Array, s: number, e: number, key: Float64Array): void {
  if (e - s <= 16) {
    for (let i = s + 1; i < e; i++) {
      const x = order[i]!;
      const kx = key[x]!;
      let j = i - 1;
      while (j >= s && (key[order[j]!]! > kx || (key[order[j]!]! === kx && order[j]! > x))) {
        order[j + 1] = order[j]!;
        j--;
      }
      order[j + 1] = x;
    }
    return;
  }
  const run = Array.from(order.subarray(s, e));
  run.sort((a, b) => key[a]! - key[b]! || a - b);
  order.set(run, s);
}

function decidingPacked(p: Packed, codes: readonly number[], a: number, b: number): number {
  if (p.key[a] === p.key[b]) return DECIDED_SHARED;
  for (let k = 0; k < p.codes.length; k++) if (p.codes[k]![a] !== p.codes[k]![b]) return codes[k]!;
  return DECIDED_SHARED;
}

/** The decidedBy code of the first of the chain's keys on which a and b differ; shared when none. */
function decidingKey(chain: Chain, codes: readonly number[], a: number, b: number): number {
  for (let k = 0; k < chain.src.length; k++) {
    const src = chain.src[k]!;
    if (cost(chain.time[k]!, src[a]!) !== cost(chain.time[k]!, src[b]!)) return codes[k]!;
  }
  return DECIDED_SHARED;
}

/** The chain's keys resolved once: their columns and whether each is a time (shorter first). */
interface Chain {
  src: Float64Array[];
  time: boolean[];
}
const chainOf = (cols: ScoreColumns, keys: readonly TieKey[]): Chain => ({ src: keys.map((k) => column(cols, k)), time: keys.map((k) => k === 'time') });

/** The cost of a key's value: smaller is better, missing last (as tieKeyCost, on a resolved key). */
const cost = (time: boolean, v: number) => (v !== v ? Infinity : time ? v : -Math.round(v * 100));

/** The chain's order of a and b (negative: a first); the column index last, so the sort is stable. */
function compareChain(chain: Chain, a: number, b: number): number {
  for (let k = 0; k < chain.src.length; k++) {
    const src = chain.src[k]!;
    const ca = cost(chain.time[k]!, src[a]!);
    const cb = cost(chain.time[k]!, src[b]!);
    if (ca !== cb) return ca < cb ? -1 : 1;
  }
  return a - b;
}

/**
 * Orders order[s .. e-1] by the rest of the chain. Runs are mostly a handful of contestants, and
 * there can be tens of thousands of them: those are insertion-sorted in place (no array, no closure).
 */
function sortRun(order: Uint32Array, s: number, e: number, chain: Chain): void {
  if (e - s <= 16) {
    for (let i = s + 1; i < e; i++) {
      const x = order[i]!;
      let j = i - 1;
      while (j >= s && compareChain(chain, order[j]!, x) > 0) {
        order[j + 1] = order[j]!;
        j--;
      }
      order[j + 1] = x;
    }
    return;
  }
  const run = Array.from(order.subarray(s, e));
  run.sort((a, b) => compareChain(chain, a, b));
  order.set(run, s);
}

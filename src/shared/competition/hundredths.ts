/**
 * Marks are kept to the hundredth of a point (精确到 0.01 分). Sums and weightings are done on
 * integer hundredths so that 0.1 + 0.2 is 0.30 and a total of 100 is exactly 100 — never 99.99999.
 */

/** True for a finite number with at most two decimals (0.29 yes, 0.295 no). */
export function isHundredths(v: number): boolean {
  if (!Number.isFinite(v)) return false;
  const h = v * 100;
  return Math.abs(h - Math.round(h)) < 1e-6;
}

/** 12.34 → 1234. Throws on a value with more than two decimals. */
export function toHundredths(v: number): number {
  if (!isHundredths(v)) throw new RangeError(`${v} 不是最多两位小数的分值`);
  return Math.round(v * 100) + 0; // `+ 0` turns -0 into 0
}

/** 1234 → 12.34 (the double nearest the decimal, the same as the literal 12.34). */
export function fromHundredths(h: number): number {
  return h / 100;
}

/** round(num / den) with halves rounded up, for integers num ≥ 0 and den > 0, exactly. */
export function divRoundHalfUp(num: number, den: number): number {
  if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den) || num < 0 || den <= 0) {
    throw new RangeError(`divRoundHalfUp needs integers num ≥ 0, den > 0 (got ${num}/${den})`);
  }
  const q = (num - (num % den)) / den;
  return 2 * (num % den) >= den ? q + 1 : q;
}

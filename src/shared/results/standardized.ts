/**
 * 标准分 (WorldSkills-style standardized score), an extra column beside the total:
 *
 *   standardized = round(700 + 100 × (x − median) ÷ sd)
 *
 * over the totals x of the ranked contestants, with the median of those totals (the mean of the
 * two middle ones for an even count) and their population standard deviation
 * sd = √(Σ (x − mean)² ÷ n). When every total is equal (sd = 0) everyone gets 700. Rounded half-up
 * to an integer. Like WorldSkills' scale it centres the field at 700, but on the median rather than
 * the mean so that one very low total does not move everyone else.
 */
export const STANDARDIZED_FORMULA = '标准分 = 700 + 100 ×（总成绩 − 中位数）÷ 标准差，四舍五入取整；中位数与标准差（总体标准差）按所有取得总成绩的选手计算，标准差为 0 时均为 700 分';

/** Median and population sd of totals in hundredths sorted either way (ascending or descending). */
function spreadOfSorted(h: Float64Array): { medianH: number; sdH: number } {
  const n = h.length;
  const mid = n >> 1;
  const medianH = n % 2 ? h[mid]! : (h[mid - 1]! + h[mid]!) / 2;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += h[i]!;
  const mean = sum / n;
  let sq = 0;
  for (let i = 0; i < n; i++) {
    const d = h[i]! - mean;
    sq += d * d;
  }
  return { medianH, sdH: Math.sqrt(sq / n) };
}

/** Median and population sd of the totals (any order), in points, as printed beside the formula. */
export function totalsSpread(totals: ArrayLike<number>): { median: number; sd: number } {
  if (totals.length === 0) return { median: NaN, sd: NaN };
  const { medianH, sdH } = spreadOfSorted(Float64Array.from(totals, (v) => Math.round(v * 100)).sort());
  return { median: medianH / 100, sd: sdH / 100 };
}

/**
 * The standardized score of every ranked contestant; NaN for the unranked. `order` lists the
 * column indices best first with the ranked ones in order[0 .. ranked-1] (a Ranking's order).
 */
export function standardizedScores(total: Float64Array, order: Uint32Array, ranked: number): Float64Array {
  const out = new Float64Array(total.length).fill(NaN);
  if (ranked === 0) return out;
  // The ranked totals are already sorted (descending) along `order`: no second sort needed.
  // Computed in hundredths so that a result exactly on a half point rounds the same everywhere.
  const h = new Float64Array(ranked);
  for (let k = 0; k < ranked; k++) h[k] = Math.round(total[order[k]!]! * 100);
  const { medianH, sdH } = spreadOfSorted(h);
  for (let k = 0; k < ranked; k++) out[order[k]!] = sdH > 0 ? Math.floor(700 + (100 * (h[k]! - medianH)) / sdH + 0.5) : 700;
  return out;
}

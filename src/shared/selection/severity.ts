/**
 * 评分宽严: how lenient or severe each reviewer of a panel stage is, and the stage scores with
 * that taken out. Definitions (every sheet is one reviewer's rubric score x(r,c) of one candidate):
 *
 * - The panel mean of candidate c, m(c), is the mean of the scores c received.
 * - The severity of reviewer r, s(r), is the mean over r's candidates of x(r,c) − m(c): positive
 *   marks above their panels (lenient, 偏宽), negative below (severe, 偏严). Weighted by the number of
 *   sheets, severities sum to zero (each candidate's deviations from its own mean sum to zero).
 *   A reviewer who adds c to every mark, on candidates each marked by n reviewers, raises their
 *   severity by exactly c·(n−1)/n.
 * - The normalised score takes the reviewer effect out with the additive model
 *   x(r,c) = μ(c) + b(r) fitted by least squares, the biases b summing to zero over the reviewers of
 *   each connected group (reviewers linked through candidates they share). The normalised score of
 *   c is μ(c) = the mean over its reviewers of x(r,c) − b(r). When every reviewer of a group marks
 *   every candidate of it, μ(c) = m(c). When one reviewer adds c to every mark, every normalised
 *   score of the group moves by the same c/k (k reviewers in the group): the differences, hence the
 *   ranking, do not change. Normalised scores are not clamped to 0–100.
 * All results are rounded half-up to hundredths at the end only.
 */

export interface Sheet {
  candidateId: number;
  reviewerId: number;
  score: number;
}

export interface ReviewerSeverity {
  reviewerId: number;
  sheets: number;
  /** The reviewer's mean score. */
  mean: number;
  /** The mean of the panel means of the same candidates. */
  panelMean: number;
  /** mean − panelMean: positive lenient, negative severe. */
  severity: number;
  /** The fitted bias b(r) of the additive model. */
  bias: number;
}

const round2 = (x: number) => Math.round(x * 100 + (x >= 0 ? 1e-9 : -1e-9)) / 100 + 0;

function byKey<K, V>(list: readonly V[], key: (v: V) => K): Map<K, V[]> {
  const m = new Map<K, V[]>();
  for (const v of list) {
    const a = m.get(key(v));
    if (a) a.push(v);
    else m.set(key(v), [v]);
  }
  return m;
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** m(c): each candidate's raw mean (unrounded). */
export function panelMeans(sheets: readonly Sheet[]): Map<number, number> {
  return new Map([...byKey(sheets, (s) => s.candidateId)].map(([c, list]) => [c, mean(list.map((s) => s.score))]));
}

/** s(r) unrounded, by reviewer. */
export function severities(sheets: readonly Sheet[]): Map<number, number> {
  const m = panelMeans(sheets);
  return new Map([...byKey(sheets, (s) => s.reviewerId)].map(([r, list]) => [r, mean(list.map((s) => s.score - m.get(s.candidateId)!))]));
}

/** The reviewers' connected groups (reviewers sharing a candidate are linked), as reviewer id → group. */
function groups(sheets: readonly Sheet[]): Map<number, number> {
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  for (const s of sheets) if (!parent.has(s.reviewerId)) parent.set(s.reviewerId, s.reviewerId);
  for (const list of byKey(sheets, (s) => s.candidateId).values()) {
    for (const s of list.slice(1)) {
      const a = find(list[0]!.reviewerId);
      const b = find(s.reviewerId);
      if (a !== b) parent.set(Math.max(a, b), Math.min(a, b));
    }
  }
  return new Map([...parent.keys()].map((r) => [r, find(r)]));
}

/** The additive model's fit (unrounded): μ by candidate, b by reviewer. */
export function fitAdditive(sheets: readonly Sheet[]): { mu: Map<number, number>; bias: Map<number, number> } {
  const byCand = byKey(sheets, (s) => s.candidateId);
  const byRev = byKey(sheets, (s) => s.reviewerId);
  const group = groups(sheets);
  const bias = new Map([...byRev.keys()].map((r) => [r, 0]));
  const mu = new Map<number, number>();
  const scale = Math.max(1, ...sheets.map((s) => Math.abs(s.score)));
  for (let it = 0; it < 20000; it++) {
    for (const [c, list] of byCand) mu.set(c, mean(list.map((s) => s.score - bias.get(s.reviewerId)!)));
    let change = 0;
    for (const [r, list] of byRev) {
      const b = mean(list.map((s) => s.score - mu.get(s.candidateId)!));
      change = Math.max(change, Math.abs(b - bias.get(r)!));
      bias.set(r, b);
    }
    // Each group's biases sum to zero (the model fixes them only up to a constant per group).
    const sums = new Map<number, { s: number; n: number }>();
    for (const [r, b] of bias) {
      const g = sums.get(group.get(r)!) ?? { s: 0, n: 0 };
      g.s += b;
      g.n++;
      sums.set(group.get(r)!, g);
    }
    for (const [r, b] of bias) {
      const g = sums.get(group.get(r)!)!;
      bias.set(r, b - g.s / g.n);
    }
    if (change < 1e-11 * scale) break;
  }
  for (const [c, list] of byCand) mu.set(c, mean(list.map((s) => s.score - bias.get(s.reviewerId)!)));
  return { mu, bias };
}

/** The stage score by candidate, raw (the panel mean) or normalised (μ), rounded to hundredths. */
export function stageScoresOf(sheets: readonly Sheet[], counts: 'raw' | 'normalised'): Map<number, number> {
  const m = counts === 'raw' ? panelMeans(sheets) : fitAdditive(sheets).mu;
  return new Map([...m].map(([c, v]) => [c, round2(v)]));
}

/** The severity table: one row per reviewer, by reviewer id, rounded to hundredths. */
export function severityTable(sheets: readonly Sheet[]): ReviewerSeverity[] {
  const m = panelMeans(sheets);
  const { bias } = fitAdditive(sheets);
  return [...byKey(sheets, (s) => s.reviewerId)].sort(([a], [b]) => a - b).map(([reviewerId, list]) => {
    const own = mean(list.map((s) => s.score));
    const panel = mean(list.map((s) => m.get(s.candidateId)!));
    return { reviewerId, sheets: list.length, mean: round2(own), panelMean: round2(panel), severity: round2(own - panel), bias: round2(bias.get(reviewerId)!) };
  });
}

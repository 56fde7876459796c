import type { RubricCriterion } from './rules.js';

/**
 * A reviewer's score of one candidate in a panel stage, out of 100: each criterion's mark as a
 * share of its maximum (a 0–3 judgement out of 3), times its weight (the weights sum to 100).
 * Rounded half-up to hundredths; null until every criterion is marked.
 */
export function rubricScore(rubric: readonly RubricCriterion[], marks: Readonly<Record<string, number>>): number | null {
  let hundredths = 0;
  for (const c of rubric) {
    const v = marks[c.code];
    if (v == null) return null;
    hundredths += (v / c.max) * c.weight * 100;
  }
  return Math.round(hundredths + 1e-9) / 100;
}

/** Whether a mark is allowed on the criterion: 0–3 whole for a judgement, 0–max in halves for points. */
export function markProblem(c: RubricCriterion, v: number): string | null {
  if (!Number.isFinite(v) || v < 0 || v > c.max) return `「${c.name}」的分数须在 0 到 ${c.max} 之间`;
  if (c.kind === 'judgement' && !Number.isInteger(v)) return `「${c.name}」按 0–3 档评定，须为整数`;
  if (c.kind === 'points' && Math.round(v * 2) !== v * 2) return `「${c.name}」最小单位为 0.5 分`;
  return null;
}

/** The exam stage's score: theory and practical by their weights (percent), half-up to hundredths. */
export function examScore(weights: { theory: number; practical: number }, theory: number | null, practical: number | null): number | null {
  const t = weights.theory ? theory : 0;
  const p = weights.practical ? practical : 0;
  if (t == null || p == null) return null;
  return Math.round(Math.round(t * 100) * weights.theory / 100 + Math.round(p * 100) * weights.practical / 100 + 1e-9) / 100;
}

import type { CompletionRule } from './rules.js';

/**
 * 结业判定: what a trainee did against the class's rule. `held` counts the class's sessions that
 * were not cancelled, on or before the class's end; `attended` those the trainee attended
 * (present or late). The percentage is rounded half-up to hundredths; a class with no session held
 * counts as 0 %.
 */
export interface CompletionFacts {
  held: number;
  attended: number;
  planSubmitted: boolean;
  /** null: no appraisal result (not appraised, or the class has none). */
  appraisalPassed: boolean | null;
}

export interface CompletionOutcome {
  completed: boolean;
  pct: number;
  /** Every unmet condition, in the rule's order, joined by '；' (null when completed). */
  reason: string | null;
}

/** Attended as a percentage of held, half-up to hundredths (0 when nothing was held). */
export function attendancePct(attended: number, held: number): number {
  if (held <= 0) return 0;
  return Math.round((attended * 10000) / held + 1e-9) / 100;
}

export function completionOf(rule: CompletionRule, f: CompletionFacts): CompletionOutcome {
  const pct = attendancePct(f.attended, f.held);
  const reasons: string[] = [];
  if (f.held === 0 || pct < rule.minAttendancePct) reasons.push(`出勤率不足 ${rule.minAttendancePct}%（实到 ${f.attended}/${f.held}）`);
  if (rule.businessPlanRequired && !f.planSubmitted) reasons.push('未提交创业计划书');
  if (rule.appraisalRequired && f.appraisalPassed !== true) reasons.push('鉴定未通过');
  return { completed: reasons.length === 0, pct, reason: reasons.length ? reasons.join('；') : null };
}

/** A plan's panel score: the mean of its reviewers' rubric scores, half-up to hundredths; null until every one has marked. */
export function planScore(scores: readonly (number | null)[]): number | null {
  if (scores.length === 0 || scores.some((s) => s == null)) return null;
  const sum = scores.reduce<number>((a, s) => a + Math.round(s! * 100), 0);
  return Math.round(sum / scores.length + 1e-9) / 100;
}

/**
 * 评优: the plans commended at the graduation — the best `count` by score, or every plan scoring
 * at least `minScore` (both given: both must hold). Ties at the boundary are all commended.
 * Plans without a score are never commended.
 */
export function commendedPlans<T extends { id: number; score: number | null }>(plans: readonly T[], rule: { count: number | null; minScore: number | null }): number[] {
  const scored = plans.filter((p) => p.score != null).sort((a, b) => b.score! - a.score! || a.id - b.id);
  let chosen = rule.minScore != null ? scored.filter((p) => p.score! >= rule.minScore!) : scored;
  if (rule.count != null) {
    if (rule.count <= 0) return [];
    const boundary = chosen[rule.count - 1]?.score;
    chosen = boundary == null ? chosen : chosen.filter((p) => p.score! >= boundary);
  }
  return chosen.map((p) => p.id);
}

import { divRoundHalfUp, fromHundredths, isHundredths, toHundredths } from './hundredths.js';
import type { AspectKind } from './scheme.js';

/**
 * 评分规则 for the practical part.
 *   测量 (measurement): one mark between 0 and the aspect's maxMark (or one of its bands, 分档).
 *   评价 (judgement): each judge of the panel scores 0, 1, 2 or 3; the aspect's mark is
 *     maxMark × mean(scores) ÷ 3, rounded half-up to 0.01 — computed on integers as
 *     round(maxMark in hundredths × Σscores ÷ (3 × n)), so 2 × 7/9 is 1.56, not 1.5555….
 *   A panel whose scores differ by more than one point must reconcile (判分差异超过 1 分，需复议).
 * Theory and oral scores (理论/答辩) are out of 100, to two decimals.
 */

export const JUDGEMENT_SCORES = [0, 1, 2, 3] as const;
export type JudgementScore = (typeof JUDGEMENT_SCORES)[number];

/** What marking needs of an aspect: a scheme Aspect, a FlatAspect or a scheme_aspects row. */
export interface MarkableAspect {
  kind: AspectKind;
  maxMark: number;
  bands?: readonly { mark: number }[] | null;
}

const isJudgementScore = (v: number): v is JudgementScore => Number.isInteger(v) && v >= 0 && v <= 3;

/** null when `value` is a mark this aspect can take, otherwise the reason in Chinese. */
export function checkMarkValue(aspect: MarkableAspect, value: number): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '分值必须是数字';
  if (aspect.kind === 'judgement') return isJudgementScore(value) ? null : '评价分只能是 0、1、2、3 中的一个整数';
  if (value < 0 || value > aspect.maxMark) return `分值须在 0 到 ${aspect.maxMark} 之间`;
  if (!isHundredths(value)) return '分值最多保留两位小数';
  if (aspect.bands && aspect.bands.length > 0 && !aspect.bands.some((b) => b.mark === value)) {
    return `分值须为分档分值之一：${aspect.bands.map((b) => b.mark).join('、')}`;
  }
  return null;
}

/** null when `value` is a valid theory/oral score (0–100, two decimals), otherwise the reason. */
export function checkPartScore(value: number): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '成绩必须是数字';
  if (value < 0 || value > 100) return '成绩须在 0 到 100 之间';
  if (!isHundredths(value)) return '成绩最多保留两位小数';
  return null;
}

/** maxMark × mean(scores) ÷ 3, half-up to 0.01. Throws on no scores or a score outside 0–3. */
export function judgementMark(maxMark: number, scores: readonly number[]): number {
  if (scores.length === 0) throw new RangeError('没有评价分，无法计算得分');
  for (const s of scores) if (!isJudgementScore(s)) throw new RangeError(`评价分只能是 0、1、2、3：${s}`);
  if (!(maxMark > 0)) throw new RangeError(`分值必须大于 0：${maxMark}`);
  const sum = scores.reduce((a, b) => a + b, 0);
  return fromHundredths(divRoundHalfUp(toHundredths(maxMark) * sum, 3 * scores.length));
}

/** True when the panel's scores differ by more than 1 (需复议). */
export function spreadExceeded(scores: readonly number[]): boolean {
  if (scores.length < 2) return false;
  return Math.max(...scores) - Math.min(...scores) > 1;
}

/**
 * The aspect's mark from its values: a measurement takes exactly one value (the single judge's);
 * a judgement takes the panel's 0–3 scores. Throws when a value is not allowed.
 */
export function aspectMark(aspect: MarkableAspect, values: readonly number[]): number {
  if (aspect.kind === 'judgement') return judgementMark(aspect.maxMark, values);
  if (values.length !== 1) throw new RangeError(`测量细则只能有一个分值，收到 ${values.length} 个`);
  const v = values[0]!;
  const problem = checkMarkValue(aspect, v);
  if (problem) throw new RangeError(problem);
  return v;
}

/** The practical score (实操成绩): the sum of the aspects' marks, added in hundredths. */
export function practicalTotal(aspectsWithMarks: readonly { mark: number }[]): number {
  return fromHundredths(aspectsWithMarks.reduce((h, a) => h + toHundredths(a.mark), 0));
}

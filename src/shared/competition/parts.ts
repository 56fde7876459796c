import { z } from 'zod';
import { divRoundHalfUp, fromHundredths, isHundredths, toHundredths } from './hundredths.js';
import { checkPartScore } from './marks.js';

/**
 * 成绩构成: a competition's total is a weighted sum of its parts — 理论知识考试 (theory),
 * 操作技能考核 (practical, always present) and optionally 答辩 (oral defence) — each scored out of
 * 100 with its own pass mark (national practice: theory 20–30 %, practical 70–80 %).
 * total = Σ score × weight ÷ 100, computed in hundredths and rounded half-up to 0.01.
 */

export const PART_KEYS = ['theory', 'practical', 'oral'] as const;
export const PartKey = z.enum(PART_KEYS);
export type PartKey = z.infer<typeof PartKey>;

export const PART_NAMES: Record<PartKey, string> = { theory: '理论知识考试', practical: '操作技能考核', oral: '答辩' };

export const CompetitionPart = z.object({
  key: PartKey,
  weight: z.number().int('权重须为整数百分比').min(1, '权重至少 1%').max(100, '权重不能超过 100%'),
  passMark: z.number().min(0, '合格线须在 0 到 100 之间').max(100, '合格线须在 0 到 100 之间').refine(isHundredths, '合格线最多保留两位小数').default(60),
});
export type CompetitionPart = z.infer<typeof CompetitionPart>;

export const CompetitionParts = z
  .array(CompetitionPart)
  .min(1, '至少需要操作技能考核一部分')
  .max(PART_KEYS.length)
  .superRefine((parts, ctx) => {
    const seen = new Set<PartKey>();
    parts.forEach((p, i) => {
      if (seen.has(p.key)) ctx.addIssue({ code: 'custom', path: [i, 'key'], message: `「${PART_NAMES[p.key]}」重复` });
      seen.add(p.key);
    });
    if (!seen.has('practical')) ctx.addIssue({ code: 'custom', path: [], message: '成绩构成必须包含操作技能考核' });
    const sum = parts.reduce((a, p) => a + p.weight, 0);
    if (sum !== 100) ctx.addIssue({ code: 'custom', path: [], message: `各部分权重之和必须为 100%，当前为 ${sum}%` });
  });
export type CompetitionParts = z.infer<typeof CompetitionParts>;

const preset = (...parts: [PartKey, number][]): readonly CompetitionPart[] =>
  Object.freeze(parts.map(([key, weight]) => Object.freeze({ key, weight, passMark: 60 })));

/** 理论 30 % + 实操 70 %. */
export const PARTS_30_70 = preset(['theory', 30], ['practical', 70]);
/** 理论 20 % + 实操 80 %. */
export const PARTS_20_80 = preset(['theory', 20], ['practical', 80]);
/** 理论 25 % + 实操 55 % + 答辩 20 %. */
export const PARTS_25_55_20 = preset(['theory', 25], ['practical', 55], ['oral', 20]);

export type PartScores = Partial<Record<PartKey, number | null>>;

function scoreOf(scores: PartScores, key: PartKey): number | null {
  const v = scores[key];
  if (v === undefined || v === null) return null;
  const problem = checkPartScore(v);
  if (problem) throw new RangeError(`${PART_NAMES[key]}：${problem}`);
  return v;
}

/** The weighted total (总成绩) to 0.01, or null while any part's score is missing. */
export function weightedTotal(parts: readonly CompetitionPart[], scores: PartScores): number | null {
  let units = 0; // hundredths × percent
  for (const p of parts) {
    const v = scoreOf(scores, p.key);
    if (v === null) return null;
    units += toHundredths(v) * p.weight;
  }
  return fromHundredths(divRoundHalfUp(units, 100));
}

export interface PartResult {
  key: PartKey;
  score: number | null;
  passMark: number;
  /** null while the score is missing. */
  passed: boolean | null;
}

/** Each part against its pass mark (合格), in the parts' order. */
export function passedParts(parts: readonly CompetitionPart[], scores: PartScores): PartResult[] {
  return parts.map((p) => {
    const score = scoreOf(scores, p.key);
    return { key: p.key, score, passMark: p.passMark, passed: score === null ? null : score >= p.passMark };
  });
}

/** true when every listed part is passed, false when one is failed, null while undecided. */
export function passedAll(parts: readonly CompetitionPart[], scores: PartScores, keys: readonly PartKey[] = parts.map((p) => p.key)): boolean | null {
  const results = passedParts(parts, scores).filter((r) => keys.includes(r.key));
  if (results.some((r) => r.passed === false)) return false;
  return results.some((r) => r.passed === null) ? null : true;
}

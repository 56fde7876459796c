import { z } from 'zod';
import { Line, Name as ContractName, Text } from '../contracts/common.js';
import { fromHundredths, isHundredths, toHundredths } from './hundredths.js';

/**
 * 评分标准: the practical part's marking scheme, a tree
 *   评分模块 (criterion, e.g. A 安全文明生产) → 评分分项 (sub-criterion, A1) → 评分细则 (aspect, A1.1).
 * An aspect is either 测量 (measurement: one objective mark, optionally from fixed partial-mark
 * bands, 分档) or 评价 (judgement: three judges each score 0–3 against four written level
 * descriptions, and the aspect's mark is maxMark × mean ÷ 3 — see marks.ts).
 *
 * Two contracts: `MarkingSchemeDraft` checks each field and is what an organizer may save while
 * still writing the scheme; `MarkingScheme` adds every `checkScheme` rule (total exactly 100,
 * unique codes, kind-specific fields, no empty branches) and is what marking may start with.
 */

const Code = z
  .string()
  .max(100, '编号最多 20 个字符')
  .trim()
  .min(1, '请填写编号')
  .max(20, '编号最多 20 个字符')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, '编号只能包含字母、数字、点、下划线和连字符');
const Name = ContractName.min(1, '请填写名称').max(100, '名称最多 100 个字符');
const Mark = z.number().refine(isHundredths, '分值最多保留两位小数');

export const AspectKind = z.enum(['measurement', 'judgement']);
export type AspectKind = z.infer<typeof AspectKind>;
export const ASPECT_KIND_NAMES: Record<AspectKind, string> = { measurement: '测量', judgement: '评价' };

export const Band = z.object({
  label: Line.min(1, '请填写分档说明').max(100),
  mark: Mark.min(0, '分档分值不能为负'),
});
export type Band = z.infer<typeof Band>;

export const Aspect = z
  .object({
    code: Code,
    description: Text.min(1, '请填写评分细则').max(500, '评分细则最多 500 个字符'),
    kind: AspectKind,
    maxMark: Mark.gt(0, '分值必须大于 0').max(100, '分值不能超过 100'),
    bands: z.array(Band).min(2, '分档至少两档').max(20).optional(),
    /** Judgement only: what a score of 0, 1, 2 and 3 means. */
    levels: z.tuple([Name.max(500), Name.max(500), Name.max(500), Name.max(500)], { error: '评价须写明 0、1、2、3 分四档的评分说明' }).optional(),
  })
  .superRefine((a, ctx) => {
    if (!a.bands) return;
    const seen = new Set<number>();
    a.bands.forEach((b, i) => {
      if (b.mark > a.maxMark) ctx.addIssue({ code: 'custom', path: ['bands', i, 'mark'], message: `分档分值不能超过该项分值 ${a.maxMark}` });
      if (seen.has(b.mark)) ctx.addIssue({ code: 'custom', path: ['bands', i, 'mark'], message: `分档分值 ${b.mark} 重复` });
      seen.add(b.mark);
    });
  });
export type Aspect = z.infer<typeof Aspect>;

export const SubCriterion = z.object({ code: Code, name: Name, aspects: z.array(Aspect).max(200) });
export type SubCriterion = z.infer<typeof SubCriterion>;

export const Criterion = z.object({ code: Code, name: Name, subCriteria: z.array(SubCriterion).max(50) });
export type Criterion = z.infer<typeof Criterion>;

export const MarkingSchemeDraft = z.object({ criteria: z.array(Criterion).max(50) });
export type MarkingSchemeDraft = z.infer<typeof MarkingSchemeDraft>;

export interface SchemeIssue {
  /** e.g. 'criteria[1].subCriteria[0].aspects[2].levels'; '' for the scheme as a whole. */
  path: string;
  message: string;
}

/** Sum of the aspects' maxMarks, computed in hundredths: 33.33 + 33.33 + 33.34 is exactly 100. */
export function schemeTotal(scheme: MarkingSchemeDraft): number {
  let h = 0;
  for (const c of scheme.criteria) for (const s of c.subCriteria) for (const a of s.aspects) h += toHundredths(a.maxMark);
  return fromHundredths(h);
}

const validMaxMark = (m: number) => typeof m === 'number' && isHundredths(m) && m > 0 && m <= 100;

/**
 * Everything that keeps a draft from being used for marking, in tree order, the total last.
 * Never throws; with an invalid maxMark it reports that instead of a meaningless total.
 */
export function checkScheme(scheme: MarkingSchemeDraft): SchemeIssue[] {
  const issues: SchemeIssue[] = [];
  let badMark = false;
  const codes = new Map<string, string>();
  const code = (path: string, value: string) => {
    const key = value.trim().toUpperCase();
    const first = codes.get(key);
    if (first !== undefined) issues.push({ path: `${path}.code`, message: `编号「${value}」重复（与 ${first} 相同）` });
    else codes.set(key, path);
  };
  if (scheme.criteria.length === 0) issues.push({ path: 'criteria', message: '评分标准还没有任何评分模块' });
  scheme.criteria.forEach((c, ci) => {
    const cp = `criteria[${ci}]`;
    code(cp, c.code);
    if (c.subCriteria.length === 0) issues.push({ path: `${cp}.subCriteria`, message: `评分模块「${c.code} ${c.name}」下没有评分分项` });
    c.subCriteria.forEach((s, si) => {
      const sp = `${cp}.subCriteria[${si}]`;
      code(sp, s.code);
      if (s.aspects.length === 0) issues.push({ path: `${sp}.aspects`, message: `评分分项「${s.code} ${s.name}」下没有评分细则` });
      s.aspects.forEach((a, ai) => {
        const ap = `${sp}.aspects[${ai}]`;
        code(ap, a.code);
        if (!validMaxMark(a.maxMark)) {
          badMark = true;
          issues.push({ path: `${ap}.maxMark`, message: `细则「${a.code}」的分值须大于 0、不超过 100，最多两位小数` });
        }
        if (a.kind === 'judgement') {
          if (!a.levels || a.levels.length !== 4 || a.levels.some((l) => !l?.trim())) {
            issues.push({ path: `${ap}.levels`, message: `评价细则「${a.code}」须写明 0、1、2、3 分四档的评分说明` });
          }
          if (a.bands) issues.push({ path: `${ap}.bands`, message: `评价细则「${a.code}」不能设置分档（按 0–3 分评价）` });
        } else if (a.levels) {
          issues.push({ path: `${ap}.levels`, message: `测量细则「${a.code}」不能设置评价档次说明` });
        }
      });
    });
  });
  const total = badMark ? 100 : schemeTotal(scheme);
  if (total !== 100) issues.push({ path: '', message: `评分标准总分必须为 100 分，当前为 ${total} 分` });
  return issues;
}

/** '' → [], 'criteria[1].subCriteria[0].code' → ['criteria', 1, 'subCriteria', 0, 'code'] (for zod issue paths). */
export function issuePath(path: string): (string | number)[] {
  return [...path.matchAll(/([A-Za-z]+)|\[(\d+)\]/g)].map((m) => (m[1] !== undefined ? m[1] : Number(m[2])));
}

/**
 * A scheme ready for marking: the draft's field checks, then (once those pass) every `checkScheme`
 * rule. To show all problems of a draft at once, parse it as a draft and call `checkScheme`.
 */
export const MarkingScheme = MarkingSchemeDraft.superRefine(
  (scheme, ctx) => {
    for (const issue of checkScheme(scheme)) ctx.addIssue({ code: 'custom', path: issuePath(issue.path), message: issue.message });
  },
  { when: (payload) => payload.issues.length === 0 },
);
export type MarkingScheme = z.infer<typeof MarkingScheme>;

export interface FlatAspect extends Aspect {
  /** 0-based position in the whole scheme (the order of score sheets). */
  position: number;
  criterionCode: string;
  criterionName: string;
  subCriterionCode: string;
  subCriterionName: string;
}

/** The aspects in scheme order with their criterion and sub-criterion: DB rows and score-sheet lines. */
export function flattenAspects(scheme: MarkingSchemeDraft): FlatAspect[] {
  const out: FlatAspect[] = [];
  for (const c of scheme.criteria) {
    for (const s of c.subCriteria) {
      for (const a of s.aspects) {
        out.push({ ...a, position: out.length, criterionCode: c.code, criterionName: c.name, subCriterionCode: s.code, subCriterionName: s.name });
      }
    }
  }
  return out;
}

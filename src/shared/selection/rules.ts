import { z } from 'zod';
import { IsoDate, Line, Name } from '../contracts/common.js';

/**
 * 技术能手评选: the rules of a selection round, as data. The stages run in the listed order
 * (nomination → eligibility → exam → cut → review → re-test → interview → cut → cut → approval →
 * notice → commendation by default); the cut sizes, the weights, which stages count toward each cut
 * and the tie rule at each cut line are all here, fixed per stage once it opens, and stored with
 * every frozen cut so the cut can be re-checked from its export alone.
 */

export const NominationChannel = z.enum(['unit', 'district', 'industry', 'society', 'self']);
export type NominationChannel = z.infer<typeof NominationChannel>;
export const CHANNEL_NAMES: Record<NominationChannel, string> = {
  unit: '单位推荐', district: '地区推荐', industry: '行业推荐', society: '社会推荐', self: '个人自荐',
};

/** One of the round's achievement conditions (业绩条件); a candidate must meet at least `minConditions`. */
export const Condition = z.object({ key: z.string().regex(/^[a-z0-9_]{1,20}$/), name: Line.min(1).max(80), hint: Line.max(200).default('') });
export type Condition = z.infer<typeof Condition>;

/** A criterion of a panel stage's rubric: points out of `max`, or a 0–3 judgement. */
export const RubricCriterion = z.object({
  code: z.string().regex(/^[A-Z][A-Z0-9]{0,5}$/, '代码为大写字母开头的 1–6 位字母或数字'),
  name: Line.min(1).max(60),
  weight: z.number().int().min(1).max(100),
  kind: z.enum(['points', 'judgement']),
  max: z.number().int().min(1).max(100),
});
export type RubricCriterion = z.infer<typeof RubricCriterion>;

const StageKey = z.string().regex(/^[a-z][a-z0-9_]{0,19}$/);

/** Ties at a cut line: broken by a chain of stage scores (then shared), or every tied candidate taken. */
export const TieRule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('chain'), chain: z.array(StageKey).max(6) }),
  z.object({ kind: z.literal('take_all') }),
]);
export type TieRule = z.infer<typeof TieRule>;

const base = { key: StageKey, name: Name.min(1).max(40) };
export const StageDef = z.discriminatedUnion('kind', [
  z.object({ ...base, kind: z.literal('nomination'), opensOn: IsoDate, closesOn: IsoDate }),
  z.object({ ...base, kind: z.literal('eligibility') }),
  /** 统一考试: theory and practical, each out of 100, combined by weight (percent, summing to 100). */
  z.object({ ...base, kind: z.literal('exam'), weights: z.object({ theory: z.number().int().min(0).max(100), practical: z.number().int().min(0).max(100) }) }),
  /** 评审/复试/面试: a panel of experts marks each candidate on the rubric; `counts` is fixed before it opens. */
  z.object({ ...base, kind: z.literal('panel'), rubric: z.array(RubricCriterion).min(1).max(12), counts: z.enum(['raw', 'normalised']), reviewersPerCandidate: z.number().int().min(1).max(9) }),
  /** A cut to `size` by the weighted stage scores of `basis` (percent, summing to 100). */
  z.object({ ...base, kind: z.literal('cut'), size: z.number().int().min(1).max(100000), basis: z.record(StageKey, z.number().int().min(1).max(100)), tie: TieRule, publish: z.boolean() }),
  z.object({ ...base, kind: z.literal('approval'), approvalsRequired: z.number().int().min(1).max(50) }),
  z.object({ ...base, kind: z.literal('notice'), workingDays: z.number().int().min(1).max(30) }),
  z.object({ ...base, kind: z.literal('commendation'), title: Line.min(1).max(40), award: z.number().int().min(0).max(1_000_000) }),
]);
export type StageDef = z.infer<typeof StageDef>;
export type StageKind = StageDef['kind'];

export const SelectionRules = z.object({
  /** 高级工 (level 3) or higher; a smaller number is a higher level. */
  minLevel: z.number().int().min(1).max(5),
  minConditions: z.number().int().min(1).max(10),
  conditions: z.array(Condition).min(1).max(20),
  stages: z.array(StageDef).min(1).max(20),
});
export type SelectionRules = z.infer<typeof SelectionRules>;

export const STAGE_KIND_NAMES: Record<StageKind, string> = {
  nomination: '推荐报名', eligibility: '资格审查', exam: '统一考试', panel: '专家评审', cut: '择优入围',
  approval: '评审委员会审定', notice: '公示', commendation: '表彰',
};

/** The demo's ten conditions (examples from the 2009 notice); a round may list its own. */
export const DEFAULT_CONDITIONS: Condition[] = [
  { key: 'prize', name: '在市级以上职业技能竞赛中获奖', hint: '获奖证书' },
  { key: 'innovation', name: '技术革新成果取得显著经济效益', hint: '效益证明（经财务部门核算）' },
  { key: 'patent', name: '获得国家专利', hint: '专利证书' },
  { key: 'key_problem', name: '解决生产关键技术难题', hint: '单位出具的证明材料' },
  { key: 'apprentices', name: '传授技艺、培养徒弟成绩突出', hint: '徒弟的等级证书或获奖证明' },
  { key: 'standard', name: '参与制定技术标准或编写教材', hint: '标准或教材的署名页' },
  { key: 'unique_skill', name: '掌握绝技绝活', hint: '现场演示记录或鉴定意见' },
  { key: 'method', name: '总结推广先进操作法', hint: '以本人命名的操作法推广证明' },
  { key: 'quality', name: '产品质量或工艺指标创本单位最好水平', hint: '质检记录' },
  { key: 'honour', name: '获得市级以上劳动模范等荣誉', hint: '荣誉证书' },
];

const REVIEW_RUBRIC: RubricCriterion[] = [
  { code: 'A', name: '工作业绩', weight: 40, kind: 'points', max: 40 },
  { code: 'B', name: '技术创新与难题攻关', weight: 30, kind: 'points', max: 30 },
  { code: 'C', name: '传技带徒', weight: 30, kind: 'judgement', max: 3 },
];
const RETEST_RUBRIC: RubricCriterion[] = [
  { code: 'A', name: '操作规范', weight: 30, kind: 'judgement', max: 3 },
  { code: 'B', name: '工件质量', weight: 50, kind: 'points', max: 50 },
  { code: 'C', name: '效率与安全', weight: 20, kind: 'judgement', max: 3 },
];
const INTERVIEW_RUBRIC: RubricCriterion[] = [
  { code: 'A', name: '专业知识', weight: 40, kind: 'points', max: 40 },
  { code: 'B', name: '答辩表达', weight: 30, kind: 'judgement', max: 3 },
  { code: 'C', name: '综合素质', weight: 30, kind: 'judgement', max: 3 },
];

/** The default round: the 2009 notice's stages and numbers (top 200 published, 50, then 20; 2000 yuan). */
export function defaultSelectionRules(nomination: { opensOn: string; closesOn: string }): SelectionRules {
  return {
    minLevel: 3,
    minConditions: 1,
    conditions: DEFAULT_CONDITIONS,
    stages: [
      { key: 'nomination', name: '推荐报名', kind: 'nomination', ...nomination },
      { key: 'eligibility', name: '资格审查', kind: 'eligibility' },
      { key: 'exam', name: '统一考试', kind: 'exam', weights: { theory: 40, practical: 60 } },
      { key: 'cut200', name: '择优200名', kind: 'cut', size: 200, basis: { exam: 100 }, tie: { kind: 'take_all' }, publish: true },
      { key: 'review', name: '材料评审', kind: 'panel', rubric: REVIEW_RUBRIC, counts: 'raw', reviewersPerCandidate: 3 },
      { key: 'retest', name: '复试', kind: 'panel', rubric: RETEST_RUBRIC, counts: 'raw', reviewersPerCandidate: 3 },
      { key: 'interview', name: '面试答辩', kind: 'panel', rubric: INTERVIEW_RUBRIC, counts: 'normalised', reviewersPerCandidate: 3 },
      { key: 'cut50', name: '择优50名', kind: 'cut', size: 50, basis: { exam: 40, review: 20, retest: 20, interview: 20 }, tie: { kind: 'chain', chain: ['exam', 'retest', 'interview'] }, publish: false },
      { key: 'cut20', name: '择优20名', kind: 'cut', size: 20, basis: { exam: 30, review: 20, retest: 20, interview: 30 }, tie: { kind: 'chain', chain: ['interview', 'exam'] }, publish: false },
      { key: 'approval', name: '评审委员会审定', kind: 'approval', approvalsRequired: 5 },
      { key: 'notice', name: '公示', kind: 'notice', workingDays: 5 },
      { key: 'commendation', name: '表彰', kind: 'commendation', title: '市技术能手', award: 2000 },
    ],
  };
}

/** Why a set of rules cannot run, field by field; empty when it can. */
export function rulesProblems(r: SelectionRules): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  const seen = new Map<string, StageDef>();
  r.stages.forEach((s, i) => {
    if (seen.has(s.key)) out.push({ path: `stages.${i}.key`, message: `阶段代码 ${s.key} 重复` });
    if (s.kind === 'nomination' && s.closesOn < s.opensOn) out.push({ path: `stages.${i}.closesOn`, message: '推荐截止日期早于开始日期' });
    if (s.kind === 'exam' && s.weights.theory + s.weights.practical !== 100) out.push({ path: `stages.${i}.weights`, message: '理论与实操权重之和须为 100' });
    if (s.kind === 'panel' && s.rubric.reduce((a, c) => a + c.weight, 0) !== 100) out.push({ path: `stages.${i}.rubric`, message: '评分细则权重之和须为 100' });
    if (s.kind === 'cut') {
      const sum = Object.values(s.basis).reduce((a, b) => a + b, 0);
      if (sum !== 100) out.push({ path: `stages.${i}.basis`, message: '计入成绩的权重之和须为 100' });
      for (const k of [...Object.keys(s.basis), ...(s.tie.kind === 'chain' ? s.tie.chain : [])]) {
        const d = seen.get(k);
        if (!d || (d.kind !== 'exam' && d.kind !== 'panel')) out.push({ path: `stages.${i}.basis`, message: `「${k}」不是此前的考试或评审阶段` });
      }
      const prevCut = [...seen.values()].filter((d) => d.kind === 'cut').pop();
      if (prevCut?.kind === 'cut' && s.size > prevCut.size) out.push({ path: `stages.${i}.size`, message: `入围人数 ${s.size} 多于上一轮的 ${prevCut.size}` });
    }
    seen.set(s.key, s);
  });
  const keys = r.conditions.map((c) => c.key);
  if (new Set(keys).size !== keys.length) out.push({ path: 'conditions', message: '业绩条件代码重复' });
  if (r.minConditions > r.conditions.length) out.push({ path: 'minConditions', message: '须满足的条件数多于条件总数' });
  return out;
}

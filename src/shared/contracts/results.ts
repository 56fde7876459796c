import { z } from 'zod';
import { Line } from './common.js';
import { PartKey } from '../competition/parts.js';

/**
 * 成绩与奖项: what the results service answers. Computed from the locked marks under the
 * competition's rules (parts, tie-break chain, top N, team k, organization formula, outcomes);
 * proposals until the results are final (公示期满), then written as outcomes.
 */

/** What separated a contestant from the one ranked just above: the total, a tie-break key, or nothing (shared rank). */
export const DecidedBy = z.enum(['total', 'practical', 'time', 'theory', 'oral', 'shared']);
export type DecidedBy = z.infer<typeof DecidedBy>;

export const OUTCOME_KINDS = ['award', 'promotion', 'title', 'level', 'eligibility', 'team', 'organization'] as const;
export const OutcomeKind = z.enum(OUTCOME_KINDS);
export type OutcomeKind = z.infer<typeof OutcomeKind>;
export const OUTCOME_KIND_NAMES: Record<OutcomeKind, string> = {
  award: '个人奖项', promotion: '晋升等级', title: '荣誉称号', level: '职业资格等级', eligibility: '申报资格', team: '团体奖', organization: '组织奖',
};

export const ProposedOutcome = z.object({
  kind: OutcomeKind,
  /** The level given (promotion, level) or the level one may now be evaluated for (eligibility). */
  level: z.number().int().nullable(),
  title: z.string(),
  /** Why (which rule), in Chinese: "第1名，晋升技师" / "理论与实操均合格" / "已持有技师，获高级技师考评资格". */
  reason: z.string(),
});
export type ProposedOutcome = z.infer<typeof ProposedOutcome>;

export const PartOutcome = z.object({ key: PartKey, score: z.number().nullable(), weight: z.number(), passMark: z.number(), passed: z.boolean().nullable() });

export const ResultRow = z.object({
  /**
   * Before decoding a row carries a code or what identifies the entry, never both: organizers and
   * the chief judge see the code (entry id and exam number null), a contestant their own entry
   * (code null). After decoding all three.
   */
  entryId: z.number().int().nullable(),
  code: z.string().nullable(),
  examNumber: z.string().nullable(),
  /** null until the competition is decoded (before that, results are by code only). */
  name: z.string().nullable(),
  unitId: z.number().int().nullable(),
  unitName: z.string().nullable(),
  idNumberMasked: z.string().nullable(),
  parts: z.array(PartOutcome),
  completionSeconds: z.number().int().nullable(),
  total: z.number().nullable(),
  passedAll: z.boolean().nullable(),
  /** null = not ranked (a part score missing). Equal ranks are shared (并列). */
  rank: z.number().int().nullable(),
  decidedBy: DecidedBy.nullable(),
  standardized: z.number().int().nullable(),
  /** "第1名" … for the top N when awards are given, else null. */
  award: z.string().nullable(),
  outcomes: z.array(ProposedOutcome),
});
export type ResultRow = z.infer<typeof ResultRow>;

export const TeamRow = z.object({
  unitId: z.number().int(),
  unitName: z.string().nullable(),
  /** Sum of the best k totals; null when the unit has fewer than k ranked contestants (not eligible). */
  sum: z.number().nullable(),
  counted: z.array(z.object({ entryId: z.number().int(), code: z.string().nullable(), name: z.string().nullable(), total: z.number() })),
  entrants: z.number().int(),
  rank: z.number().int().nullable(),
  award: z.string().nullable(),
});
export type TeamRow = z.infer<typeof TeamRow>;

export const OrganizationRow = z.object({
  unitId: z.number().int(),
  unitName: z.string().nullable(),
  entrants: z.number().int(),
  honoured: z.number().int(),
  score: z.number(),
  rank: z.number().int(),
  award: z.boolean(),
});
export type OrganizationRow = z.infer<typeof OrganizationRow>;

export const ResultsStatus = z.enum(['provisional', 'notice', 'final']);
export type ResultsStatus = z.infer<typeof ResultsStatus>;

export const CompetitionResults = z.object({
  competitionId: z.number().int(),
  competitionName: z.string(),
  tradeName: z.string(),
  status: ResultsStatus,
  decoded: z.boolean(),
  /** The mark-chain event the scores include, and the competition version (rules) they were ranked under. */
  chainSeq: z.number().int(),
  competitionVersion: z.number().int(),
  /** The formulas used, in Chinese, as printed under the results. */
  formulas: z.object({ total: z.string(), tieBreak: z.string(), standardized: z.string(), team: z.string(), organization: z.string(), outcomes: z.string() }),
  /** Why individual awards are withheld (fewer entrants than the minimum), else null. */
  awardsWithheld: z.string().nullable(),
  rows: z.array(ResultRow),
  teams: z.array(TeamRow),
  organizations: z.array(OrganizationRow),
});
export type CompetitionResults = z.infer<typeof CompetitionResults>;

export const AspectExplanation = z.object({
  criterionCode: z.string(),
  code: z.string(),
  title: z.string(),
  kind: z.enum(['measurement', 'judgement']),
  maxMark: z.number(),
  /** Judges by name only after decoding; before, by seat ("裁判1"). */
  marks: z.array(z.object({ judge: z.string(), value: z.number(), source: z.string() })),
  mark: z.number().nullable(),
});

export const RankStep = z.object({ key: DecidedBy, mine: z.number().nullable(), theirs: z.number().nullable(), decisive: z.boolean() });

/** 成绩说明: how one contestant's figures were reached. */
export const EntryExplanation = z.object({
  row: ResultRow,
  aspects: z.array(AspectExplanation),
  practicalSum: z.string(),
  totalFormula: z.string(),
  /** Compared with the contestants just above and below: which key decided, step by step. */
  neighbours: z.array(z.object({ entryId: z.number().int(), code: z.string().nullable(), name: z.string().nullable(), rank: z.number().int().nullable(), position: z.enum(['above', 'below']), steps: z.array(RankStep) })),
  rankText: z.string(),
  amendments: z.array(z.object({ id: z.number().int(), part: z.string(), oldValue: z.number(), newValue: z.number(), reason: z.string(), status: z.string() })),
});
export type EntryExplanation = z.infer<typeof EntryExplanation>;

export const CompletionTimesInput = z.object({
  items: z.array(z.object({ code: Line.min(1, '请填写参赛编号').max(20), seconds: z.number().int().min(1, '用时须大于 0').max(7 * 24 * 3600) })).min(1).max(5000),
});

/** A contestant's own view (role person): each competition entered, with the row once marks are locked. */
export const MyResult = z.object({
  competitionId: z.number().int(),
  competitionName: z.string(),
  tradeName: z.string(),
  competitionStatus: z.string(),
  entryId: z.number().int(),
  row: ResultRow.nullable(),
  appealDeadline: z.string().nullable(),
});
export type MyResult = z.infer<typeof MyResult>;

import { z } from 'zod';
import { TieRule } from '../selection/rules.js';
import { Id, IsoDateTime, Text } from './common.js';

/** 入围名单 (frozen cuts), 评审委员会审定 (approvals) and the selection's public notices. */

export const CutRulesSchema = z.object({
  roundId: z.number().int(),
  roundName: z.string(),
  stageKey: z.string(),
  stageName: z.string(),
  size: z.number().int(),
  basis: z.record(z.string(), z.number()),
  tie: TieRule,
  fromCutHash: z.string().nullable(),
});

export const CutRowSchema = z.object({
  candidateId: z.number().int(),
  examNumber: z.string().nullable(),
  name: z.string(),
  unit: z.string(),
  scores: z.record(z.string(), z.number().nullable()),
  total: z.number().nullable(),
  rank: z.number().int().nullable(),
  selected: z.boolean(),
});

export const CutRankingSchema = z.object({ rows: z.array(CutRowSchema) });

export const CutStatus = z.enum(['frozen', 'superseded']);

export const CutSummary = z.object({
  id: z.number().int(),
  stageKey: z.string(),
  stageName: z.string(),
  size: z.number().int(),
  inPlay: z.number().int(),
  selected: z.number().int(),
  hash: z.string(),
  status: CutStatus,
  supersedes: z.number().int().nullable(),
  frozenAt: IsoDateTime,
  frozenBy: z.string().nullable(),
});
export type CutSummary = z.infer<typeof CutSummary>;

export const CutDetail = CutSummary.extend({ rules: CutRulesSchema, ranking: CutRankingSchema });
export type CutDetail = z.infer<typeof CutDetail>;

/** The live ranking of a cut stage (not yet frozen), with the hash it would have. */
export const CutPreview = z.object({
  stageKey: z.string(),
  stageName: z.string(),
  /** Whether a cut may be frozen at this stage now (the open stage, or a correction after an upheld objection). */
  canFreeze: z.boolean(),
  whyNot: z.string().nullable(),
  rules: CutRulesSchema,
  ranking: CutRankingSchema,
  selected: z.number().int(),
  hash: z.string(),
  current: CutSummary.nullable(),
});
export type CutPreview = z.infer<typeof CutPreview>;

/** Freezing names the hash the user previewed: a list that changed in between is refused. */
export const FreezeInput = z.object({ hash: z.string().regex(/^[0-9a-f]{64}$/, '校验值格式不正确') });

/** The export of a frozen cut (JSON): everything `npm run cut:verify` needs. */
export const CutExport = z.object({
  format: z.literal('skillmonth-cut/1'),
  cutId: z.number().int(),
  status: CutStatus,
  frozenAt: z.string(),
  rules: CutRulesSchema,
  ranking: CutRankingSchema,
  hash: z.string(),
});
export type CutExport = z.infer<typeof CutExport>;

export const ExclusionInput = z.object({
  candidateId: Id,
  reason: Text.min(4, '请写明取消资格的理由（至少 4 个字）').max(500),
});

export const SelectionNoticeKind = z.enum(['shortlist', 'experts']);
export const SelectionNoticeInput = z.object({
  workingDays: z.number().int().min(1, '公示期至少 1 个工作日').max(30).optional(),
});

export const ApprovalDecision = z.enum(['approve', 'object']);
export const ApprovalInput = z.object({
  cutId: Id,
  decision: ApprovalDecision,
  note: Text.max(1000).optional(),
});

export const ApprovalView = z.object({
  accountId: z.number().int(),
  name: z.string(),
  decision: ApprovalDecision,
  note: z.string().nullable(),
  at: IsoDateTime,
});

export const Approvals = z.object({
  required: z.number().int(),
  cut: CutSummary.nullable(),
  approvals: z.array(ApprovalView),
  approved: z.number().int(),
  objections: z.number().int(),
  mine: ApprovalDecision.nullable(),
  /** Whether members may record a decision now (the approval stage, or a correction during the notice). */
  open: z.boolean(),
});
export type Approvals = z.infer<typeof Approvals>;

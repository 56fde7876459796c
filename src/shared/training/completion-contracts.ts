import { z } from 'zod';
import { Id, Line, Name, Text, Version } from '../contracts/common.js';
import { CertificateStatus } from '../contracts/certificates.js';
import { RubricCriterion } from '../selection/rules.js';
import { CompletionRule } from './rules.js';

/** A certificate as a list shows it: its serial and whether it still holds. */
export const CertificateRef = z.object({ id: z.number().int(), serial: z.string(), status: CertificateStatus }).nullable();

/** 结业情况: one enrolled trainee's outcome as written when the class finished (the ID masked). */
export const CompletionRow = z.object({
  enrolmentId: z.number().int(),
  personName: z.string(),
  idNumberMasked: z.string().nullable(),
  unitName: z.string().nullable(),
  completed: z.boolean(),
  sessionsHeld: z.number().int(),
  sessionsAttended: z.number().int(),
  attendancePct: z.number(),
  planSubmitted: z.boolean(),
  appraisalPassed: z.boolean().nullable(),
  reason: z.string().nullable(),
  decidedOn: z.string(),
  certificate: CertificateRef,
});
export type CompletionRow = z.infer<typeof CompletionRow>;

export const ClassCompletions = z.object({
  classId: z.number().int(),
  /** The class's rule now (each row keeps the rule that decided it). */
  rule: CompletionRule,
  /** Written: the class has finished and its outcomes are fixed. */
  decided: z.boolean(),
  rows: z.array(CompletionRow),
});
export type ClassCompletions = z.infer<typeof ClassCompletions>;

/** 上传创业计划书: the title and summary (the file is the multipart field "file"); staff name the trainee's enrolment. */
export const PlanUploadQuery = z.object({
  title: Name.min(2, '请填写计划书名称').max(100, '计划书名称最多 100 字'),
  summary: Text.max(2000, '摘要最多 2000 字').default(''),
  enrolmentId: z.coerce.number<unknown>().int().min(1).optional(),
});

export const PlanReviewer = z.object({ accountId: z.number().int(), name: z.string(), score: z.number().nullable() });

export const BusinessPlan = z.object({
  id: z.number().int(),
  enrolmentId: z.number().int(),
  classId: z.number().int(),
  personName: z.string(),
  unitName: z.string().nullable(),
  title: z.string(),
  summary: z.string(),
  fileName: z.string().nullable(),
  submittedAt: z.string(),
  score: z.number().nullable(),
  commended: z.boolean(),
  commendedOn: z.string().nullable(),
  version: z.number().int(),
  reviewers: z.array(PlanReviewer),
  certificate: CertificateRef,
});
export type BusinessPlan = z.infer<typeof BusinessPlan>;

const weightsSum = (r: RubricCriterion[]) => r.reduce((a, c) => a + c.weight, 0) === 100;
export const PanelInput = z.object({
  programmeId: Id,
  name: Name.min(2, '请填写评审组名称').max(60),
  rubric: z.array(RubricCriterion).min(1, '至少一项评分细则').max(12).refine(weightsSum, '各项权重之和应为 100')
    .refine((r) => new Set(r.map((c) => c.code)).size === r.length, '评分细则的代码不能重复'),
  commendCount: z.number().int().min(1).max(1000).nullable().default(null),
  commendMinScore: z.number().min(0).max(100).nullable().default(null),
  members: z.array(z.object({ accountId: Id, chair: z.boolean().default(false) })).min(1, '至少一名评审专家').max(30),
});
export type PanelInput = z.infer<typeof PanelInput>;

export const PlanPanel = z.object({
  id: z.number().int(),
  programmeId: z.number().int(),
  name: z.string(),
  rubric: z.array(RubricCriterion),
  commendCount: z.number().int().nullable(),
  commendMinScore: z.number().nullable(),
  version: z.number().int(),
  members: z.array(z.object({ accountId: z.number().int(), name: z.string(), unitName: z.string().nullable(), chair: z.boolean() })),
});
export type PlanPanel = z.infer<typeof PlanPanel>;

export const AssignResult = z.object({
  assigned: z.number().int(),
  recused: z.array(z.object({ planId: z.number().int(), reviewerId: z.number().int(), message: z.string() })),
  unassigned: z.array(z.number().int()),
});

/** What a reviewer sees of a plan assigned to them: the plan, the rubric, their own marks with versions. */
export const ReviewerPlan = z.object({
  planId: z.number().int(),
  panelId: z.number().int(),
  panelName: z.string(),
  className: z.string(),
  title: z.string(),
  summary: z.string(),
  fileName: z.string().nullable(),
  rubric: z.array(RubricCriterion),
  marks: z.record(z.string(), z.object({ value: z.number(), version: z.number().int() })),
  score: z.number().nullable(),
});
export type ReviewerPlan = z.infer<typeof ReviewerPlan>;

/** A mark on one criterion; `version` is the mark's version the reviewer saw (0: not yet marked). */
export const MarkInput = z.object({
  marks: z.array(z.object({ code: z.string().max(6), value: z.number(), version: Version })).min(1).max(12),
  reason: Line.max(200).optional(),
});
export type MarkInput = z.infer<typeof MarkInput>;

export const ChainVerdict = z.object({ ok: z.boolean(), checked: z.number().int(), firstBroken: z.object({ seq: z.number().int(), reason: z.string() }).nullable() });

export const CommendResult = z.object({ commended: z.number().int(), commendedOn: z.string() });
export const IssueResult = z.object({ completion: z.number().int(), plans: z.number().int() });

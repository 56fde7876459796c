import { z } from 'zod';
import { Id, Name, Text } from '../contracts/common.js';
import { RubricCriterion } from './rules.js';

/** The panel stages' API: panels, assignment, progress with severity, the reviewer's sheets. */
export const PanelInput = z.object({
  panelId: Id.optional(),
  name: Name.min(1, '请填写专家组名称').max(40),
  members: z.array(z.object({ accountId: Id, chair: z.boolean() })).min(1, '专家组至少一位专家').max(30),
});
export type PanelInput = z.infer<typeof PanelInput>;

export const SheetInput = z.object({
  marks: z.record(z.string().max(6), z.number({ error: '分数应为数字' })),
  /** Required to change a submitted sheet. */
  reason: Text.max(200).optional(),
});
export type SheetInput = z.infer<typeof SheetInput>;

const PanelStage = z.object({
  key: z.string(), name: z.string(), rubric: z.array(RubricCriterion), counts: z.enum(['raw', 'normalised']),
  reviewersPerCandidate: z.number().int(), state: z.enum(['done', 'open', 'pending']),
});
const Panel = z.object({ id: z.number().int(), name: z.string(), members: z.array(z.object({ accountId: z.number().int(), name: z.string(), chair: z.boolean() })) });
export const PanelList = z.object({ stage: PanelStage, panels: z.array(Panel) });
export type PanelList = z.infer<typeof PanelList>;

export const Severity = z.object({
  reviewerId: z.number().int(), sheets: z.number().int(), mean: z.number(), panelMean: z.number(), severity: z.number(), bias: z.number(),
});
export const PanelProgress = z.object({
  stage: PanelStage,
  panels: z.array(Panel),
  rows: z.array(z.object({
    candidateId: z.number().int(), name: z.string(), unitName: z.string(), panelId: z.number().int().nullable(), panelName: z.string().nullable(),
    reviewers: z.array(z.object({ reviewerId: z.number().int(), name: z.string(), score: z.number().nullable(), submitted: z.boolean() })),
    recused: z.array(z.object({ reviewerId: z.number().int(), name: z.string(), message: z.string() })),
    complete: z.boolean(), raw: z.number().nullable(), normalised: z.number().nullable(),
  })),
  reviewers: z.array(z.object({ reviewerId: z.number().int(), name: z.string(), assigned: z.number().int(), submitted: z.number().int(), severity: Severity.nullable() })),
});
export type PanelProgress = z.infer<typeof PanelProgress>;

const Marks = z.record(z.string(), z.number()).nullable();
export const MyReviewing = z.array(z.object({
  roundId: z.number().int(), roundName: z.string(),
  stage: z.object({ key: z.string(), name: z.string(), rubric: z.array(RubricCriterion), counts: z.enum(['raw', 'normalised']) }),
  candidates: z.array(z.object({
    candidateId: z.number().int(), name: z.string(), unitName: z.string(),
    evidence: z.array(z.object({ id: z.number().int(), fileName: z.string() })),
    marks: Marks, score: z.number().nullable(), submitted: z.boolean(),
    peers: z.array(z.object({ name: z.string(), marks: Marks, score: z.number().nullable() })).nullable(),
  })),
}));
export type MyReviewing = z.infer<typeof MyReviewing>;

import { z } from 'zod';
import { Id, Text } from './common.js';
import { PartKey } from '../competition/parts.js';

export const APPEAL_STATUSES = ['lodged', 'upheld', 'dismissed'] as const;
export const AppealStatus = z.enum(APPEAL_STATUSES);
export type AppealStatus = z.infer<typeof AppealStatus>;
export const APPEAL_STATUS_NAMES: Record<AppealStatus, string> = { lodged: '待仲裁', upheld: '申诉成立', dismissed: '申诉驳回' };

export const AppealInput = z.object({
  entryId: Id,
  content: Text.min(10, '请写明申诉事项和理由（至少 10 个字）').max(4000),
});

/** The arbitration group's decision. Upheld names the score to change: it becomes an amendment for a second person to approve. */
export const AppealDecision = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('dismissed'), reason: Text.min(4, '请写明驳回理由').max(2000) }),
  z.object({
    outcome: z.literal('upheld'),
    reason: Text.min(4, '请写明仲裁意见').max(2000),
    amendment: z.object({ part: PartKey, aspectId: Id.optional(), judgeId: Id.optional(), newValue: z.number().min(0, '分值不能为负').max(100, '分值不能超过 100') }),
  }),
]);
export type AppealDecision = z.infer<typeof AppealDecision>;

export const Appeal = z.object({
  id: z.number().int(),
  competitionId: z.number().int(),
  /** Before decoding: null for organizers (who see the code alone); the code is null for the unit and the contestant. */
  entryId: z.number().int().nullable(),
  code: z.string().nullable(),
  name: z.string().nullable(),
  unitName: z.string().nullable(),
  lodgerKind: z.enum(['person', 'unit']),
  lodgedByName: z.string(),
  content: z.string(),
  lodgedAt: z.string(),
  status: AppealStatus,
  decision: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  amendmentId: z.number().int().nullable(),
  amendmentStatus: z.string().nullable(),
});
export type Appeal = z.infer<typeof Appeal>;

export const AppealWindow = z.object({ endedAt: z.string().nullable(), deadline: z.string().nullable(), open: z.boolean() });

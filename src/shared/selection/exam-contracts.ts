import { z } from 'zod';
import { Line, Text } from '../contracts/common.js';

/** The exam stage's API: numbering, keyed scores, the ranked list. */
export const ExamNumbersInput = z.object({ roomSize: z.number({ error: '每个考场人数应为整数' }).int('每个考场人数应为整数').min(1, '每个考场至少 1 人').max(200, '每个考场最多 200 人').default(30) });
const ScoreCell = z.union([z.number({ error: '成绩应为数字' }), z.literal('缺考')]).nullable().optional();
export const ExamScoreInput = z.object({
  examNumber: Line.min(1, '请填写准考证号').max(20),
  theory: ScoreCell,
  practical: ScoreCell,
  /** Required to change a saved score. */
  reason: Text.max(200).optional(),
});
export type ExamScoreInput = z.infer<typeof ExamScoreInput>;

export const ExamRow = z.object({
  candidateId: z.number().int(), name: z.string(), unitName: z.string(), idMasked: z.string(),
  examNumber: z.string().nullable(), examRoom: z.string().nullable(), examSeat: z.number().int().nullable(),
  theory: z.number().nullable(), practical: z.number().nullable(), theoryAbsent: z.boolean(), practicalAbsent: z.boolean(),
  score: z.number().nullable(), rank: z.number().int().nullable(),
});
export type ExamRow = z.infer<typeof ExamRow>;
export const ExamList = z.object({
  stage: z.object({ key: z.string(), name: z.string(), weights: z.object({ theory: z.number(), practical: z.number() }) }),
  open: z.boolean(),
  rows: z.array(ExamRow),
});
export type ExamList = z.infer<typeof ExamList>;

export const ChainVerdict = z.object({ ok: z.boolean(), checked: z.number().int(), firstBroken: z.object({ seq: z.number().int(), reason: z.string() }).nullable() });

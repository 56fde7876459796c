import { z } from 'zod';

/**
 * 技师鉴定: a new-technician trainee passes when both parts reach the pass mark (60 of 100);
 * a trainee who did not sit (缺考) fails whatever the sheet says. Scores are out of 100, at most
 * two decimals.
 */
export const APPRAISAL_PASS_MARK = 60;
export const APPRAISAL_MAX_SCORE = 100;

export interface AppraisalResult {
  theory: number | null;
  practical: number | null;
  absent: boolean;
}

export function appraisalPassed(r: AppraisalResult): boolean {
  if (r.absent) return false;
  return r.theory != null && r.practical != null && r.theory >= APPRAISAL_PASS_MARK && r.practical >= APPRAISAL_PASS_MARK;
}

/** Why a score cannot be recorded, or null. */
export function checkAppraisalScore(v: number): string | null {
  if (!Number.isFinite(v) || v < 0 || v > APPRAISAL_MAX_SCORE) return `成绩应在 0–${APPRAISAL_MAX_SCORE} 之间，而不是 ${v}`;
  return null;
}

/** What a trainee's appraisal says when it is not a pass, for the clerk. */
export function appraisalFailReason(r: AppraisalResult): string | null {
  if (r.absent) return '缺考';
  if (r.theory == null || r.practical == null) return '成绩不全';
  const low = [r.theory < APPRAISAL_PASS_MARK ? '理论' : null, r.practical < APPRAISAL_PASS_MARK ? '实操' : null].filter(Boolean);
  return low.length ? `${low.join('、')}成绩低于 ${APPRAISAL_PASS_MARK} 分` : null;
}

/** Two results are the same record (a re-import of the same sheet is a no-op). */
export const sameAppraisal = (a: AppraisalResult & { appraisedOn: string }, b: AppraisalResult & { appraisedOn: string }): boolean =>
  a.absent === b.absent && a.theory === b.theory && a.practical === b.practical && a.appraisedOn === b.appraisedOn;

export const Appraisal = z.object({
  enrolmentId: z.number().int(),
  examNumber: z.string(),
  name: z.string(),
  idNumberMasked: z.string(),
  unitName: z.string().nullable(),
  theory: z.number().nullable(),
  practical: z.number().nullable(),
  absent: z.boolean(),
  passed: z.boolean(),
  appraisedOn: z.string(),
  /** The 技师 record written by the pass (level, trade, source), or null. */
  qualification: z.object({ id: z.number().int(), level: z.number().int(), tradeName: z.string().nullable(), obtainedOn: z.string(), source: z.string() }).nullable(),
});
export type Appraisal = z.infer<typeof Appraisal>;

/** The class's appraisal page: every enrolled trainee with an exam number, and their result if any. */
export const AppraisalList = z.object({
  classId: z.number().int(),
  trainees: z.number().int(),
  appraised: z.number().int(),
  passed: z.number().int(),
  rows: z.array(Appraisal),
  /** Enrolled trainees who have no result yet (exam number, name). */
  pending: z.array(z.object({ enrolmentId: z.number().int(), examNumber: z.string().nullable(), name: z.string() })),
});
export type AppraisalList = z.infer<typeof AppraisalList>;

export const AppraisalImportResult = z.object({ rows: z.number().int(), written: z.number().int(), unchanged: z.number().int(), passed: z.number().int() });
export type AppraisalImportResult = z.infer<typeof AppraisalImportResult>;

const Score = z.number({ error: '成绩应为数字' }).min(0, '成绩应在 0–100 之间').max(APPRAISAL_MAX_SCORE, '成绩应在 0–100 之间');
/** A correction of a recorded result: a separate, audited act by training staff, with its reason. */
export const AppraisalCorrection = z.object({
  theory: Score.nullable(),
  practical: Score.nullable(),
  absent: z.boolean(),
  reason: z.string().trim().min(2, '请填写更正理由').max(500),
});
export type AppraisalCorrection = z.infer<typeof AppraisalCorrection>;

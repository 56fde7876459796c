import { z } from 'zod';
import { Version } from '../contracts/common.js';

/**
 * 培训补贴: per enrolled trainee of a class, the training fee if the trainee met the attendance
 * rule (attended / held ≥ the class's minimum), and the appraisal fee if eligible and the trainee
 * sat the appraisal (not 缺考). Full subsidy: the class's fees, nothing prorated. Money is counted
 * in fen (integers), so a total is exactly the sum of its lines.
 */
export interface SubsidyTrainee {
  enrolmentId: number;
  sessionsHeld: number;
  sessionsAttended: number;
  /** Sat the appraisal (a result recorded and not absent). */
  appraised: boolean;
}

export interface SubsidyRates {
  trainingFeeFen: number;
  appraisalFeeFen: number;
  minAttendancePct: number;
}

export interface SubsidyLine {
  enrolmentId: number;
  sessionsHeld: number;
  sessionsAttended: number;
  /** Attended / held in %, two decimals (display; eligibility is decided exactly). */
  attendancePct: number;
  appraised: boolean;
  eligible: boolean;
  trainingFeeFen: number;
  appraisalFeeFen: number;
  totalFen: number;
  /** Why nothing (or only the training fee) is paid; null when everything is. */
  reason: string | null;
}

export interface SubsidyTotals {
  trainees: number;
  eligible: number;
  trainingFeeFen: number;
  appraisalFeeFen: number;
  totalFen: number;
}

export const yuanToFen = (yuan: number): number => Math.round(yuan * 100);
export const fenToYuan = (fen: number): number => fen / 100;
/** 1234567 fen → "12,345.67". */
export const formatYuan = (fen: number): string =>
  `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100).toLocaleString('en-US')}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;

/** attended / held ≥ min %, decided on integers (min to 0.01 %): no float at the boundary. */
export function meetsAttendance(attended: number, held: number, minPct: number): boolean {
  if (held <= 0) return false;
  return attended * 10_000 >= Math.round(minPct * 100) * held;
}

export function subsidyLine(t: SubsidyTrainee, rates: SubsidyRates): SubsidyLine {
  const held = Math.max(0, t.sessionsHeld);
  const attended = Math.min(Math.max(0, t.sessionsAttended), held);
  const attendancePct = held === 0 ? 0 : Math.round((attended * 10_000) / held) / 100;
  const eligible = meetsAttendance(attended, held, rates.minAttendancePct);
  const trainingFeeFen = eligible ? Math.max(0, rates.trainingFeeFen) : 0;
  const appraisalFeeFen = eligible && t.appraised ? Math.max(0, rates.appraisalFeeFen) : 0;
  let reason: string | null = null;
  if (held === 0) reason = '本班尚无已举行的课次';
  else if (!eligible) reason = `出勤 ${attended}/${held} 次（${attendancePct}%），未达到 ${rates.minAttendancePct}%`;
  else if (!t.appraised && rates.appraisalFeeFen > 0) reason = '未参加鉴定（缺考或无成绩），不计鉴定费';
  return {
    enrolmentId: t.enrolmentId, sessionsHeld: held, sessionsAttended: attended, attendancePct, appraised: t.appraised, eligible,
    trainingFeeFen, appraisalFeeFen, totalFen: trainingFeeFen + appraisalFeeFen, reason,
  };
}

/** The claim's lines (in the order given) and totals. */
export function computeSubsidy(trainees: readonly SubsidyTrainee[], rates: SubsidyRates): { lines: SubsidyLine[]; totals: SubsidyTotals } {
  const lines = trainees.map((t) => subsidyLine(t, rates));
  const totals = lines.reduce<SubsidyTotals>((s, l) => ({
    trainees: s.trainees + 1,
    eligible: s.eligible + (l.eligible ? 1 : 0),
    trainingFeeFen: s.trainingFeeFen + l.trainingFeeFen,
    appraisalFeeFen: s.appraisalFeeFen + l.appraisalFeeFen,
    totalFen: s.totalFen + l.totalFen,
  }), { trainees: 0, eligible: 0, trainingFeeFen: 0, appraisalFeeFen: 0, totalFen: 0 });
  return { lines, totals };
}

/** What the lines' hash covers: the figures that are paid, per enrolment, in enrolment order. */
export const hashableLines = (lines: readonly SubsidyLine[]) =>
  [...lines].sort((a, b) => a.enrolmentId - b.enrolmentId).map((l) => ({
    enrolmentId: l.enrolmentId, held: l.sessionsHeld, attended: l.sessionsAttended, appraised: l.appraised, eligible: l.eligible,
    trainingFeeFen: l.trainingFeeFen, appraisalFeeFen: l.appraisalFeeFen,
  }));

export const CLAIM_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const;
export const ClaimStatus = z.enum(CLAIM_STATUSES);
export type ClaimStatus = z.infer<typeof ClaimStatus>;
export const CLAIM_STATUS_NAMES: Record<ClaimStatus, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '已提交', en: 'Submitted' },
  approved: { zh: '已核准', en: 'Approved' },
  returned: { zh: '已退回', en: 'Returned' },
};
/** Recompute while draft or returned; submit from draft or returned; review a submitted claim; approved is frozen. */
export const CLAIM_RECOMPUTABLE: readonly ClaimStatus[] = ['draft', 'returned'];

export const SubsidyClaimLine = z.object({
  enrolmentId: z.number().int(),
  name: z.string(),
  idNumberMasked: z.string(),
  unitName: z.string().nullable(),
  sessionsHeld: z.number().int(),
  sessionsAttended: z.number().int(),
  attendancePct: z.number(),
  appraised: z.boolean(),
  eligible: z.boolean(),
  trainingFeeYuan: z.number(),
  appraisalFeeYuan: z.number(),
  totalYuan: z.number(),
  reason: z.string().nullable(),
});
export type SubsidyClaimLine = z.infer<typeof SubsidyClaimLine>;

export const SubsidyClaim = z.object({
  id: z.number().int(),
  classId: z.number().int(),
  className: z.string(),
  programmeName: z.string(),
  collegeName: z.string().nullable(),
  status: ClaimStatus,
  trainingFeeYuan: z.number(),
  appraisalFeeYuan: z.number(),
  minAttendancePct: z.number(),
  trainees: z.number().int(),
  eligible: z.number().int(),
  trainingTotalYuan: z.number(),
  appraisalTotalYuan: z.number(),
  totalYuan: z.number(),
  linesHash: z.string(),
  computedAt: z.string(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewNote: z.string().nullable(),
  version: z.number().int(),
  /** The records changed since it was computed: recomputing now would give other lines. */
  stale: z.boolean(),
  /** The total a recomputation would give now (equal to totalYuan unless stale). */
  currentTotalYuan: z.number(),
  lines: z.array(SubsidyClaimLine),
});
export type SubsidyClaim = z.infer<typeof SubsidyClaim>;

export const ClaimVersion = z.object({ version: Version });
export const ClaimReview = z.object({
  version: Version,
  decision: z.enum(['approve', 'return']),
  note: z.string().trim().max(1000).optional(),
});
export type ClaimReview = z.infer<typeof ClaimReview>;

/** A claim in the finance body's list (what to review, what was paid). */
export const ClaimListItem = z.object({
  id: z.number().int(),
  classId: z.number().int(),
  className: z.string(),
  collegeName: z.string().nullable(),
  status: ClaimStatus,
  trainees: z.number().int(),
  eligible: z.number().int(),
  totalYuan: z.number(),
  computedAt: z.string(),
  submittedAt: z.string().nullable(),
});
export type ClaimListItem = z.infer<typeof ClaimListItem>;

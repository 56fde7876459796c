import { z } from 'zod';
import { defineMachine } from './state-machine.js';

/**
 * The three status flows of a competition (职业技能大赛):
 *
 *   competition  筹备 → 报名中 ⇄ 报名截止 → 已抽签 → 评分中 → 成绩已锁定 → 已解密 ⇄ 公示中 → 成绩已确定
 *                (公示中 → 已解密 when the notice is suspended by an upheld objection or withdrawn)
 *                (报名中 → 筹备 is allowed by the machine; the service allows it only while there are no entries)
 *   entry (报名) 待审核 → 已通过 | 未通过 | 已退赛;  已通过 → 已退赛;  未通过 → 待审核 (resubmitted)
 *   amendment (成绩更正)  待批准 → 已批准 | 已驳回
 */

export const COMPETITION_STATUSES = ['draft', 'registration', 'closed', 'drawn', 'marking', 'locked', 'decoded', 'notice', 'final'] as const;
export const CompetitionStatus = z.enum(COMPETITION_STATUSES);
export type CompetitionStatus = z.infer<typeof CompetitionStatus>;

export const COMPETITION_STATUS_NAMES: Record<CompetitionStatus, string> = {
  draft: '筹备',
  registration: '报名中',
  closed: '报名截止',
  drawn: '已抽签',
  marking: '评分中',
  locked: '成绩已锁定',
  decoded: '已解密',
  notice: '公示中',
  final: '成绩已确定',
};

export const COMPETITION = defineMachine<CompetitionStatus>(
  'competition',
  {
    draft: ['registration'],
    registration: ['closed', 'draft'],
    closed: ['registration', 'drawn'],
    drawn: ['marking'],
    marking: ['locked'],
    locked: ['decoded'],
    decoded: ['notice'],
    notice: ['decoded', 'final'],
    final: [],
  },
  COMPETITION_STATUS_NAMES,
);

export const ENTRY_STATUSES = ['submitted', 'approved', 'rejected', 'withdrawn'] as const;
export const EntryStatus = z.enum(ENTRY_STATUSES);
export type EntryStatus = z.infer<typeof EntryStatus>;

export const ENTRY_STATUS_NAMES: Record<EntryStatus, string> = {
  submitted: '待审核',
  approved: '已通过',
  rejected: '未通过',
  withdrawn: '已退赛',
};

export const ENTRY = defineMachine<EntryStatus>(
  'entry',
  {
    submitted: ['approved', 'rejected', 'withdrawn'],
    approved: ['withdrawn'],
    rejected: ['submitted'],
    withdrawn: [],
  },
  ENTRY_STATUS_NAMES,
);

export const AMENDMENT_STATUSES = ['pending', 'approved', 'rejected'] as const;
export const AmendmentStatus = z.enum(AMENDMENT_STATUSES);
export type AmendmentStatus = z.infer<typeof AmendmentStatus>;

export const AMENDMENT_STATUS_NAMES: Record<AmendmentStatus, string> = {
  pending: '待批准',
  approved: '已批准',
  rejected: '已驳回',
};

export const AMENDMENT = defineMachine<AmendmentStatus>(
  'amendment',
  {
    pending: ['approved', 'rejected'],
    approved: [],
    rejected: [],
  },
  AMENDMENT_STATUS_NAMES,
);

/** Statuses from the start of marking on (scheme, panels and staff frozen). */
export const MARKING_STARTED: readonly CompetitionStatus[] = ['marking', 'locked', 'decoded', 'notice', 'final'];
/** Statuses in which the marks are locked (signed off as a whole). */
export const MARKS_LOCKED: readonly CompetitionStatus[] = ['locked', 'decoded', 'notice', 'final'];
/** Statuses in which identities have been decoded (解密). */
export const DECODED: readonly CompetitionStatus[] = ['decoded', 'notice', 'final'];
export const marksLocked = (s: CompetitionStatus) => MARKS_LOCKED.includes(s);
export const isDecoded = (s: CompetitionStatus) => DECODED.includes(s);

import type { AppealStatus } from '../contracts/appeals.js';
import { APPEAL_STATUS_NAMES } from '../contracts/appeals.js';
import type { NoticeStatus, ObjectionStatus } from '../contracts/notices.js';
import { NOTICE_STATUS_NAMES, OBJECTION_STATUS_NAMES } from '../contracts/notices.js';
import { defineMachine } from '../competition/state-machine.js';

/**
 * 公示: a round is open until its period ends (final), an objection is upheld (suspended: the
 * organizer restarts the notice as the next round, a new row) or the organizer withdraws it.
 * Every end is final for that round: a round never reopens.
 */
export const NOTICE = defineMachine<NoticeStatus>(
  'notice',
  { open: ['suspended', 'final', 'withdrawn'], suspended: [], final: [], withdrawn: [] },
  NOTICE_STATUS_NAMES,
);

/** 异议: recorded, possibly investigated, then upheld or dismissed with a reason. */
export const OBJECTION = defineMachine<ObjectionStatus>(
  'objection',
  { open: ['investigating', 'upheld', 'dismissed'], investigating: ['upheld', 'dismissed'], upheld: [], dismissed: [] },
  OBJECTION_STATUS_NAMES,
);

/** 申诉: the arbitration group decides once. */
export const APPEAL = defineMachine<AppealStatus>(
  'appeal',
  { lodged: ['upheld', 'dismissed'], upheld: [], dismissed: [] },
  APPEAL_STATUS_NAMES,
);

/** Objections that still hold a notice back from becoming final. */
export const PENDING_OBJECTION: readonly ObjectionStatus[] = ['open', 'investigating'];

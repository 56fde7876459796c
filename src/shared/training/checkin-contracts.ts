import { z } from 'zod';
import { Id, Version } from '../contracts/common.js';
import { AttendanceMethod, AttendanceStatus, ClassStatus } from './rules.js';

/** The teacher's screen: the current code, its URL (the QR's content) and when it stops being accepted. */
export const CheckinCode = z.object({ url: z.string(), token: z.string(), step: z.number().int(), expiresAt: z.string(), signedIn: z.number().int(), enrolled: z.number().int() });
export type CheckinCode = z.infer<typeof CheckinCode>;

export const CheckinWindow = z.object({ sessionId: z.number().int(), open: z.boolean(), openedAt: z.string().nullable(), closedAt: z.string().nullable() });
export type CheckinWindow = z.infer<typeof CheckinWindow>;

export const CheckinInput = z.object({ code: z.string({ error: '请扫描老师屏幕上的二维码' }).trim().min(1, '请扫描老师屏幕上的二维码').max(300, '二维码无效') });

/** A trainee's accepted sign-in. */
export const CheckinResult = z.object({
  status: AttendanceStatus, sessionId: z.number().int(), className: z.string(), topic: z.string(), day: z.string(), startsAt: z.string(), at: z.string(),
});
export type CheckinResult = z.infer<typeof CheckinResult>;

const Cell = z.object({ status: AttendanceStatus, method: AttendanceMethod });

/** 点名册: one session's enrolled trainees and their attendance (masked ID numbers). */
export const RosterLine = z.object({
  enrolmentId: z.number().int(), name: z.string(), idNumberMasked: z.string(), unitName: z.string().nullable(),
  status: AttendanceStatus.nullable(), method: AttendanceMethod.nullable(), recordedAt: z.string().nullable(), note: z.string().nullable(), version: z.number().int().nullable(),
});
export type RosterLine = z.infer<typeof RosterLine>;
export const Roster = z.object({
  session: z.object({
    id: z.number().int(), classId: z.number().int(), className: z.string(), classStatus: ClassStatus, day: z.string(), startsAt: z.string(), endsAt: z.string(),
    room: z.string(), topic: z.string(), teacherName: z.string(), status: z.enum(['scheduled', 'cancelled']), checkinOpen: z.boolean(),
  }),
  lines: z.array(RosterLine),
  counts: z.object({ enrolled: z.number().int(), present: z.number().int(), late: z.number().int(), absent: z.number().int(), excused: z.number().int(), unmarked: z.number().int() }),
});
export type Roster = z.infer<typeof Roster>;

export const AttendanceEntry = z.object({
  enrolmentId: Id, status: AttendanceStatus, note: z.string().trim().max(200, '备注最多 200 字').optional(),
  /** The record's version when the teacher read it (a correction of an existing record). */
  version: Version.optional(),
});
export const AttendanceInput = z.object({
  method: z.enum(['roster', 'sheet'], { error: '记录方式应为点名（roster）或签到表（sheet）' }),
  entries: z.array(AttendanceEntry).min(1, '至少一名学员').max(500, '一次最多 500 名学员'),
});
export type AttendanceInput = z.infer<typeof AttendanceInput>;
export const AttendanceSaved = z.object({ changed: z.number().int(), unchanged: z.number().int() });

/** 考勤热力图: a class's trainees × held sessions. */
export const AttendanceMatrix = z.object({
  sessions: z.array(z.object({
    id: z.number().int(), day: z.string(), startsAt: z.string(), topic: z.string(), held: z.boolean(),
    counts: z.object({ present: z.number().int(), late: z.number().int(), absent: z.number().int(), excused: z.number().int() }),
  })),
  trainees: z.array(z.object({ enrolmentId: z.number().int(), name: z.string(), idNumberMasked: z.string(), attended: z.number().int(), held: z.number().int(), pct: z.number() })),
  /** One per recorded (trainee, session). */
  cells: z.array(z.object({ enrolmentId: z.number().int(), sessionId: z.number().int(), ...Cell.shape })),
  held: z.number().int(),
});
export type AttendanceMatrix = z.infer<typeof AttendanceMatrix>;

/** 我的培训: the signed-in trainee's classes and their own attendance. */
export const MyClass = z.object({
  id: z.number().int(), name: z.string(), status: ClassStatus, collegeName: z.string().nullable(), venue: z.string(),
  plannedStartOn: z.string(), plannedEndOn: z.string(),
  /** Whether the class's completion rule asks for a business plan (the trainee's page offers the upload). */
  businessPlanRequired: z.boolean(),
  sessions: z.array(z.object({
    id: z.number().int(), day: z.string(), startsAt: z.string(), endsAt: z.string(), room: z.string(), topic: z.string(),
    status: z.enum(['scheduled', 'cancelled']), checkinOpen: z.boolean(), attendance: Cell.nullable(),
  })),
  attended: z.number().int(), held: z.number().int(), pct: z.number(),
});
export type MyClass = z.infer<typeof MyClass>;

import { bigint, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { AttendanceMethod, AttendanceStatus } from '../../../shared/training/rules.js';
import { accounts } from '../../core/accounts/tables.js';
import { trainingEnrolments } from '../enrolment/tables.js';
import { trainingSessions } from '../programmes/tables.js';

/**
 * 考勤: one trainee at one session — present, late, absent or excused — and how it was taken
 * (扫码 by the trainee's own signed-in phone, 点名 by the teacher, 签到表 keyed back) and by whom.
 * A correction replaces the row; the audit log keeps what it was.
 */
export const trainingAttendance = pgTable(
  'training_attendance',
  {
    sessionId: integer('session_id').notNull().references(() => trainingSessions.id),
    enrolmentId: integer('enrolment_id').notNull().references(() => trainingEnrolments.id),
    status: text('status').$type<AttendanceStatus>().notNull(),
    method: text('method').$type<AttendanceMethod>().notNull(),
    recordedBy: integer('recorded_by').references(() => accounts.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    note: text('note'),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('training_attendance_uq').on(t.sessionId, t.enrolmentId), index('training_attendance_enrolment_idx').on(t.enrolmentId)],
);

/**
 * 扫码记录: every QR sign-in attempt with the code's time step and the device (a keyed hash of a
 * per-browser cookie): a replayed code and one phone signing in two trainees are refused and kept.
 */
export const trainingCheckins = pgTable(
  'training_checkins',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    sessionId: integer('session_id').notNull().references(() => trainingSessions.id),
    accountId: integer('account_id').references(() => accounts.id),
    enrolmentId: integer('enrolment_id'),
    step: bigint('step', { mode: 'number' }),
    deviceHash: text('device_hash'),
    /** accepted, or the refusal's code (expired, replayed, other-device, not-enrolled…). */
    outcome: text('outcome').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('training_checkins_session_idx').on(t.sessionId, t.deviceHash), index('training_checkins_account_idx').on(t.accountId, t.sessionId)],
);

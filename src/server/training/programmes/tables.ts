import { date, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { ClassStatus, CompletionRule, Curriculum, ProgrammeKind, TargetGroup } from '../../../shared/training/rules.js';
import { accounts } from '../../core/accounts/tables.js';
import { campaigns } from '../../core/campaign/tables.js';
import { units } from '../../core/units/tables.js';

/**
 * 培训项目: 创业培训 or 新技师培养带动计划 of a campaign, with its plan (target trainees and classes
 * for the year) and the fees the government pays per trainee (full subsidy).
 */
export const trainingProgrammes = pgTable(
  'training_programmes',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    campaignId: integer('campaign_id').references(() => campaigns.id),
    kind: text('kind').$type<ProgrammeKind>().notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** The plan: trainees and classes targeted (e.g. 200 a year in two sessions). */
    plannedTrainees: integer('planned_trainees'),
    plannedClasses: integer('planned_classes'),
    /** Default fees per trainee (yuan) for its classes. */
    trainingFeeYuan: numeric('training_fee_yuan', { precision: 10, scale: 2, mode: 'number' }).notNull().default(0),
    appraisalFeeYuan: numeric('appraisal_fee_yuan', { precision: 10, scale: 2, mode: 'number' }).notNull().default(0),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by').references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('training_programmes_campaign_idx').on(t.campaignId)],
);

/**
 * 培训班: one class (a batch) of a programme. Planned and actual dates and sizes are both kept:
 * the plan is never overwritten by what happened. `quota` caps enrolment (名额); `unitQuota` caps
 * one employer's nominations.
 */
export const trainingClasses = pgTable(
  'training_classes',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    programmeId: integer('programme_id').notNull().references(() => trainingProgrammes.id),
    name: text('name').notNull(),
    targetGroup: text('target_group').$type<TargetGroup>().notNull(),
    curriculum: text('curriculum').$type<Curriculum>().notNull(),
    /** The trade's syllabus or the course outline, as text. */
    syllabus: text('syllabus').notNull().default(''),
    /** The trades trained (新技师: e.g. 电工, 钳工). */
    tradeIds: jsonb('trade_ids').$type<number[]>().notNull().default([]),
    /** The college (a school unit) that trains; null for a class held at a venue by the organizers. */
    collegeUnitId: integer('college_unit_id').references(() => units.id),
    venue: text('venue').notNull().default(''),
    /** Who runs it together (劳动保障局, 农业办, 财政局…), as printed. */
    organizers: jsonb('organizers').$type<string[]>().notNull().default([]),
    plannedStartOn: date('planned_start_on', { mode: 'string' }).notNull(),
    plannedEndOn: date('planned_end_on', { mode: 'string' }).notNull(),
    actualStartOn: date('actual_start_on', { mode: 'string' }),
    actualEndOn: date('actual_end_on', { mode: 'string' }),
    /** 结业典礼 (graduation), where business plans are commended. */
    graduationOn: date('graduation_on', { mode: 'string' }),
    plannedSize: integer('planned_size').notNull(),
    quota: integer('quota').notNull(),
    unitQuota: integer('unit_quota'),
    completionRule: jsonb('completion_rule').$type<CompletionRule>().notNull(),
    /** Fees per trainee for this class (yuan), from the programme unless set. */
    trainingFeeYuan: numeric('training_fee_yuan', { precision: 10, scale: 2, mode: 'number' }).notNull().default(0),
    appraisalFeeYuan: numeric('appraisal_fee_yuan', { precision: 10, scale: 2, mode: 'number' }).notNull().default(0),
    status: text('status').$type<ClassStatus>().notNull().default('planned'),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by').references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('training_classes_programme_idx').on(t.programmeId), index('training_classes_college_idx').on(t.collegeUnitId)],
);

/** 授课教师: accounts that teach a class (show the sign-in QR, mark the roster). */
export const trainingClassTeachers = pgTable(
  'training_class_teachers',
  {
    classId: integer('class_id').notNull().references(() => trainingClasses.id),
    accountId: integer('account_id').notNull().references(() => accounts.id),
  },
  (t) => [uniqueIndex('training_class_teachers_uq').on(t.classId, t.accountId), index('training_class_teachers_account_idx').on(t.accountId)],
);

/** 课次: one session of a class (date, time, room, topic, teacher). Attendance is per session. */
export const trainingSessions = pgTable(
  'training_sessions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    classId: integer('class_id').notNull().references(() => trainingClasses.id),
    day: date('day', { mode: 'string' }).notNull(),
    /** Beijing wall-clock times, "HH:MM". */
    startsAt: text('starts_at').notNull(),
    endsAt: text('ends_at').notNull(),
    room: text('room').notNull().default(''),
    topic: text('topic').notNull(),
    teacherName: text('teacher_name').notNull().default(''),
    teacherAccountId: integer('teacher_account_id').references(() => accounts.id),
    /** scheduled, or cancelled (a cancelled session does not count toward attendance). */
    status: text('status', { enum: ['scheduled', 'cancelled'] }).notNull().default('scheduled'),
    /** The QR sign-in window, opened and closed by the teacher. */
    checkinOpenedAt: timestamp('checkin_opened_at', { withTimezone: true }),
    checkinClosedAt: timestamp('checkin_closed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('training_sessions_class_idx').on(t.classId, t.day)],
);

export type ProgrammeRow = typeof trainingProgrammes.$inferSelect;
export type ClassRow = typeof trainingClasses.$inferSelect;
export type SessionRow = typeof trainingSessions.$inferSelect;

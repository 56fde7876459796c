import { bigint, boolean, date, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { RubricCriterion } from '../../../shared/selection/rules.js';
import type { CompletionRule } from '../../../shared/training/rules.js';
import { accounts } from '../../core/accounts/tables.js';
import { storedFiles } from '../../core/files/tables.js';
import { trainingEnrolments } from '../enrolment/tables.js';
import { trainingClasses, trainingProgrammes } from '../programmes/tables.js';

/** 创业计划书: a trainee's business plan (one per enrolment), the file, its panel score, commended or not. */
export const trainingBusinessPlans = pgTable(
  'training_business_plans',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    enrolmentId: integer('enrolment_id').notNull().references(() => trainingEnrolments.id),
    classId: integer('class_id').notNull().references(() => trainingClasses.id),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    fileId: integer('file_id').references(() => storedFiles.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    /** The panel's score (mean of its reviewers' rubric scores), once every reviewer has marked. */
    score: numeric('score', { precision: 6, scale: 2, mode: 'number' }),
    commended: boolean('commended').notNull().default(false),
    commendedOn: date('commended_on', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('training_business_plans_enrolment_uq').on(t.enrolmentId), index('training_business_plans_class_idx').on(t.classId)],
);

/**
 * 创业计划书评审组: a panel of experts (judge accounts) for a programme's business plans, with its
 * rubric (the selection's rubric engine) and how many plans are commended at the graduation.
 */
export const trainingPlanPanels = pgTable(
  'training_plan_panels',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    programmeId: integer('programme_id').notNull().references(() => trainingProgrammes.id),
    name: text('name').notNull(),
    rubric: jsonb('rubric').$type<RubricCriterion[]>().notNull(),
    /** Plans commended: the best `commendCount` by score, or every plan at or above `commendMinScore`. */
    commendCount: integer('commend_count'),
    commendMinScore: numeric('commend_min_score', { precision: 6, scale: 2, mode: 'number' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('training_plan_panels_name_uq').on(t.programmeId, t.name)],
);

export const trainingPlanPanelMembers = pgTable(
  'training_plan_panel_members',
  {
    panelId: integer('panel_id').notNull().references(() => trainingPlanPanels.id),
    accountId: integer('account_id').notNull().references(() => accounts.id),
    chair: boolean('chair').notNull().default(false),
  },
  (t) => [uniqueIndex('training_plan_panel_members_uq').on(t.panelId, t.accountId), index('training_plan_panel_members_account_idx').on(t.accountId)],
);

/** Who marks which plan: the panel's members who need not recuse (own unit, declared ties). */
export const trainingPlanAssignments = pgTable(
  'training_plan_assignments',
  {
    panelId: integer('panel_id').notNull().references(() => trainingPlanPanels.id),
    planId: integer('plan_id').notNull().references(() => trainingBusinessPlans.id),
    reviewerId: integer('reviewer_id').notNull().references(() => accounts.id),
  },
  (t) => [uniqueIndex('training_plan_assignments_uq').on(t.planId, t.reviewerId), index('training_plan_assignments_reviewer_idx').on(t.reviewerId, t.panelId)],
);

/** A reviewer's mark on one criterion of one plan (current state of the log). */
export const trainingPlanMarks = pgTable(
  'training_plan_marks',
  {
    planId: integer('plan_id').notNull().references(() => trainingBusinessPlans.id),
    reviewerId: integer('reviewer_id').notNull().references(() => accounts.id),
    criterionCode: text('criterion_code').notNull(),
    value: numeric('value', { precision: 6, scale: 2, mode: 'number' }).notNull(),
    version: integer('version').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('training_plan_marks_uq').on(t.planId, t.reviewerId, t.criterionCode), index('training_plan_marks_reviewer_idx').on(t.reviewerId)],
);

/** Every business-plan mark change, appended and hash-chained per panel (core/chain's link rule). */
export const trainingMarkEvents = pgTable(
  'training_mark_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    panelId: integer('panel_id').notNull().references(() => trainingPlanPanels.id),
    seq: integer('seq').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: integer('actor_id').references(() => accounts.id),
    kind: text('kind').notNull(),
    planId: integer('plan_id'),
    reviewerId: integer('reviewer_id'),
    criterionCode: text('criterion_code'),
    value: numeric('value', { precision: 10, scale: 2, mode: 'number' }),
    previousValue: numeric('previous_value', { precision: 10, scale: 2, mode: 'number' }),
    version: integer('version'),
    reason: text('reason'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [uniqueIndex('training_mark_events_seq_uq').on(t.panelId, t.seq)],
);

/**
 * 结业: each enrolled trainee's outcome, written once when the class finishes, with the figures
 * and the rule that decided it.
 */
export const trainingCompletions = pgTable(
  'training_completions',
  {
    enrolmentId: integer('enrolment_id').primaryKey().references(() => trainingEnrolments.id),
    classId: integer('class_id').notNull().references(() => trainingClasses.id),
    completed: boolean('completed').notNull(),
    sessionsHeld: integer('sessions_held').notNull(),
    sessionsAttended: integer('sessions_attended').notNull(),
    attendancePct: numeric('attendance_pct', { precision: 5, scale: 2, mode: 'number' }).notNull(),
    planSubmitted: boolean('plan_submitted').notNull(),
    appraisalPassed: boolean('appraisal_passed'),
    /** The reason when not completed (出勤不足, 未提交创业计划书…). */
    reason: text('reason'),
    rule: jsonb('rule').$type<CompletionRule>().notNull(),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    decidedBy: integer('decided_by').references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('training_completions_class_idx').on(t.classId)],
);

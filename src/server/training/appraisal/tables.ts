import { boolean, date, index, integer, numeric, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { accounts } from '../../core/accounts/tables.js';
import { qualificationRecords } from '../../core/people/tables.js';
import { units } from '../../core/units/tables.js';
import { trainingEnrolments } from '../enrolment/tables.js';
import { trainingClasses } from '../programmes/tables.js';

/**
 * 技师鉴定: a new-technician trainee's appraisal (theory and practical), imported by exam number
 * after the 40 days. A pass writes the 技师 qualification record (source: the appraisal).
 */
export const trainingAppraisals = pgTable(
  'training_appraisals',
  {
    enrolmentId: integer('enrolment_id').primaryKey().references(() => trainingEnrolments.id),
    classId: integer('class_id').notNull().references(() => trainingClasses.id),
    examNumber: text('exam_number').notNull(),
    theory: numeric('theory', { precision: 5, scale: 2, mode: 'number' }),
    practical: numeric('practical', { precision: 5, scale: 2, mode: 'number' }),
    /** 缺考: did not sit. */
    absent: boolean('absent').notNull().default(false),
    passed: boolean('passed').notNull(),
    appraisedOn: date('appraised_on', { mode: 'string' }).notNull(),
    qualificationRecordId: integer('qualification_record_id').references(() => qualificationRecords.id),
    importedBy: integer('imported_by').references(() => accounts.id),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('training_appraisals_class_idx').on(t.classId)],
);

/**
 * 补贴申请: a college's claim for one class — per trainee the training fee and the appraisal fee
 * (full subsidy), only for trainees who met the attendance rule. Computed from the records,
 * reviewed by the finance body, exported as the list the finance bureau pays from.
 */
export const trainingSubsidyClaims = pgTable(
  'training_subsidy_claims',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    classId: integer('class_id').notNull().references(() => trainingClasses.id),
    collegeUnitId: integer('college_unit_id').references(() => units.id),
    status: text('status', { enum: ['draft', 'submitted', 'approved', 'returned'] }).notNull().default('draft'),
    trainingFeeYuan: numeric('training_fee_yuan', { precision: 10, scale: 2, mode: 'number' }).notNull(),
    appraisalFeeYuan: numeric('appraisal_fee_yuan', { precision: 10, scale: 2, mode: 'number' }).notNull(),
    trainees: integer('trainees').notNull(),
    eligible: integer('eligible').notNull(),
    totalYuan: numeric('total_yuan', { precision: 12, scale: 2, mode: 'number' }).notNull(),
    /** SHA-256 of the claim's lines (canonical JSON): what was reviewed is what is paid. */
    linesHash: text('lines_hash').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
    submittedBy: integer('submitted_by').references(() => accounts.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    reviewedBy: integer('reviewed_by').references(() => accounts.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewNote: text('review_note'),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('training_subsidy_claims_class_uq').on(t.classId)],
);

export const trainingSubsidyLines = pgTable(
  'training_subsidy_lines',
  {
    claimId: integer('claim_id').notNull().references(() => trainingSubsidyClaims.id),
    enrolmentId: integer('enrolment_id').notNull().references(() => trainingEnrolments.id),
    sessionsHeld: integer('sessions_held').notNull(),
    sessionsAttended: integer('sessions_attended').notNull(),
    attendancePct: numeric('attendance_pct', { precision: 5, scale: 2, mode: 'number' }).notNull(),
    appraised: boolean('appraised').notNull(),
    eligible: boolean('eligible').notNull(),
    reason: text('reason'),
    trainingFeeYuan: numeric('training_fee_yuan', { precision: 10, scale: 2, mode: 'number' }).notNull(),
    appraisalFeeYuan: numeric('appraisal_fee_yuan', { precision: 10, scale: 2, mode: 'number' }).notNull(),
  },
  (t) => [uniqueIndex('training_subsidy_lines_uq').on(t.claimId, t.enrolmentId)],
);

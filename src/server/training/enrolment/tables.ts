import { index, integer, pgTable, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { EnrolmentSource, EnrolmentStatus } from '../../../shared/training/rules.js';
import { accounts } from '../../core/accounts/tables.js';
import { people } from '../../core/people/tables.js';
import { units } from '../../core/units/tables.js';
import { trainingClasses } from '../programmes/tables.js';

/**
 * 学员: a person's place in a class. Enrolled by the organizer (on screen or from Excel), or
 * nominated by their employer (新技师: the employer confirms 高级工 or higher) and accepted or
 * refused by the college. One row per person and class; the person's unit at nomination is kept.
 */
export const trainingEnrolments = pgTable(
  'training_enrolments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    classId: integer('class_id').notNull().references(() => trainingClasses.id),
    personId: integer('person_id').notNull().references(() => people.id),
    status: text('status').$type<EnrolmentStatus>().notNull(),
    source: text('source').$type<EnrolmentSource>().notNull(),
    /** The employer (or school) the trainee comes from, at enrolment. */
    unitId: integer('unit_id').references(() => units.id),
    nominatedBy: integer('nominated_by').references(() => accounts.id),
    /** 新技师: the level the employer confirmed the trainee holds (3 = 高级工 or higher). */
    confirmedLevel: smallint('confirmed_level'),
    /** 准考证号 for the appraisal (新技师), unique within the class. */
    examNumber: text('exam_number'),
    /** Why the college refused, or why the trainee withdrew. */
    reason: text('reason'),
    decidedBy: integer('decided_by').references(() => accounts.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('training_enrolments_uq').on(t.classId, t.personId),
    uniqueIndex('training_enrolments_exam_number_uq').on(t.classId, t.examNumber),
    index('training_enrolments_person_idx').on(t.personId),
    index('training_enrolments_unit_idx').on(t.unitId, t.classId),
  ],
);

export type EnrolmentRow = typeof trainingEnrolments.$inferSelect;

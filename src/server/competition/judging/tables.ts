import { index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { accounts } from '../../core/accounts/tables.js';
import { competitions } from '../competitions/tables.js';
import { entries } from '../entries/tables.js';
import { people } from '../../core/people/tables.js';
import { schemeAspects } from '../schemes/tables.js';
import { units } from '../../core/units/tables.js';

/**
 * 回避申报: a judge's declared conflicts beyond their own unit — a former employer (a unit), a
 * master–apprentice tie or a relative (a person), declared before the draw; or, after the draw, a
 * drawn entry the judge reported recognising while marking its code (kind 'entry').
 */
export const judgeConflicts = pgTable(
  'judge_conflicts',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    judgeId: integer('judge_id').notNull().references(() => accounts.id),
    kind: text('kind', { enum: ['unit', 'person', 'entry'] }).notNull(),
    unitId: integer('unit_id').references(() => units.id),
    personId: integer('person_id').references(() => people.id),
    entryId: integer('entry_id').references(() => entries.id),
    reason: text('reason', { enum: ['former_employer', 'master_apprentice', 'relative', 'other'] }).notNull(),
    note: text('note'),
    declaredBy: integer('declared_by').references(() => accounts.id),
    declaredAt: timestamp('declared_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('judge_conflicts_judge_idx').on(t.judgeId)],
);

/** A marking team: the judges assigned to an aspect, in seat order. */
export const aspectJudges = pgTable(
  'aspect_judges',
  {
    competitionId: integer('competition_id').notNull().references(() => competitions.id),
    aspectId: integer('aspect_id').notNull().references(() => schemeAspects.id),
    judgeId: integer('judge_id').notNull().references(() => accounts.id),
    seat: integer('seat').notNull(),
  },
  (t) => [uniqueIndex('aspect_judges_uq').on(t.aspectId, t.judgeId), index('aspect_judges_judge_idx').on(t.competitionId, t.judgeId)],
);

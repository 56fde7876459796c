import { date, index, integer, pgTable, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { OutcomeKind } from '../../../shared/contracts/results.js';
import { competitions } from '../competitions/tables.js';
import { entries } from '../entries/tables.js';
import { people, qualificationRecords } from '../../core/people/tables.js';
import { units } from '../../core/units/tables.js';

/**
 * What a final result gives: an individual award (top N), the winner's promotion and title, the
 * senior-worker level for passing both parts, an eligibility (a 技师 who wins may sit the 高级技师
 * evaluation), a team or organization award (for a unit). Written once, when the results become
 * final; a level also becomes a qualification record (with this row as its source).
 */
export const outcomes = pgTable(
  'outcomes',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    competitionId: integer('competition_id').notNull().references(() => competitions.id),
    kind: text('kind').$type<OutcomeKind>().notNull(),
    entryId: integer('entry_id').references(() => entries.id),
    personId: integer('person_id').references(() => people.id),
    unitId: integer('unit_id').references(() => units.id),
    rank: integer('rank'),
    level: smallint('level'),
    title: text('title').notNull(),
    qualificationRecordId: integer('qualification_record_id').references(() => qualificationRecords.id),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('outcomes_uq').on(t.competitionId, t.kind, t.entryId, t.unitId), index('outcomes_person_idx').on(t.personId)],
);

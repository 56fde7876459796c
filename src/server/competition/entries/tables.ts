import { index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { EntryStatus } from '../../../shared/contracts/competitions.js';
import { accounts } from '../../core/accounts/tables.js';
import { competitions } from '../competitions/tables.js';
import { people } from '../../core/people/tables.js';
import { units } from '../../core/units/tables.js';

/** 报名: a person entered in a competition by their unit; after the draw, their code and station. */
export const entries = pgTable(
  'entries',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    competitionId: integer('competition_id').notNull().references(() => competitions.id),
    personId: integer('person_id').notNull().references(() => people.id),
    unitId: integer('unit_id').notNull().references(() => units.id),
    status: text('status').$type<EntryStatus>().notNull().default('submitted'),
    reason: text('reason'),
    registeredBy: integer('registered_by').references(() => accounts.id),
    registeredAt: timestamp('registered_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: integer('decided_by').references(() => accounts.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** 准考证号: the theory exam's number, given at approval. */
    examNumber: text('exam_number'),
    /** 参赛编号 from the draw: the only name judges ever see. */
    code: text('code'),
    station: integer('station'),
    round: integer('round'),
  },
  (t) => [
    uniqueIndex('entries_person_uq').on(t.competitionId, t.personId),
    uniqueIndex('entries_code_uq').on(t.competitionId, t.code),
    uniqueIndex('entries_exam_number_uq').on(t.competitionId, t.examNumber),
    index('entries_unit_idx').on(t.competitionId, t.unitId),
  ],
);

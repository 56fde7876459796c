import { index, integer, pgTable, primaryKey, timestamp } from 'drizzle-orm/pg-core';
import { numeric } from 'drizzle-orm/pg-core';
import { accounts } from '../../core/accounts/tables.js';
import { competitions } from '../competitions/tables.js';
import { entries } from '../entries/tables.js';

const score = (name: string) => numeric(name, { precision: 6, scale: 2, mode: 'number' });

/**
 * 完成用时: the practical's completion time of a contestant, in seconds (the 'time' tie-break).
 * Recorded by the station staff; each change is also an event in the competition's mark chain.
 */
export const completionTimes = pgTable(
  'completion_times',
  {
    competitionId: integer('competition_id').notNull().references(() => competitions.id),
    entryId: integer('entry_id').notNull().references(() => entries.id),
    seconds: integer('seconds').notNull(),
    version: integer('version').notNull(),
    recordedBy: integer('recorded_by').references(() => accounts.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.entryId] }), index('completion_times_competition_idx').on(t.competitionId)],
);

/**
 * Each contestant's part scores as computed from the marks (the practical summed from its aspects'
 * marks), kept so that ranking under new rules does not re-read every mark. `scoreComputations`
 * says up to which event of the mark chain they are current; a later event makes them stale for
 * the entries it touched.
 */
export const entryScores = pgTable(
  'entry_scores',
  {
    competitionId: integer('competition_id').notNull().references(() => competitions.id),
    entryId: integer('entry_id').notNull().references(() => entries.id),
    practical: score('practical'),
    theory: score('theory'),
    oral: score('oral'),
    seconds: integer('seconds'),
  },
  (t) => [primaryKey({ columns: [t.entryId] }), index('entry_scores_competition_idx').on(t.competitionId)],
);

export const scoreComputations = pgTable('score_computations', {
  competitionId: integer('competition_id').primaryKey().references(() => competitions.id),
  /** The last mark-chain event (seq) the stored entry scores include. */
  chainSeq: integer('chain_seq').notNull(),
  computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
});

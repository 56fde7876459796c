import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { CutRanking, CutRules } from '../../../shared/selection/cut.js';
import { accounts } from '../../core/accounts/tables.js';
import { selectionRounds } from '../rounds/tables.js';

/**
 * 入围名单: a frozen cut. It stores the ranked list it was made from, the rules in force, and the
 * SHA-256 over both (canonical JSON); the published list shows the hash, and `npm run cut:verify`
 * re-checks a cut from its export. A cut is never edited: an upheld objection makes a new one
 * (`supersedes`).
 */
export const selectionCuts = pgTable(
  'selection_cuts',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    roundId: integer('round_id').notNull().references(() => selectionRounds.id),
    stageKey: text('stage_key').notNull(),
    rules: jsonb('rules').$type<CutRules>().notNull(),
    ranking: jsonb('ranking').$type<CutRanking>().notNull(),
    selected: integer('selected').notNull(),
    hash: text('hash').notNull(),
    status: text('status', { enum: ['frozen', 'superseded'] }).notNull().default('frozen'),
    supersedes: integer('supersedes'),
    frozenBy: integer('frozen_by').references(() => accounts.id),
    frozenAt: timestamp('frozen_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('selection_cuts_round_idx').on(t.roundId, t.stageKey), uniqueIndex('selection_cuts_hash_uq').on(t.hash, t.id)],
);

import { boolean, index, integer, numeric, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { selectionCandidates } from '../nominations/tables.js';
import { selectionRounds } from '../rounds/tables.js';

/**
 * 考试成绩: a candidate's theory or practical score (0–100) in an exam stage, imported by exam
 * number or keyed; `absent` marks 缺考. The current state of the round's mark log
 * (review/tables.ts, selection_mark_events), where every change is an appended, chained event.
 */
export const selectionScores = pgTable(
  'selection_scores',
  {
    roundId: integer('round_id').notNull().references(() => selectionRounds.id),
    candidateId: integer('candidate_id').notNull().references(() => selectionCandidates.id),
    stageKey: text('stage_key').notNull(),
    part: text('part', { enum: ['theory', 'practical'] }).notNull(),
    value: numeric('value', { precision: 6, scale: 2, mode: 'number' }),
    absent: boolean('absent').notNull().default(false),
    version: integer('version').notNull(),
    source: text('source', { enum: ['import', 'entry', 'amendment'] }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('selection_scores_uq').on(t.candidateId, t.stageKey, t.part), index('selection_scores_round_idx').on(t.roundId, t.stageKey)],
);

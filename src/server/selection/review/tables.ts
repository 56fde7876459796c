import { bigint, boolean, index, integer, numeric, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { accounts } from '../../core/accounts/tables.js';
import { selectionCandidates } from '../nominations/tables.js';
import { selectionRounds } from '../rounds/tables.js';

/** 评审专家组: the experts of one panel stage (review, re-test, interview); members are judge accounts. */
export const selectionPanels = pgTable(
  'selection_panels',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    roundId: integer('round_id').notNull().references(() => selectionRounds.id),
    stageKey: text('stage_key').notNull(),
    name: text('name').notNull(),
  },
  (t) => [uniqueIndex('selection_panels_name_uq').on(t.roundId, t.stageKey, t.name)],
);

export const selectionPanelMembers = pgTable(
  'selection_panel_members',
  {
    panelId: integer('panel_id').notNull().references(() => selectionPanels.id),
    accountId: integer('account_id').notNull().references(() => accounts.id),
    chair: boolean('chair').notNull().default(false),
  },
  (t) => [uniqueIndex('selection_panel_members_uq').on(t.panelId, t.accountId), index('selection_panel_members_account_idx').on(t.accountId)],
);

/**
 * Who marks whom: a candidate is given to a panel and marked by its members who need not recuse
 * (own unit, declared ties: the judges' recusal rules). A reviewer sees only these candidates.
 */
export const selectionAssignments = pgTable(
  'selection_assignments',
  {
    roundId: integer('round_id').notNull().references(() => selectionRounds.id),
    stageKey: text('stage_key').notNull(),
    panelId: integer('panel_id').notNull().references(() => selectionPanels.id),
    candidateId: integer('candidate_id').notNull().references(() => selectionCandidates.id),
    reviewerId: integer('reviewer_id').notNull().references(() => accounts.id),
  },
  (t) => [
    uniqueIndex('selection_assignments_uq').on(t.roundId, t.stageKey, t.candidateId, t.reviewerId),
    index('selection_assignments_reviewer_idx').on(t.reviewerId, t.roundId, t.stageKey),
  ],
);

/** A reviewer's mark on one rubric criterion for one candidate (current state of the log). */
export const selectionMarks = pgTable(
  'selection_marks',
  {
    roundId: integer('round_id').notNull().references(() => selectionRounds.id),
    stageKey: text('stage_key').notNull(),
    candidateId: integer('candidate_id').notNull().references(() => selectionCandidates.id),
    reviewerId: integer('reviewer_id').notNull().references(() => accounts.id),
    criterionCode: text('criterion_code').notNull(),
    value: numeric('value', { precision: 6, scale: 2, mode: 'number' }).notNull(),
    version: integer('version').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('selection_marks_uq').on(t.roundId, t.stageKey, t.candidateId, t.reviewerId, t.criterionCode),
    index('selection_marks_reviewer_idx').on(t.reviewerId, t.roundId, t.stageKey),
  ],
);

/**
 * Every score change of a round — exam scores and reviewers' marks — appended and hash-chained
 * per round, with the same link rule as the competition's mark log (core/chain).
 */
export const selectionMarkEvents = pgTable(
  'selection_mark_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    roundId: integer('round_id').notNull().references(() => selectionRounds.id),
    seq: integer('seq').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: integer('actor_id').references(() => accounts.id),
    kind: text('kind').notNull(),
    stageKey: text('stage_key'),
    candidateId: integer('candidate_id'),
    reviewerId: integer('reviewer_id'),
    criterionCode: text('criterion_code'),
    part: text('part'),
    value: numeric('value', { precision: 10, scale: 2, mode: 'number' }),
    previousValue: numeric('previous_value', { precision: 10, scale: 2, mode: 'number' }),
    version: integer('version'),
    source: text('source'),
    reason: text('reason'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [uniqueIndex('selection_mark_events_seq_uq').on(t.roundId, t.seq)],
);

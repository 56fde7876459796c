import { bigint, index, integer, numeric, pgTable, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { AmendmentStatus } from '../../../shared/contracts/competitions.js';
import { accounts } from '../../core/accounts/tables.js';
import { competitions } from '../competitions/tables.js';
import { entries } from '../entries/tables.js';
import { schemeAspects } from '../schemes/tables.js';

const score = (name: string) => numeric(name, { precision: 6, scale: 2, mode: 'number' });

/**
 * Every score change, appended and hash-chained per competition (each event carries the hash of
 * the competition's previous event). Marks below are only the current state of this log.
 */
export const markEvents = pgTable(
  'mark_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    competitionId: integer('competition_id').notNull().references(() => competitions.id),
    seq: integer('seq').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: integer('actor_id').references(() => accounts.id),
    kind: text('kind').notNull(),
    entryId: integer('entry_id').references(() => entries.id),
    aspectId: integer('aspect_id').references(() => schemeAspects.id),
    judgeId: integer('judge_id').references(() => accounts.id),
    part: text('part'),
    /** A mark, a part score, or a completion time in seconds (hence wider than a score). */
    value: numeric('value', { precision: 10, scale: 2, mode: 'number' }),
    previousValue: numeric('previous_value', { precision: 10, scale: 2, mode: 'number' }),
    version: integer('version'),
    source: text('source'),
    reason: text('reason'),
    device: text('device'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [uniqueIndex('mark_events_seq_uq').on(t.competitionId, t.seq)],
);

/** 实操评分: one judge's mark on one aspect for one contestant (current state). */
export const marks = pgTable(
  'marks',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    competitionId: integer('competition_id').notNull().references(() => competitions.id),
    entryId: integer('entry_id').notNull().references(() => entries.id),
    aspectId: integer('aspect_id').notNull().references(() => schemeAspects.id),
    judgeId: integer('judge_id').notNull().references(() => accounts.id),
    value: score('value').notNull(),
    version: integer('version').notNull(),
    source: text('source', { enum: ['judge', 'paper', 'amendment'] }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('marks_uq').on(t.entryId, t.aspectId, t.judgeId), index('marks_competition_idx').on(t.competitionId, t.aspectId)],
);

/** 理论/答辩成绩: a part score out of 100 (theory exam, oral defence), by exam number. */
export const partScores = pgTable(
  'part_scores',
  {
    competitionId: integer('competition_id').notNull().references(() => competitions.id),
    entryId: integer('entry_id').notNull().references(() => entries.id),
    part: text('part', { enum: ['theory', 'oral'] }).notNull(),
    value: score('value').notNull(),
    version: integer('version').notNull(),
    source: text('source', { enum: ['entry', 'import', 'amendment'] }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('part_scores_uq').on(t.entryId, t.part), index('part_scores_competition_idx').on(t.competitionId)],
);

/** The chief judge's confirmation of a panel whose scores differ by more than 1 (with a reason). */
export const spreadConfirmations = pgTable(
  'spread_confirmations',
  {
    competitionId: integer('competition_id').notNull().references(() => competitions.id),
    entryId: integer('entry_id').notNull().references(() => entries.id),
    aspectId: integer('aspect_id').notNull().references(() => schemeAspects.id),
    /** The panel's mark versions confirmed: a later re-score voids the confirmation. */
    versions: text('versions').notNull(),
    reason: text('reason').notNull(),
    confirmedBy: integer('confirmed_by').notNull().references(() => accounts.id),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('spread_confirmations_uq').on(t.entryId, t.aspectId)],
);

/** 双人录入: a paper score sheet keyed blind by two operators; a matching pair becomes the mark. */
export const paperKeys = pgTable(
  'paper_keys',
  {
    competitionId: integer('competition_id').notNull().references(() => competitions.id),
    entryId: integer('entry_id').notNull().references(() => entries.id),
    aspectId: integer('aspect_id').notNull().references(() => schemeAspects.id),
    judgeId: integer('judge_id').notNull().references(() => accounts.id),
    slot: smallint('slot').notNull(),
    value: score('value').notNull(),
    operatorId: integer('operator_id').notNull().references(() => accounts.id),
    keyedAt: timestamp('keyed_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('paper_keys_uq').on(t.entryId, t.aspectId, t.judgeId, t.slot), index('paper_keys_competition_idx').on(t.competitionId)],
);

/** 签字确认: the chief judge's sign-off of a criterion, or of the whole competition (criterion '*'). */
export const signoffs = pgTable(
  'signoffs',
  {
    competitionId: integer('competition_id').notNull().references(() => competitions.id),
    criterionCode: text('criterion_code').notNull(),
    signedBy: integer('signed_by').notNull().references(() => accounts.id),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('signoffs_uq').on(t.competitionId, t.criterionCode)],
);

/** 成绩更正: a change to a locked mark needs a reason and a second person's approval. */
export const amendments = pgTable(
  'amendments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    competitionId: integer('competition_id').notNull().references(() => competitions.id),
    entryId: integer('entry_id').notNull().references(() => entries.id),
    aspectId: integer('aspect_id').references(() => schemeAspects.id),
    judgeId: integer('judge_id').references(() => accounts.id),
    part: text('part', { enum: ['practical', 'theory', 'oral'] }).notNull(),
    oldValue: score('old_value').notNull(),
    newValue: score('new_value').notNull(),
    reason: text('reason').notNull(),
    status: text('status').$type<AmendmentStatus>().notNull().default('pending'),
    requestedBy: integer('requested_by').notNull().references(() => accounts.id),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    decidedBy: integer('decided_by').references(() => accounts.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
  },
  (t) => [index('amendments_competition_idx').on(t.competitionId, t.status)],
);

import { index, integer, jsonb, pgTable, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import type { SelectionRules } from '../../../shared/selection/rules.js';
import { accounts } from '../../core/accounts/tables.js';
import { campaigns } from '../../core/campaign/tables.js';

/**
 * 技术能手评选: one selection round of a campaign. Its stages are data (`rules.stages`); `stage` is
 * the position of the stage now open (0 = the nomination window). A stage's rules are fixed once
 * it opens: editing the rules only touches stages not yet reached.
 */
export const selectionRounds = pgTable(
  'selection_rounds',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    campaignId: integer('campaign_id').notNull().references(() => campaigns.id),
    name: text('name').notNull(),
    rules: jsonb('rules').$type<SelectionRules>().notNull(),
    stage: smallint('stage').notNull().default(0),
    status: text('status', { enum: ['running', 'finished'] }).notNull().default('running'),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by').references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('selection_rounds_campaign_idx').on(t.campaignId)],
);

/** When each stage opened and closed, and by whom (the round's timeline). */
export const selectionStageEvents = pgTable(
  'selection_stage_events',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    roundId: integer('round_id').notNull().references(() => selectionRounds.id),
    stageKey: text('stage_key').notNull(),
    event: text('event', { enum: ['opened', 'closed'] }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: integer('actor_id').references(() => accounts.id),
  },
  (t) => [index('selection_stage_events_round_idx').on(t.roundId)],
);

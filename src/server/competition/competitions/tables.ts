import { date, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { CompetitionRules, CompetitionStatus } from '../../../shared/contracts/competitions.js';
import type { CompetitionInput } from '../../../shared/contracts/competitions.js';
import { accounts } from '../../core/accounts/tables.js';
import { campaigns } from '../../core/campaign/tables.js';
import { trades } from '../../core/trades/tables.js';

/** 职业技能大赛: one trade (and level) of the campaign's competition, from set-up to locked marks. */
export const competitions = pgTable(
  'competitions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    campaignId: integer('campaign_id').notNull().references(() => campaigns.id),
    tradeId: integer('trade_id').notNull().references(() => trades.id),
    level: smallint('level').notNull(),
    name: text('name').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    venue: text('venue').notNull(),
    stations: integer('stations').notNull(),
    codePrefix: text('code_prefix').notNull(),
    registrationOpensAt: timestamp('registration_opens_at', { withTimezone: true }).notNull(),
    registrationClosesAt: timestamp('registration_closes_at', { withTimezone: true }).notNull(),
    /** Entries a unit may register; null = no limit. Per-unit overrides in `unitQuotas`. */
    defaultQuota: integer('default_quota'),
    unitQuotas: jsonb('unit_quotas').$type<Record<string, number>>().notNull().default({}),
    parts: jsonb('parts').$type<CompetitionInput['parts']>().notNull(),
    rules: jsonb('rules').$type<CompetitionRules>().notNull(),
    status: text('status').$type<CompetitionStatus>().notNull().default('draft'),
    /** When the whole competition was signed off (locked): the appeal window (申诉期) runs from here. */
    endedAt: timestamp('ended_at', { withTimezone: true }),
    /** Optimistic concurrency: every update states the version it read. */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('competitions_campaign_idx').on(t.campaignId),
    /** One competition per campaign, trade, level and name: the same one set up twice is refused. */
    uniqueIndex('competitions_identity_uq').on(t.campaignId, t.tradeId, t.level, t.name),
  ],
);

/**
 * Who works on a competition and as what: judges (裁判), the chief judge (裁判长), substitutes who
 * complete a panel when a judge is recused, decoders (an admin granted 解密), score-entry operators.
 */
export const competitionStaff = pgTable(
  'competition_staff',
  {
    competitionId: integer('competition_id').notNull().references(() => competitions.id),
    accountId: integer('account_id').notNull().references(() => accounts.id),
    role: text('role', { enum: ['judge', 'chief', 'substitute', 'decoder', 'operator'] }).notNull(),
    grantedBy: integer('granted_by').references(() => accounts.id),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('competition_staff_uq').on(t.competitionId, t.accountId, t.role), index('competition_staff_account_idx').on(t.accountId)],
);

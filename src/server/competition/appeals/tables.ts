import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { AppealStatus } from '../../../shared/contracts/appeals.js';
import { accounts } from '../../core/accounts/tables.js';
import { competitions } from '../competitions/tables.js';
import { entries } from '../entries/tables.js';
import { amendments } from '../marks/tables.js';

/**
 * 申诉: a written appeal by a contestant or their unit, lodged within the appeal window after the
 * competition ends, decided by the arbitration group (仲裁组): upheld (维持申诉 → a score amendment,
 * approved by a second person) or dismissed with a reason.
 */
export const appeals = pgTable(
  'appeals',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    competitionId: integer('competition_id').notNull().references(() => competitions.id),
    entryId: integer('entry_id').notNull().references(() => entries.id),
    lodgedBy: integer('lodged_by').notNull().references(() => accounts.id),
    lodgerKind: text('lodger_kind', { enum: ['person', 'unit'] }).notNull(),
    content: text('content').notNull(),
    lodgedAt: timestamp('lodged_at', { withTimezone: true }).notNull(),
    status: text('status').$type<AppealStatus>().notNull().default('lodged'),
    decision: text('decision'),
    decidedBy: integer('decided_by').references(() => accounts.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    amendmentId: integer('amendment_id').references(() => amendments.id),
  },
  (t) => [index('appeals_competition_idx').on(t.competitionId, t.status)],
);

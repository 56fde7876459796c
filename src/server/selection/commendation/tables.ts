import { date, index, integer, numeric, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { accounts } from '../../core/accounts/tables.js';
import { people, qualificationRecords } from '../../core/people/tables.js';
import { selectionCandidates } from '../nominations/tables.js';
import { selectionRounds } from '../rounds/tables.js';

/** 评审委员会审定: each committee member's approval (or objection) of the final list, recorded once. */
export const selectionApprovals = pgTable(
  'selection_approvals',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    roundId: integer('round_id').notNull().references(() => selectionRounds.id),
    cutId: integer('cut_id').notNull(),
    accountId: integer('account_id').notNull().references(() => accounts.id),
    decision: text('decision', { enum: ['approve', 'object'] }).notNull(),
    note: text('note'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('selection_approvals_uq').on(t.cutId, t.accountId)],
);

/**
 * 表彰: what a final Technical Expert receives — the title, the cash award (paid by the finance
 * bureau to the bank account kept here encrypted, masked everywhere but the payment list), the
 * promotion written into the qualification records (高级工 → 技师) or the 破格 eligibility (技师 →
 * may sit 高级技师 early). Written once, when the notice becomes final.
 */
export const selectionAwards = pgTable(
  'selection_awards',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    roundId: integer('round_id').notNull().references(() => selectionRounds.id),
    candidateId: integer('candidate_id').notNull().references(() => selectionCandidates.id),
    personId: integer('person_id').notNull().references(() => people.id),
    title: text('title').notNull(),
    amount: numeric('amount', { precision: 10, scale: 2, mode: 'number' }).notNull(),
    promotion: text('promotion', { enum: ['to_technician', 'early_senior_technician', 'none'] }).notNull(),
    qualificationRecordId: integer('qualification_record_id').references(() => qualificationRecords.id),
    bankName: text('bank_name'),
    bankAccountEnc: text('bank_account_enc'),
    bankAccountMasked: text('bank_account_masked'),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('selection_awards_uq').on(t.roundId, t.candidateId), index('selection_awards_person_idx').on(t.personId)],
);

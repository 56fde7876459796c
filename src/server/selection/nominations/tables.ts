import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { EligibilityCheck } from '../../../shared/selection/eligibility.js';
import { accounts } from '../../core/accounts/tables.js';
import { storedFiles } from '../../core/files/tables.js';
import { people } from '../../core/people/tables.js';
import { units } from '../../core/units/tables.js';
import { selectionRounds } from '../rounds/tables.js';

/**
 * 候选人: one per person per round, however many channels nominated them. `status`:
 * submitted (待审查) → eligible (审查通过) | returned (退回修改, with the reason; the nominator may
 * correct and resubmit within the window) | ineligible (不符合条件, final); withdrawn (撤回).
 */
export const selectionCandidates = pgTable(
  'selection_candidates',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    roundId: integer('round_id').notNull().references(() => selectionRounds.id),
    personId: integer('person_id').notNull().references(() => people.id),
    status: text('status', { enum: ['submitted', 'returned', 'eligible', 'ineligible', 'withdrawn'] }).notNull(),
    /** 本人同意: a signed form (a stored file) or the person's own confirmation, signed in. */
    consentKind: text('consent_kind', { enum: ['signed_form', 'self_confirmed'] }),
    consentFileId: integer('consent_file_id').references(() => storedFiles.id),
    consentAt: timestamp('consent_at', { withTimezone: true }),
    /** 同等技能水平: claimed instead of a level 3 record; the verifier decides. */
    equivalentSkill: text('equivalent_skill'),
    /** The last machine check (which rule failed), kept for the verifier's queue. */
    check: jsonb('check').$type<EligibilityCheck>(),
    returnReason: text('return_reason'),
    examNumber: text('exam_number'),
    examRoom: text('exam_room'),
    examSeat: integer('exam_seat'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('selection_candidates_person_uq').on(t.roundId, t.personId),
    uniqueIndex('selection_candidates_exam_uq').on(t.roundId, t.examNumber),
    index('selection_candidates_status_idx').on(t.roundId, t.status),
  ],
);

/**
 * 推荐: one nomination through one channel. A unit, district or industry body nominates through its
 * account; a person nominates themself; a society nomination records the nominator's name, body and
 * contact (encrypted, masked in lists).
 */
export const selectionNominations = pgTable(
  'selection_nominations',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    roundId: integer('round_id').notNull().references(() => selectionRounds.id),
    candidateId: integer('candidate_id').notNull().references(() => selectionCandidates.id),
    channel: text('channel', { enum: ['unit', 'district', 'industry', 'society', 'self'] }).notNull(),
    nominatorAccountId: integer('nominator_account_id').references(() => accounts.id),
    nominatorUnitId: integer('nominator_unit_id').references(() => units.id),
    nominatorName: text('nominator_name'),
    nominatorOrg: text('nominator_org'),
    nominatorContactEnc: text('nominator_contact_enc'),
    nominatorContactMasked: text('nominator_contact_masked'),
    statement: text('statement').notNull().default(''),
    status: text('status', { enum: ['active', 'withdrawn'] }).notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('selection_nominations_candidate_idx').on(t.candidateId),
    index('selection_nominations_round_idx').on(t.roundId, t.channel),
    index('selection_nominations_account_idx').on(t.nominatorAccountId),
  ],
);

/** 业绩条件: one achievement condition the candidate claims to meet, with its evidence. */
export const selectionClaims = pgTable(
  'selection_claims',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    candidateId: integer('candidate_id').notNull().references(() => selectionCandidates.id),
    conditionKey: text('condition_key').notNull(),
    description: text('description').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('selection_claims_uq').on(t.candidateId, t.conditionKey)],
);

/** 证明材料: a file behind a claim, the consent form, or the equivalent-skill claim. */
export const selectionEvidence = pgTable(
  'selection_evidence',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    candidateId: integer('candidate_id').notNull().references(() => selectionCandidates.id),
    claimId: integer('claim_id').references(() => selectionClaims.id),
    purpose: text('purpose', { enum: ['condition', 'consent', 'equivalent_skill'] }).notNull(),
    fileId: integer('file_id').notNull().references(() => storedFiles.id),
    uploadedBy: integer('uploaded_by').references(() => accounts.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('selection_evidence_candidate_idx').on(t.candidateId)],
);

/** 资格审查意见: each verifier decision, appended (a resubmission gets a new one). */
export const selectionVerifications = pgTable(
  'selection_verifications',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    candidateId: integer('candidate_id').notNull().references(() => selectionCandidates.id),
    decision: text('decision', { enum: ['eligible', 'returned', 'ineligible'] }).notNull(),
    reason: text('reason'),
    /** The claimed conditions the verifier accepted (their keys). */
    conditionsAccepted: jsonb('conditions_accepted').$type<string[]>().notNull(),
    equivalentSkillAccepted: text('equivalent_skill_accepted', { enum: ['yes', 'no'] }),
    verifiedBy: integer('verified_by').notNull().references(() => accounts.id),
    verifiedAt: timestamp('verified_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('selection_verifications_candidate_idx').on(t.candidateId)],
);

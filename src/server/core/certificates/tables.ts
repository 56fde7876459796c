import { date, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { CertificateStatus } from '../../../shared/contracts/certificates.js';
import { accounts } from '../accounts/tables.js';
import { competitions } from '../../competition/competitions/tables.js';
import { outcomes } from '../../competition/outcomes/tables.js';

/**
 * 证书: one per competition outcome or selection award, with an unguessable serial (random, not a counter) printed on it and
 * encoded in its QR code; /verify/<serial> shows whether it is valid or revoked. The printed facts
 * are copied here at issue so the certificate reads the same whatever changes later.
 */
export const certificates = pgTable(
  'certificates',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    serial: text('serial').notNull(),
    /** What the certificate attests: a competition outcome, a selection award (技术能手), a training completion (结业) or a commended business plan. */
    sourceKind: text('source_kind', { enum: ['competition-outcome', 'selection-award', 'training-completion', 'training-plan'] }).notNull().default('competition-outcome'),
    /** The row of that kind (outcomes.id, selection_awards.id, training_completions.enrolment_id, training_business_plans.id). */
    sourceId: integer('source_id'),
    outcomeId: integer('outcome_id').references(() => outcomes.id),
    competitionId: integer('competition_id').references(() => competitions.id),
    holderName: text('holder_name').notNull(),
    holderIdMasked: text('holder_id_masked'),
    unitName: text('unit_name').notNull(),
    tradeName: text('trade_name').notNull(),
    /** The competition's or the selection round's name, as printed (presented as `eventName`). */
    competitionName: text('competition_name').notNull(),
    title: text('title').notNull(),
    issuer: text('issuer').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    status: text('status').$type<CertificateStatus>().notNull().default('valid'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: integer('revoked_by').references(() => accounts.id),
    revokeReason: text('revoke_reason'),
    issuedBy: integer('issued_by').references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('certificates_serial_uq').on(t.serial), uniqueIndex('certificates_outcome_uq').on(t.outcomeId), index('certificates_competition_idx').on(t.competitionId), uniqueIndex('certificates_source_uq').on(t.sourceKind, t.sourceId)],
);

import { and, asc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Certificate } from '../../../shared/contracts/certificates.js';
import type { OutcomeKind } from '../../../shared/contracts/results.js';
import type { DbOrTx } from '../../db/client.js';
import { entries } from '../../competition/entries/tables.js';
import { outcomes } from '../../competition/outcomes/tables.js';
import { selectionAwards } from '../../selection/commendation/tables.js';
import { trainingBusinessPlans } from '../../training/completion/tables.js';
import { trainingEnrolments } from '../../training/enrolment/tables.js';
import { people } from '../people/tables.js';
import { units } from '../units/tables.js';
import { certificates } from './tables.js';

/**
 * The unit a certificate belongs to: the outcome's unit (team and organization awards), else the
 * unit the person entered the competition for (or was enrolled from, for training), else the person's unit.
 */
export const holderUnitId = sql<number | null>`coalesce(${outcomes.unitId}, ${entries.unitId}, ${trainingEnrolments.unitId}, ${people.unitId})`;
/** The same for an outcome that has no certificate yet (no training join there). */
const outcomeUnitId = sql<number | null>`coalesce(${outcomes.unitId}, ${entries.unitId}, ${people.unitId})`;

/** The person a certificate is for: the outcome's (none for a unit's award), the selection award's, or the trainee's. */
export const holderPersonId = sql<number | null>`coalesce(${outcomes.personId}, ${selectionAwards.personId}, ${trainingEnrolments.personId})`;

/** A training certificate's enrolment: the completion's own (source id), or the commended plan's. */
const trainingEnrolmentId = sql`case when ${certificates.sourceKind} = 'training-completion' then ${certificates.sourceId} else ${trainingBusinessPlans.enrolmentId} end`;

/**
 * Certificates with their kind and holder, for presenting and for access checks: a competition's
 * (by its outcome), a selection's (by its award, printed as a title) or a training's (by the enrolment).
 */
export function selectCertificates(db: DbOrTx, where: SQL | undefined) {
  return db.select({ c: certificates, kind: sql<OutcomeKind>`coalesce(${outcomes.kind}, 'title')`, personId: holderPersonId, unitId: holderUnitId })
    .from(certificates)
    .leftJoin(outcomes, and(eq(certificates.sourceKind, 'competition-outcome'), eq(outcomes.id, certificates.outcomeId)))
    .leftJoin(selectionAwards, and(eq(certificates.sourceKind, 'selection-award'), eq(selectionAwards.id, certificates.sourceId)))
    .leftJoin(trainingBusinessPlans, and(eq(certificates.sourceKind, 'training-plan'), eq(trainingBusinessPlans.id, certificates.sourceId)))
    .leftJoin(trainingEnrolments, and(sql`${certificates.sourceKind} in ('training-completion', 'training-plan')`, sql`${trainingEnrolments.id} = ${trainingEnrolmentId}`))
    .leftJoin(entries, eq(entries.id, outcomes.entryId))
    .leftJoin(people, sql`${people.id} = ${holderPersonId}`)
    .where(where)
    .orderBy(asc(certificates.id));
}
export type CertificateRow = Awaited<ReturnType<typeof selectCertificates>>[number];

export function presentCertificate({ c, kind }: CertificateRow): Certificate {
  return {
    id: c.id, serial: c.serial, source: c.sourceKind, kind, holderName: c.holderName, holderIdMasked: c.holderIdMasked, unitName: c.unitName,
    tradeName: c.tradeName, eventName: c.competitionName, title: c.title, issuer: c.issuer, issuedOn: c.issuedOn,
    status: c.status, revokedAt: c.revokedAt?.toISOString() ?? null, revokeReason: c.revokeReason,
  };
}

/** Outcomes of a competition that have no certificate yet, with what the certificate prints. */
export function outcomesWithoutCertificate(db: DbOrTx, competitionId: number) {
  return db.select({
    id: outcomes.id, kind: outcomes.kind, title: outcomes.title, level: outcomes.level, rank: outcomes.rank, decidedOn: outcomes.decidedOn,
    personName: people.name, idNumberMasked: people.idNumberMasked, unitName: units.name,
  })
    .from(outcomes)
    .leftJoin(certificates, eq(certificates.outcomeId, outcomes.id))
    .leftJoin(entries, eq(entries.id, outcomes.entryId))
    .leftJoin(people, eq(people.id, outcomes.personId))
    .leftJoin(units, sql`${units.id} = ${outcomeUnitId}`)
    .where(and(eq(outcomes.competitionId, competitionId), isNull(certificates.id)))
    .orderBy(asc(outcomes.id));
}

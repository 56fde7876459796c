import { and, count, eq, inArray, min, type SQL } from 'drizzle-orm';
import { checkEligibility, type EligibilityCheck, type EligibilityRules } from '../../../shared/selection/eligibility.js';
import type { DbOrTx } from '../../db/client.js';
import { people, qualificationRecords } from '../../core/people/tables.js';
import { units } from '../../core/units/tables.js';
import { selectionCandidates, selectionClaims, selectionEvidence } from './tables.js';

/**
 * The machine eligibility check of many candidates at once, from stored data: the person and their
 * unit, the best level held (people.level or any qualification record), the claims and how many
 * evidence files each has, the consent. Three queries however many candidates.
 */
export async function machineChecks(db: DbOrTx, rules: EligibilityRules, where: SQL): Promise<Map<number, EligibilityCheck>> {
  const rows = await db.select({
    id: selectionCandidates.id, personId: selectionCandidates.personId, equivalentSkill: selectionCandidates.equivalentSkill,
    consentKind: selectionCandidates.consentKind, frontLine: people.frontLine, level: people.level, unitKind: units.kind,
  }).from(selectionCandidates).innerJoin(people, eq(people.id, selectionCandidates.personId)).leftJoin(units, eq(units.id, people.unitId)).where(where);
  if (!rows.length) return new Map();
  const ids = db.select({ id: selectionCandidates.personId }).from(selectionCandidates).where(where);
  const best = await db.select({ personId: qualificationRecords.personId, level: min(qualificationRecords.level) }).from(qualificationRecords)
    .where(inArray(qualificationRecords.personId, ids)).groupBy(qualificationRecords.personId);
  const bestOf = new Map(best.map((b) => [b.personId, b.level]));
  const claimRows = await db.select({ candidateId: selectionClaims.candidateId, conditionKey: selectionClaims.conditionKey, evidence: count(selectionEvidence.id) })
    .from(selectionClaims).innerJoin(selectionCandidates, eq(selectionCandidates.id, selectionClaims.candidateId))
    .leftJoin(selectionEvidence, eq(selectionEvidence.claimId, selectionClaims.id)).where(where).groupBy(selectionClaims.id);
  const claims = new Map<number, { conditionKey: string; evidence: number }[]>();
  for (const c of claimRows) {
    const list = claims.get(c.candidateId) ?? [];
    list.push({ conditionKey: c.conditionKey, evidence: Number(c.evidence) });
    claims.set(c.candidateId, list);
  }
  const out = new Map<number, EligibilityCheck>();
  for (const r of rows) {
    const q = bestOf.get(r.personId) ?? null;
    const level = r.level == null ? q : q == null ? r.level : Math.min(r.level, q);
    out.set(r.id, checkEligibility({
      unitKind: r.unitKind ?? null, level, equivalentSkill: !!r.equivalentSkill, frontLine: r.frontLine,
      claims: claims.get(r.id) ?? [], consent: r.consentKind != null,
    }, rules));
  }
  return out;
}

/** Re-runs the machine check of one candidate and stores it on the candidate. */
export async function recheck(tx: DbOrTx, rules: EligibilityRules, candidateId: number): Promise<EligibilityCheck> {
  const check = (await machineChecks(tx, rules, eq(selectionCandidates.id, candidateId))).get(candidateId)!;
  await tx.update(selectionCandidates).set({ check }).where(eq(selectionCandidates.id, candidateId));
  return check;
}

export const inRound = (roundId: number, ...more: (SQL | undefined)[]) => and(eq(selectionCandidates.roundId, roundId), ...more)!;

import { registerEvidenceReader } from '../nominations/policy.js';
import { and, eq } from 'drizzle-orm';
import { recusalReason, type Recusal, type RecusalWords } from '../../../shared/competition/recusal.js';
import { conflictsOf } from '../../competition/judging/panels.js';
import { people } from '../../core/people/tables.js';
import type { DbOrTx } from '../../db/client.js';
import { selectionCandidates } from '../nominations/tables.js';
import { openStage, roundRow } from '../rounds/policy.js';
import { selectionAssignments } from './tables.js';

/** The recusal messages of the selection: 评审专家 and 候选人. */
export const REVIEW_WORDS: RecusalWords = { marker: '评审专家', marked: '候选人' };

/**
 * Whether a reviewer may see a candidate (name, unit, materials): only while the candidate is
 * assigned to them in the round's open panel stage. The nominations module's evidence access
 * extends to assigned reviewers through this.
 */
export async function canReviewerSeeCandidate(db: DbOrTx, reviewerId: number, candidateId: number): Promise<boolean> {
  const [c] = await db.select({ roundId: selectionCandidates.roundId }).from(selectionCandidates).where(eq(selectionCandidates.id, candidateId));
  if (!c) return false;
  const stage = openStage(await roundRow(db, c.roundId));
  if (stage?.kind !== 'panel') return false;
  const [a] = await db.select({ id: selectionAssignments.candidateId }).from(selectionAssignments).where(and(
    eq(selectionAssignments.roundId, c.roundId), eq(selectionAssignments.stageKey, stage.key),
    eq(selectionAssignments.candidateId, candidateId), eq(selectionAssignments.reviewerId, reviewerId)));
  return !!a;
}

/** Why a reviewer must not mark a candidate now (own unit, declared unit or person), or null. */
export async function reviewerRecusal(db: DbOrTx, reviewerId: number, candidateId: number): Promise<Recusal | null> {
  const [p] = await db.select({ personId: people.id, unitId: people.unitId }).from(selectionCandidates)
    .innerJoin(people, eq(people.id, selectionCandidates.personId)).where(eq(selectionCandidates.id, candidateId));
  const conflicts = (await conflictsOf(db, [reviewerId])).get(reviewerId);
  if (!p || !conflicts) return null;
  return recusalReason(conflicts, p, REVIEW_WORDS);
}

// A reviewer reads the materials of the candidates assigned to them in the open panel stage, and no others.
registerEvidenceReader((ctx, candidateId) =>
  ctx.actor?.role === 'judge' ? canReviewerSeeCandidate(ctx.db, ctx.actor.id, candidateId) : Promise.resolve(false));

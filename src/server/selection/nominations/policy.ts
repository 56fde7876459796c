import { and, eq, type SQL } from 'drizzle-orm';
import type { NominationChannel } from '../../../shared/selection/rules.js';
import type { Actor, ServiceContext } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { people } from '../../core/people/tables.js';
import { units } from '../../core/units/tables.js';
import { forbidden, notFound, unauthenticated } from '../../http/errors.js';
import { selectionCandidates, selectionNominations } from './tables.js';

export type UnitRow = typeof units.$inferSelect;

/** The unit behind a unit account (null for other roles). */
export async function actorUnit(db: DbOrTx, actor: Actor): Promise<UnitRow | null> {
  if (actor.role !== 'unit' || actor.unitId == null) return null;
  const [u] = await db.select().from(units).where(eq(units.id, actor.unitId));
  return u ?? null;
}

/**
 * The channel a signed-in account nominates through: a unit account by its unit's kind (a district
 * body 地区推荐, an industry body 行业推荐, an employer or school 单位推荐); a person themself
 * (个人自荐) or another person (社会推荐); the office keys paper society nominations.
 */
export function channelOf(actor: Actor, unit: UnitRow | null, aboutSelf: boolean): NominationChannel | null {
  switch (actor.role) {
    case 'unit': return !unit ? null : unit.kind === 'district' ? 'district' : unit.kind === 'industry' ? 'industry' : 'unit';
    case 'person': return aboutSelf ? 'self' : 'society';
    case 'admin': case 'committee': return 'society';
    default: return null;
  }
}

/**
 * Whose people an account channel reaches, as a condition on people joined with their unit: its own
 * unit's; a district's, those of units in that district; an industry body's, those of its member units.
 */
export function reachOf(channel: NominationChannel, unit: UnitRow): SQL | undefined {
  if (channel === 'district') return unit.district ? eq(units.district, unit.district) : eq(units.id, -1);
  if (channel === 'industry') return eq(units.industryId, unit.id);
  return eq(people.unitId, unit.id);
}

export const REACH_REFUSAL: Partial<Record<NominationChannel, string>> = {
  unit: '只能推荐本单位的人员', district: '只能推荐本地区单位的人员', industry: '只能推荐本行业所属单位的人员',
};

export const isSelectionStaff = (a: Actor) => a.role === 'admin' || a.role === 'committee';

/** Whether the actor nominated this candidate (by account, or through its unit's account). */
export async function isNominatorOf(db: DbOrTx, actor: Actor, candidateId: number): Promise<boolean> {
  const by = actor.role === 'unit' && actor.unitId != null ? eq(selectionNominations.nominatorUnitId, actor.unitId) : eq(selectionNominations.nominatorAccountId, actor.id);
  const [n] = await db.select({ id: selectionNominations.id }).from(selectionNominations)
    .where(and(eq(selectionNominations.candidateId, candidateId), eq(selectionNominations.status, 'active'), by)).limit(1);
  return !!n;
}

/**
 * Who may correct a candidate's nomination (claims, evidence, consent) and resubmit it: its
 * nominators, the candidate themself, the selection office.
 */
export async function canEditCandidate(ctx: ServiceContext, candidateId: number): Promise<boolean> {
  const actor = ctx.actor;
  if (!actor) return false;
  if (isSelectionStaff(actor)) return true;
  if (actor.role === 'person' && actor.personId != null) {
    const [c] = await ctx.db.select({ personId: selectionCandidates.personId }).from(selectionCandidates).where(eq(selectionCandidates.id, candidateId));
    if (c?.personId === actor.personId) return true;
  }
  if (actor.role !== 'unit' && actor.role !== 'person') return false;
  return isNominatorOf(ctx.db, actor, candidateId);
}

/** A later module may let more readers in (e.g. the review module: reviewers assigned to the candidate). */
export type EvidenceReader = (ctx: ServiceContext, candidateId: number) => Promise<boolean>;
const extraReaders: EvidenceReader[] = [];
export function registerEvidenceReader(reader: EvidenceReader): void {
  extraReaders.push(reader);
}

/**
 * 证明材料 are seen only by those who must: the candidate's nominators, the candidate, the office,
 * and whoever a later module registers. Not other units, not judges or reviewers by default, never
 * the public.
 */
export async function canReadEvidence(ctx: ServiceContext, candidateId: number): Promise<boolean> {
  if (await canEditCandidate(ctx, candidateId)) return true;
  if (!ctx.actor) return false;
  for (const r of extraReaders) if (await r(ctx, candidateId)) return true;
  return false;
}

export async function requireEvidenceReader(ctx: ServiceContext, candidateId: number): Promise<void> {
  if (!ctx.actor) throw unauthenticated();
  const [c] = await ctx.db.select({ id: selectionCandidates.id }).from(selectionCandidates).where(eq(selectionCandidates.id, candidateId));
  if (!c) throw notFound('候选人');
  if (!(await canReadEvidence(ctx, candidateId))) throw forbidden('无权查看该候选人的材料');
}

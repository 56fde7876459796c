import { and, asc, count, desc, eq, inArray, like, or } from 'drizzle-orm';
import type { z } from 'zod';
import { beijingDate } from '../../../shared/calendar/working-days.js';
import {
  CANDIDATE_STATUS_NAMES, type CandidateRow, type CandidateView, type ClaimsUpdate, type NominationInput, type NominationRoundView, type VerifyInput,
} from '../../../shared/contracts/selection-nominations.js';
import { ELIGIBILITY_RULE_NAMES, failedRules } from '../../../shared/selection/eligibility.js';
import { duplicateReason, type NominationLike } from '../../../shared/selection/nomination-dedupe.js';
import type { NominationChannel, StageDef } from '../../../shared/selection/rules.js';
import { mask } from '../../../shared/mask.js';
import { accounts } from '../../core/accounts/tables.js';
import { recordAudit } from '../../core/audit/service.js';
import { fileInfo, readFile, storeFile } from '../../core/files/service.js';
import { people } from '../../core/people/tables.js';
import { units } from '../../core/units/tables.js';
import { inTx, type Actor, type ServiceContext } from '../../context.js';
import type { DbOrTx, Tx } from '../../db/client.js';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.js';
import { requireActor, requireRole } from '../../policy.js';
import { lockRound, openStage, requireSelectionStaff, roundRow, type RoundRow } from '../rounds/policy.js';
import { selectionCuts } from '../cuts/tables.js';
import { selectionRounds } from '../rounds/tables.js';
import { recheck } from './checks.js';
import { actorUnit, canEditCandidate, channelOf, isSelectionStaff, REACH_REFUSAL, reachOf, requireEvidenceReader, type UnitRow } from './policy.js';
import { selectionCandidates, selectionClaims, selectionEvidence, selectionNominations, selectionVerifications } from './tables.js';

export type NominationIn = z.output<typeof NominationInput>;
type VerifyIn = z.output<typeof VerifyInput>;
type ClaimsIn = z.output<typeof ClaimsUpdate>;

/** At most this many evidence files per candidate (each at most 5 MB). */
export const MAX_EVIDENCE_PER_CANDIDATE = 20;

const nominationDef = (r: RoundRow) => r.rules.stages.find((s): s is Extract<StageDef, { kind: 'nomination' }> => s.kind === 'nomination') ?? null;
const today = (ctx: ServiceContext) => beijingDate(ctx.clock.now());

/** Nominations are taken while the nomination stage is open and today (Beijing) is within its dates. */
export function nominationOpen(r: RoundRow, day: string): boolean {
  const s = openStage(r);
  return s?.kind === 'nomination' && day >= s.opensOn && day <= s.closesOn;
}

export function requireNominationWindow(ctx: ServiceContext, r: RoundRow): void {
  const s = openStage(r);
  const def = nominationDef(r);
  if (s?.kind !== 'nomination') throw conflict(`${s ? `当前阶段为「${s.name}」` : '评选已结束'}，推荐报名已结束，不能再推荐`);
  const d = today(ctx);
  if (!nominationOpen(r, d)) throw conflict(`推荐报名时间为 ${def!.opensOn} 至 ${def!.closesOn}，今天（${d}）不在此期间，不能推荐`);
}

/** Corrections and resubmissions: within the nomination window, or until the eligibility stage closes. */
function requireEditWindow(ctx: ServiceContext, r: RoundRow): void {
  const s = openStage(r);
  if (s?.kind === 'eligibility') return;
  if (s?.kind === 'nomination' && nominationOpen(r, today(ctx))) return;
  throw conflict(`${s ? `当前阶段为「${s.name}」` : '评选已结束'}，已过修改期限（推荐期内或资格审查结束前），不能再修改或重新提交`);
}

async function lockCandidate(tx: Tx, candidateId: number) {
  const [c] = await tx.select().from(selectionCandidates).where(eq(selectionCandidates.id, candidateId)).for('update');
  if (!c) throw notFound('候选人');
  return c;
}

/** Locks the candidate's round then the candidate (always in this order). */
async function lockBoth(tx: Tx, candidateId: number) {
  const [c0] = await tx.select({ roundId: selectionCandidates.roundId }).from(selectionCandidates).where(eq(selectionCandidates.id, candidateId));
  if (!c0) throw notFound('候选人');
  const round = await lockRound(tx, c0.roundId);
  return { round, cand: await lockCandidate(tx, candidateId) };
}

function checkClaims(r: RoundRow, claims: { conditionKey: string }[], field = 'claims'): void {
  const keys = new Set(r.rules.conditions.map((c) => c.key));
  const seen = new Set<string>();
  claims.forEach((c, i) => {
    if (!keys.has(c.conditionKey)) throw invalid(`${field}[${i}].conditionKey`, `「${c.conditionKey}」不是本次评选的业绩条件`);
    if (seen.has(c.conditionKey)) throw invalid(`${field}[${i}].conditionKey`, '同一业绩条件只能申报一次');
    seen.add(c.conditionKey);
  });
}

/** The person an account channel may nominate: in the registry and within the nominator's reach. */
async function reachablePerson(tx: DbOrTx, channel: NominationChannel, unit: UnitRow, personId: number) {
  const [p] = await tx.select({ id: people.id }).from(people)
    .innerJoin(units, eq(units.id, people.unitId)).where(and(eq(people.id, personId), reachOf(channel, unit)));
  if (p) return p.id;
  const [any] = await tx.select({ id: people.id }).from(people).where(eq(people.id, personId));
  if (!any) throw invalid('personId', '人员库中没有此人，请先登记人员');
  throw forbidden(REACH_REFUSAL[channel] ?? '无权推荐此人');
}

async function personByIdNumber(ctx: ServiceContext, tx: DbOrTx, idNumber: string | undefined, name: string | undefined): Promise<number> {
  if (!idNumber) throw invalid('idNumber', '请填写被推荐人的身份证号');
  if (!name) throw invalid('name', '请填写被推荐人的姓名');
  const [p] = await tx.select({ id: people.id, name: people.name }).from(people).where(eq(people.idNumberHash, ctx.pii.hash('idNumber', idNumber)));
  if (!p) throw invalid('idNumber', `人员库中没有身份证号为 ${mask('idNumber', idNumber)} 的人员，请核对，或请其所在单位先登记`);
  if (p.name !== name) throw invalid('name', `姓名与人员库登记的不一致（身份证号 ${mask('idNumber', idNumber)}）`);
  return p.id;
}

interface Resolved { personId: number; channel: NominationChannel; unit: UnitRow | null }

/** Who is nominated and through which channel, from the actor and the input (access checked here). */
async function resolveNominee(ctx: ServiceContext, tx: DbOrTx, actor: Actor, input: NominationIn): Promise<Resolved> {
  const unit = await actorUnit(tx, actor);
  if (actor.role === 'person') {
    if (actor.personId == null) throw forbidden('账号未关联人员库中的人员，不能推荐');
    const aboutSelf = !input.idNumber;
    if (aboutSelf) {
      if (input.personId != null && input.personId !== actor.personId) throw forbidden('个人账号只能自荐本人；推荐他人请填写被推荐人的身份证号和姓名（社会推荐）');
      return { personId: actor.personId, channel: 'self', unit };
    }
    const personId = await personByIdNumber(ctx, tx, input.idNumber, input.name);
    if (personId === actor.personId) return { personId, channel: 'self', unit };
    return { personId, channel: 'society', unit };
  }
  const channel = channelOf(actor, unit, false);
  if (!channel) throw forbidden('此账号不能推荐');
  if (channel === 'society') return { personId: await personByIdNumber(ctx, tx, input.idNumber, input.name), channel, unit };
  if (input.personId == null) throw invalid('personId', '请选择被推荐人');
  return { personId: await reachablePerson(tx, channel, unit!, input.personId), channel, unit };
}

const like_ = (n: typeof selectionNominations.$inferSelect & { personId: number }, byPersonAccount: boolean): NominationLike => ({
  personId: n.personId, channel: n.channel, nominatorAccountId: n.nominatorAccountId, nominatorUnitId: n.nominatorUnitId,
  nominatorName: n.nominatorName, nominatorOrg: n.nominatorOrg, byPersonAccount,
});

/**
 * One nomination, inside the caller's transaction (the round locked, the window checked): the
 * candidate found or created (one per person per round), the nomination added unless the same
 * nominator already nominated this person, the claims merged, the machine check re-run.
 */
export async function nominateIn(tx: Tx, ctx: ServiceContext, round: RoundRow, actor: Actor, input: NominationIn): Promise<{ candidateId: number; nominationId: number; channel: NominationChannel }> {
  const { personId, channel, unit } = await resolveNominee(ctx, tx, actor, input);
  if (channel === 'society' && !input.nominator) throw invalid('nominator.name', '社会推荐请填写推荐人（单位或个人）的姓名和联系电话');
  checkClaims(round, input.claims);
  const existing = await tx.select({ n: selectionNominations, personId: selectionCandidates.personId, role: accounts.role }).from(selectionNominations)
    .innerJoin(selectionCandidates, eq(selectionCandidates.id, selectionNominations.candidateId))
    .leftJoin(accounts, eq(accounts.id, selectionNominations.nominatorAccountId))
    .where(and(eq(selectionNominations.roundId, round.id), eq(selectionCandidates.personId, personId), eq(selectionNominations.status, 'active')));
  const next: NominationLike = {
    personId, channel, nominatorAccountId: actor.id, nominatorUnitId: unit?.id ?? null,
    nominatorName: input.nominator?.name ?? null, nominatorOrg: input.nominator?.org ?? null, byPersonAccount: actor.role === 'person',
  };
  const dup = duplicateReason(existing.map((e) => like_({ ...e.n, personId: e.personId }, e.role === 'person')), next);
  if (dup) throw conflict(dup, input.personId != null ? 'personId' : 'idNumber');

  const now = ctx.clock.now();
  let [cand] = await tx.select().from(selectionCandidates).where(and(eq(selectionCandidates.roundId, round.id), eq(selectionCandidates.personId, personId))).for('update');
  if (cand && (cand.status === 'ineligible' || cand.status === 'withdrawn')) throw conflict(`此人本轮已为「${CANDIDATE_STATUS_NAMES[cand.status]}」，不能再推荐`);
  if (!cand) {
    [cand] = await tx.insert(selectionCandidates).values({ roundId: round.id, personId, status: 'submitted', equivalentSkill: input.equivalentSkill || null, createdAt: now, updatedAt: now }).returning();
  } else if (input.equivalentSkill && !cand.equivalentSkill && cand.status !== 'eligible') {
    await tx.update(selectionCandidates).set({ equivalentSkill: input.equivalentSkill }).where(eq(selectionCandidates.id, cand.id));
  }
  const [nom] = await tx.insert(selectionNominations).values({
    roundId: round.id, candidateId: cand!.id, channel, nominatorAccountId: actor.id, nominatorUnitId: unit?.id ?? null,
    nominatorName: input.nominator?.name ?? null, nominatorOrg: input.nominator?.org || null,
    nominatorContactEnc: input.nominator ? ctx.pii.encrypt(input.nominator.contact) : null,
    nominatorContactMasked: input.nominator ? mask('phone', input.nominator.contact) : null,
    statement: input.statement, createdAt: now,
  }).returning();
  if (cand!.status === 'submitted' || cand!.status === 'returned') {
    const have = new Set((await tx.select({ k: selectionClaims.conditionKey }).from(selectionClaims).where(eq(selectionClaims.candidateId, cand!.id))).map((c) => c.k));
    const add = input.claims.filter((c) => !have.has(c.conditionKey));
    if (add.length) await tx.insert(selectionClaims).values(add.map((c) => ({ candidateId: cand!.id, conditionKey: c.conditionKey, description: c.description, createdAt: now })));
    await recheck(tx, round.rules, cand!.id);
  }
  await tx.update(selectionCandidates).set({ version: cand!.version + 1, updatedAt: now }).where(eq(selectionCandidates.id, cand!.id));
  await recordAudit(tx, ctx, {
    action: 'selection.nominate', entity: 'selection_nomination', entityId: nom!.id,
    after: { roundId: round.id, candidateId: cand!.id, personId, channel, nominatorUnitId: unit?.id ?? null, nominatorName: input.nominator?.name ?? null, claims: input.claims.map((c) => c.conditionKey) },
  });
  return { candidateId: cand!.id, nominationId: nom!.id, channel };
}

/** 推荐: through the actor's channel, while the nomination window is open. */
export async function nominate(ctx: ServiceContext, roundId: number, input: NominationIn) {
  const actor = requireRole(ctx, 'admin', 'committee', 'unit', 'person');
  return ctx.db.transaction(async (tx) => {
    const round = await lockRound(tx, roundId);
    requireNominationWindow(ctx, round);
    return nominateIn(tx, inTx(ctx, tx), round, actor, input);
  });
}

/** 修改申报: the claimed conditions (and the equivalent-skill claim) replaced; evidence of a dropped claim goes with it. */
export async function updateClaims(ctx: ServiceContext, candidateId: number, input: ClaimsIn) {
  requireActor(ctx);
  if (!(await canEditCandidate(ctx, candidateId))) throw forbidden('只有推荐方、本人或评选办公室可以修改');
  await ctx.db.transaction(async (tx) => {
    const { round, cand } = await lockBoth(tx, candidateId);
    requireEditWindow(ctx, round);
    requireCorrectable(cand, input.version);
    checkClaims(round, input.claims);
    const before = await tx.select().from(selectionClaims).where(eq(selectionClaims.candidateId, candidateId));
    const keep = new Set(input.claims.map((c) => c.conditionKey));
    const drop = before.filter((c) => !keep.has(c.conditionKey)).map((c) => c.id);
    if (drop.length) {
      await tx.delete(selectionEvidence).where(inArray(selectionEvidence.claimId, drop));
      await tx.delete(selectionClaims).where(inArray(selectionClaims.id, drop));
    }
    const now = ctx.clock.now();
    for (const c of input.claims) {
      const had = before.find((b) => b.conditionKey === c.conditionKey);
      if (had) await tx.update(selectionClaims).set({ description: c.description }).where(eq(selectionClaims.id, had.id));
      else await tx.insert(selectionClaims).values({ candidateId, conditionKey: c.conditionKey, description: c.description, createdAt: now });
    }
    await tx.update(selectionCandidates).set({ equivalentSkill: input.equivalentSkill || null, version: cand.version + 1, updatedAt: now }).where(eq(selectionCandidates.id, candidateId));
    await recheck(tx, round.rules, candidateId);
    await recordAudit(tx, ctx, {
      action: 'selection.claims', entity: 'selection_candidate', entityId: candidateId,
      before: { claims: before.map((c) => c.conditionKey), equivalentSkill: cand.equivalentSkill }, after: { claims: [...keep], equivalentSkill: input.equivalentSkill },
    });
  });
}

function requireCorrectable(cand: typeof selectionCandidates.$inferSelect, version?: number): void {
  if (cand.status !== 'submitted' && cand.status !== 'returned') throw conflict(`候选人资格审查结论为「${CANDIDATE_STATUS_NAMES[cand.status]}」，不能再修改`);
  if (version !== undefined && version !== cand.version) throw conflict('候选人材料已被他人修改，请刷新后重试', 'version');
}

/** 上传证明材料 (a claim's evidence, the signed consent form, or the equivalent-skill evidence). */
export async function addEvidence(ctx: ServiceContext, candidateId: number, q: { purpose: 'condition' | 'consent' | 'equivalent_skill'; condition?: string }, file: { fileName: string; buf: Buffer }) {
  requireActor(ctx);
  if (!(await canEditCandidate(ctx, candidateId))) throw forbidden('只有推荐方、本人或评选办公室可以上传材料');
  await ctx.db.transaction(async (tx) => {
    const { round, cand } = await lockBoth(tx, candidateId);
    requireEditWindow(ctx, round);
    requireCorrectable(cand);
    const [{ n }] = (await tx.select({ n: count() }).from(selectionEvidence).where(eq(selectionEvidence.candidateId, candidateId))) as [{ n: number }];
    if (n >= MAX_EVIDENCE_PER_CANDIDATE) throw invalid('file', `每位候选人最多上传 ${MAX_EVIDENCE_PER_CANDIDATE} 个文件，已有 ${n} 个`);
    let claimId: number | null = null;
    if (q.purpose === 'condition') {
      const [claim] = await tx.select({ id: selectionClaims.id }).from(selectionClaims)
        .where(and(eq(selectionClaims.candidateId, candidateId), eq(selectionClaims.conditionKey, q.condition ?? '')));
      if (!claim) throw invalid('condition', '请先申报该业绩条件，再上传它的证明材料');
      claimId = claim.id;
    }
    const stored = await storeFile(tx, ctx, { owner: `selection.${q.purpose}`, fileName: file.fileName, buf: file.buf });
    const now = ctx.clock.now();
    const [ev] = await tx.insert(selectionEvidence).values({ candidateId, claimId, purpose: q.purpose, fileId: stored.id, uploadedBy: ctx.actor!.id, uploadedAt: now }).returning();
    await tx.update(selectionCandidates).set({
      ...(q.purpose === 'consent' ? { consentKind: 'signed_form' as const, consentFileId: stored.id, consentAt: now } : {}),
      version: cand.version + 1, updatedAt: now,
    }).where(eq(selectionCandidates.id, candidateId));
    await recheck(tx, round.rules, candidateId);
    await recordAudit(tx, ctx, { action: 'selection.evidence', entity: 'selection_candidate', entityId: candidateId, after: { evidenceId: ev!.id, purpose: q.purpose, condition: q.condition ?? null, sha256: stored.sha256, size: stored.size, mime: stored.mime } });
  });
}

/** 本人确认: the candidate signs in and confirms they agree to be nominated. */
export async function confirmConsent(ctx: ServiceContext, candidateId: number) {
  const actor = requireRole(ctx, 'person');
  await ctx.db.transaction(async (tx) => {
    const { round, cand } = await lockBoth(tx, candidateId);
    if (actor.personId == null || cand.personId !== actor.personId) throw forbidden('只能确认对本人的推荐');
    requireEditWindow(ctx, round);
    requireCorrectable(cand);
    const now = ctx.clock.now();
    await tx.update(selectionCandidates).set({ consentKind: 'self_confirmed', consentAt: now, version: cand.version + 1, updatedAt: now }).where(eq(selectionCandidates.id, candidateId));
    await recheck(tx, round.rules, candidateId);
    await recordAudit(tx, ctx, { action: 'selection.consent', entity: 'selection_candidate', entityId: candidateId, before: { consentKind: cand.consentKind }, after: { consentKind: 'self_confirmed' } });
  });
}

/** 重新提交: a returned candidate, corrected, goes back to the verifier's queue with a fresh machine check. */
export async function resubmit(ctx: ServiceContext, candidateId: number, version: number) {
  requireActor(ctx);
  if (!(await canEditCandidate(ctx, candidateId))) throw forbidden('只有推荐方、本人或评选办公室可以重新提交');
  await ctx.db.transaction(async (tx) => {
    const { round, cand } = await lockBoth(tx, candidateId);
    requireEditWindow(ctx, round);
    if (cand.status !== 'returned') throw conflict(`候选人当前为「${CANDIDATE_STATUS_NAMES[cand.status]}」，不是退回修改，无需重新提交`);
    if (cand.version !== version) throw conflict('候选人材料已被他人修改，请刷新后重试', 'version');
    const check = await recheck(tx, round.rules, candidateId);
    await tx.update(selectionCandidates).set({ status: 'submitted', version: cand.version + 1, updatedAt: ctx.clock.now() }).where(eq(selectionCandidates.id, candidateId));
    await recordAudit(tx, ctx, { action: 'selection.resubmit', entity: 'selection_candidate', entityId: candidateId, before: { status: 'returned', reason: cand.returnReason }, after: { status: 'submitted', check: check.ok } });
  });
}

/**
 * 资格审查: a verifier signs off a candidate awaiting review — eligible (accepting the claimed
 * conditions one by one; the machine check must have passed, an equivalent-skill claim decided),
 * returned with a reason (to be corrected and resubmitted), or ineligible with a reason (final).
 */
export async function verifyCandidate(ctx: ServiceContext, candidateId: number, input: VerifyIn) {
  const actor = requireSelectionStaff(ctx);
  await ctx.db.transaction(async (tx) => {
    const { round, cand } = await lockBoth(tx, candidateId);
    const s = openStage(round);
    if (s?.kind !== 'nomination' && s?.kind !== 'eligibility') throw conflict(`${s ? `当前阶段为「${s.name}」` : '评选已结束'}，资格审查已结束`);
    if (cand.version !== input.version) throw conflict('候选人材料已变更，请刷新后重试', 'version');
    if (cand.status !== 'submitted') throw conflict(`候选人当前为「${CANDIDATE_STATUS_NAMES[cand.status]}」，不在待审查队列中`);
    const reason = input.reason.trim();
    let accepted: string[] = [];
    if (input.decision === 'eligible') {
      const check = await recheck(tx, round.rules, candidateId);
      const failed = failedRules(check);
      if (failed.length) throw conflict(`机器初审未通过：${failed.map((r) => ELIGIBILITY_RULE_NAMES[r]).join('、')}；请退回修改或认定不符合条件`, 'decision');
      const levelPending = check.items.some((i) => i.rule === 'level' && i.pending);
      if (levelPending && input.equivalentSkillAccepted !== 'yes') throw invalid('equivalentSkillAccepted', '未持有高级工及以上等级，须认定同等技能水平后才能通过');
      const claims = await tx.select({ key: selectionClaims.conditionKey, evidence: count(selectionEvidence.id) }).from(selectionClaims)
        .leftJoin(selectionEvidence, eq(selectionEvidence.claimId, selectionClaims.id)).where(eq(selectionClaims.candidateId, candidateId)).groupBy(selectionClaims.id);
      const backed = new Set(claims.filter((c) => Number(c.evidence) > 0).map((c) => c.key));
      accepted = [...new Set(input.conditionsAccepted)];
      const bad = accepted.find((k) => !backed.has(k));
      if (bad) throw invalid('conditionsAccepted', `「${round.rules.conditions.find((c) => c.key === bad)?.name ?? bad}」未申报或没有证明材料，不能认可`);
      if (accepted.length < round.rules.minConditions) throw invalid('conditionsAccepted', `至少须认可 ${round.rules.minConditions} 项业绩条件`);
    } else if (!reason) {
      throw invalid('reason', input.decision === 'returned' ? '请填写退回原因，推荐方据此修改' : '请填写不符合条件的原因');
    }
    const now = ctx.clock.now();
    await tx.update(selectionCandidates).set({ status: input.decision, returnReason: input.decision === 'eligible' ? null : reason, version: cand.version + 1, updatedAt: now }).where(eq(selectionCandidates.id, candidateId));
    const [v] = await tx.insert(selectionVerifications).values({
      candidateId, decision: input.decision, reason: reason || null, conditionsAccepted: accepted,
      equivalentSkillAccepted: input.equivalentSkillAccepted ?? null, verifiedBy: actor.id, verifiedAt: now,
    }).returning();
    await recordAudit(tx, ctx, { action: 'selection.verify', entity: 'selection_candidate', entityId: candidateId, before: { status: cand.status }, after: { status: input.decision, reason: reason || null, conditionsAccepted: accepted, verificationId: v!.id } });
  });
}

/** The stored file behind a piece of evidence, for those who may read the candidate's materials. */
export async function evidenceFile(ctx: ServiceContext, evidenceId: number) {
  requireActor(ctx);
  const [ev] = await ctx.db.select().from(selectionEvidence).where(eq(selectionEvidence.id, evidenceId));
  if (!ev) throw notFound('材料');
  await requireEvidenceReader(ctx, ev.candidateId);
  return readFile(ctx.db, ev.fileId);
}

// ── views ────────────────────────────────────────────────────────────────────────────────────────

/** A candidate in full (claims, evidence, channels, decisions), for those who may read their materials. */
export async function candidateView(ctx: ServiceContext, candidateId: number): Promise<CandidateView> {
  await requireEvidenceReader(ctx, candidateId);
  const db = ctx.db;
  const [c] = await db.select({ c: selectionCandidates, name: people.name, idm: people.idNumberMasked, level: people.level, unitName: units.name, roundName: selectionRounds.name })
    .from(selectionCandidates).innerJoin(people, eq(people.id, selectionCandidates.personId)).innerJoin(units, eq(units.id, people.unitId))
    .innerJoin(selectionRounds, eq(selectionRounds.id, selectionCandidates.roundId)).where(eq(selectionCandidates.id, candidateId));
  if (!c) throw notFound('候选人');
  const round = await roundRow(db, c.c.roundId);
  const claims = await db.select().from(selectionClaims).where(eq(selectionClaims.candidateId, candidateId)).orderBy(asc(selectionClaims.id));
  const ev = await db.select().from(selectionEvidence).where(eq(selectionEvidence.candidateId, candidateId)).orderBy(asc(selectionEvidence.id));
  const files = new Map((await fileInfo(db, ev.map((e) => e.fileId))).map((f) => [f.id, f]));
  const noms = await db.select({ n: selectionNominations, unitName: units.name }).from(selectionNominations).leftJoin(units, eq(units.id, selectionNominations.nominatorUnitId))
    .where(and(eq(selectionNominations.candidateId, candidateId), eq(selectionNominations.status, 'active'))).orderBy(asc(selectionNominations.id));
  const vs = await db.select({ v: selectionVerifications, who: accounts.displayName }).from(selectionVerifications).innerJoin(accounts, eq(accounts.id, selectionVerifications.verifiedBy))
    .where(eq(selectionVerifications.candidateId, candidateId)).orderBy(asc(selectionVerifications.id));
  const a = ctx.actor!;
  const mine = (n: typeof selectionNominations.$inferSelect) => (a.role === 'unit' ? n.nominatorUnitId === a.unitId : n.nominatorAccountId === a.id);
  const staff = isSelectionStaff(a);
  // The frozen cuts (not superseded), in stage order: the candidate's own line of each.
  const cuts = await db.select({ stageKey: selectionCuts.stageKey, ranking: selectionCuts.ranking }).from(selectionCuts)
    .where(and(eq(selectionCuts.roundId, round.id), eq(selectionCuts.status, 'frozen'))).orderBy(asc(selectionCuts.id));
  const standing = cuts.flatMap((cut) => {
    const row = cut.ranking.rows.find((r) => r.candidateId === candidateId);
    const stageName = round.rules.stages.find((x) => x.key === cut.stageKey)?.name ?? cut.stageKey;
    return row ? [{ stageKey: cut.stageKey, stageName, selected: row.selected, rank: row.rank }] : [];
  });
  const editableNow = (c.c.status === 'returned' || c.c.status === 'submitted') && (openStage(round)?.kind === 'eligibility' || nominationOpen(round, today(ctx)));
  return {
    id: c.c.id, roundId: c.c.roundId, roundName: c.roundName, personId: c.c.personId, name: c.name, idNumberMasked: c.idm, unitName: c.unitName, level: c.level,
    status: c.c.status, returnReason: c.c.returnReason, consentKind: c.c.consentKind, equivalentSkill: c.c.equivalentSkill, check: c.c.check, version: c.c.version,
    channels: [...new Set(noms.map((n) => n.n.channel))],
    claims: claims.map((k) => ({ id: k.id, conditionKey: k.conditionKey, conditionName: round.rules.conditions.find((x) => x.key === k.conditionKey)?.name ?? k.conditionKey, description: k.description })),
    evidence: ev.map((e) => {
      const f = files.get(e.fileId)!;
      return { id: e.id, purpose: e.purpose, claimId: e.claimId, fileName: f.fileName, mime: f.mime, size: f.size, sha256: f.sha256 };
    }),
    // Other nominators' contact details are the office's to see; a nominator sees its own.
    nominations: noms.map(({ n, unitName }) => ({
      id: n.id, channel: n.channel, nominatorUnitName: unitName, nominatorName: n.nominatorName, nominatorOrg: n.nominatorOrg,
      nominatorContactMasked: staff || mine(n) ? n.nominatorContactMasked : null, statement: staff || mine(n) ? n.statement : '', createdAt: n.createdAt.toISOString(), mine: mine(n),
    })),
    verifications: vs.map(({ v, who }) => ({ decision: v.decision, reason: v.reason, conditionsAccepted: v.conditionsAccepted, verifiedAt: v.verifiedAt.toISOString(), verifier: who })),
    editable: editableNow,
    standing,
  };
}

async function candidateRows(db: DbOrTx, where: ReturnType<typeof and>): Promise<CandidateRow[]> {
  const rows = await db.select({ c: selectionCandidates, name: people.name, idm: people.idNumberMasked, unitName: units.name })
    .from(selectionCandidates).innerJoin(people, eq(people.id, selectionCandidates.personId)).innerJoin(units, eq(units.id, people.unitId))
    .where(where).orderBy(asc(selectionCandidates.id));
  const ids = rows.map((r) => r.c.id);
  const chans = ids.length ? await db.selectDistinct({ id: selectionNominations.candidateId, channel: selectionNominations.channel }).from(selectionNominations)
    .where(and(inArray(selectionNominations.candidateId, ids), eq(selectionNominations.status, 'active'))) : [];
  return rows.map((r) => ({
    id: r.c.id, personId: r.c.personId, name: r.name, idNumberMasked: r.idm, unitName: r.unitName, status: r.c.status,
    channels: chans.filter((x) => x.id === r.c.id).map((x) => x.channel), check: r.c.check, returnReason: r.c.returnReason, version: r.c.version,
  }));
}

/** 候选人名单 / 审查队列: every candidate of the round with their channels (office only). */
export async function listCandidates(ctx: ServiceContext, roundId: number, status?: CandidateRow['status']) {
  requireSelectionStaff(ctx);
  await roundRow(ctx.db, roundId);
  return candidateRows(ctx.db, and(eq(selectionCandidates.roundId, roundId), status ? eq(selectionCandidates.status, status) : undefined));
}

/** 我的推荐: the candidates this nominator nominated in the round, with their status and reasons. */
export async function myNominations(ctx: ServiceContext, roundId: number) {
  const a = requireRole(ctx, 'admin', 'committee', 'unit', 'person');
  const by = a.role === 'unit' ? eq(selectionNominations.nominatorUnitId, a.unitId ?? -1) : eq(selectionNominations.nominatorAccountId, a.id);
  const ids = ctx.db.select({ id: selectionNominations.candidateId }).from(selectionNominations).where(and(eq(selectionNominations.roundId, roundId), by, eq(selectionNominations.status, 'active')));
  return candidateRows(ctx.db, inArray(selectionCandidates.id, ids));
}

/** 我的评选: a person's own candidacies (whoever nominated them), in full. */
export async function myCandidacies(ctx: ServiceContext): Promise<CandidateView[]> {
  const a = requireRole(ctx, 'person');
  if (a.personId == null) return [];
  const rows = await ctx.db.select({ id: selectionCandidates.id }).from(selectionCandidates).where(eq(selectionCandidates.personId, a.personId)).orderBy(desc(selectionCandidates.id));
  return Promise.all(rows.map((r) => candidateView(ctx, r.id)));
}

/** The running rounds with a nomination stage: their window, conditions, and the viewer's channel. */
export async function nominationRounds(ctx: ServiceContext): Promise<NominationRoundView[]> {
  const a = requireActor(ctx);
  const unit = await actorUnit(ctx.db, a);
  const rounds = await ctx.db.select().from(selectionRounds).where(eq(selectionRounds.status, 'running')).orderBy(desc(selectionRounds.id));
  const d = today(ctx);
  return rounds.flatMap((r) => {
    const def = nominationDef(r);
    if (!def) return [];
    return [{
      id: r.id, name: r.name, opensOn: def.opensOn, closesOn: def.closesOn, open: nominationOpen(r, d), stageName: openStage(r)?.name ?? '',
      minConditions: r.rules.minConditions, conditions: r.rules.conditions.map((c) => ({ key: c.key, name: c.name, hint: c.hint })),
      channel: channelOf(a, unit, a.role === 'person'),
    }];
  });
}

/** The people a unit, district or industry account may nominate, by name or masked ID (at most 50). */
export async function nominablePeople(ctx: ServiceContext, q: string) {
  const a = requireRole(ctx, 'unit');
  const unit = await actorUnit(ctx.db, a);
  const channel = channelOf(a, unit, false);
  if (!unit || !channel) throw forbidden('此账号不能推荐');
  const term = q.trim().replace(/[%_\\]/g, '');
  return ctx.db.select({ id: people.id, name: people.name, idNumberMasked: people.idNumberMasked, unitName: units.name }).from(people)
    .innerJoin(units, eq(units.id, people.unitId))
    .where(and(reachOf(channel, unit), term ? or(like(people.name, `%${term}%`), like(units.name, `%${term}%`)) : undefined))
    .orderBy(asc(people.id)).limit(50);
}

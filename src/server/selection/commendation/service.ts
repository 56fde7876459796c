import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { mask } from '../../../shared/mask.js';
import { promotionFor, raisedLevel, type Award, type BankDetailsInput, type RoundAwards } from '../../../shared/selection/commendation.js';
import type { StageDef } from '../../../shared/selection/rules.js';
import { recordAudit } from '../../core/audit/service.js';
import { certificates } from '../../core/certificates/tables.js';
import { people, qualificationEligibilities, qualificationRecords } from '../../core/people/tables.js';
import { trades } from '../../core/trades/tables.js';
import { units } from '../../core/units/tables.js';
import type { Actor, ServiceContext } from '../../context.js';
import type { DbOrTx, Tx } from '../../db/client.js';
import { forbidden, notFound } from '../../http/errors.js';
import { requireRole } from '../../policy.js';
import { selectionCandidates } from '../nominations/tables.js';
import { roundRow, type RoundRow } from '../rounds/policy.js';
import { selectionRounds } from '../rounds/tables.js';
import { selectionAwards } from './tables.js';

export type CommendationStage = Extract<StageDef, { kind: 'commendation' }>;

/** The round's commendation stage (its title and cash award), if its rules have one. */
export const commendationStage = (r: Pick<RoundRow, 'rules'>): CommendationStage | undefined =>
  r.rules.stages.find((s): s is CommendationStage => s.kind === 'commendation');

/** Whether the round has reached its commendation stage (open now, or the round is over). */
export function commendationReached(r: RoundRow): boolean {
  const at = r.rules.stages.findIndex((s) => s.kind === 'commendation');
  return at >= 0 && (r.status === 'finished' || r.stage >= at);
}

/**
 * 表彰: called once by the final list's notice when it becomes final (cuts/notice-subject.ts), in
 * its transaction: writes each expert's award (title, cash award), the promotion into the
 * qualification records (高级工 → 技师, people.level raised, never lowered) or the 破格 eligibility
 * (技师 → may sit 高级技师 early); a 高级技师 keeps their level ('none'). Idempotent: an award is
 * written once per candidate (selection_awards_uq), and only a newly written award writes records,
 * so a second call writes nothing. Uses `tx` only; `ctx.actor` may be null (the finality sweep).
 */
export async function writeAwards(tx: Tx, ctx: ServiceContext, roundId: number, candidateIds: number[], finalOn: string): Promise<void> {
  if (candidateIds.length === 0) return;
  const r = await roundRow(tx, roundId);
  const stage = commendationStage(r);
  if (!stage) return;
  // The people are locked so their level is read and raised in one step.
  const experts = await tx.select({ candidateId: selectionCandidates.id, personId: people.id, level: people.level, tradeId: people.tradeId })
    .from(selectionCandidates).innerJoin(people, eq(people.id, selectionCandidates.personId))
    .where(and(eq(selectionCandidates.roundId, roundId), inArray(selectionCandidates.id, candidateIds)))
    .orderBy(asc(selectionCandidates.id))
    .for('update', { of: people });
  if (experts.length === 0) return;
  const now = ctx.clock.now();
  const written = await tx.insert(selectionAwards).values(experts.map((e) => ({
    roundId, candidateId: e.candidateId, personId: e.personId, title: stage.title, amount: stage.award,
    promotion: promotionFor(e.level).promotion, decidedOn: finalOn, createdAt: now,
  }))).onConflictDoNothing().returning({ id: selectionAwards.id, candidateId: selectionAwards.candidateId });
  if (written.length === 0) return;

  const byCandidate = new Map(experts.map((e) => [e.candidateId, e]));
  const promoted: { personId: number; from: number | null; to: number | null; promotion: string }[] = [];
  for (const w of written) {
    const e = byCandidate.get(w.candidateId)!;
    const outcome = promotionFor(e.level);
    if (outcome.newLevel != null) {
      const [rec] = await tx.insert(qualificationRecords).values({
        personId: e.personId, level: outcome.newLevel, tradeId: e.tradeId, obtainedOn: finalOn, source: r.name, recordedAt: now,
      }).returning({ id: qualificationRecords.id });
      const level = raisedLevel(e.level, outcome.newLevel);
      if (level !== e.level) await tx.update(people).set({ level, updatedAt: now }).where(eq(people.id, e.personId));
      await tx.update(selectionAwards).set({ qualificationRecordId: rec!.id }).where(eq(selectionAwards.id, w.id));
    }
    if (outcome.eligibleLevel != null) {
      await tx.insert(qualificationEligibilities).values({
        personId: e.personId, level: outcome.eligibleLevel, early: true, tradeId: e.tradeId, grantedOn: finalOn, source: r.name, recordedAt: now,
      });
    }
    promoted.push({ personId: e.personId, from: e.level, to: raisedLevel(e.level, outcome.newLevel), promotion: outcome.promotion });
  }
  await recordAudit(tx, ctx, {
    action: 'selection.awards', entity: 'selection_round', entityId: roundId,
    after: { finalOn, title: stage.title, amount: stage.award, written: written.length, people: promoted },
  });
}

/** Awards with what the lists show (masked), each with its certificate if one was issued. */
function selectAwards(db: DbOrTx, where: SQL | undefined) {
  return db.select({
    a: selectionAwards, roundName: selectionRounds.name, name: people.name, idNumberMasked: people.idNumberMasked, unitId: people.unitId,
    unitName: units.name, tradeName: trades.name,
    certId: certificates.id, certSerial: certificates.serial, certStatus: certificates.status,
  })
    .from(selectionAwards)
    .innerJoin(selectionRounds, eq(selectionRounds.id, selectionAwards.roundId))
    .innerJoin(people, eq(people.id, selectionAwards.personId))
    .innerJoin(units, eq(units.id, people.unitId))
    .leftJoin(trades, eq(trades.id, people.tradeId))
    .leftJoin(certificates, and(eq(certificates.sourceKind, 'selection-award'), eq(certificates.sourceId, selectionAwards.id)))
    .where(where)
    .orderBy(asc(selectionAwards.id));
}
type AwardRow = Awaited<ReturnType<typeof selectAwards>>[number];

function presentAward(r: AwardRow): Award {
  const { a } = r;
  return {
    id: a.id, roundId: a.roundId, roundName: r.roundName, candidateId: a.candidateId, personId: a.personId, name: r.name,
    unitName: r.unitName, idNumberMasked: r.idNumberMasked, tradeName: r.tradeName, title: a.title, amount: a.amount,
    promotion: a.promotion, decidedOn: a.decidedOn, bankName: a.bankName, bankAccountMasked: a.bankAccountMasked,
    certificate: r.certId != null ? { id: r.certId, serial: r.certSerial!, status: r.certStatus! } : null,
  };
}

const isStaff = (actor: Actor) => actor.role === 'admin' || actor.role === 'committee';
/** 财务: the payment list (full bank accounts) is for the office and the committee's finance body only. */
export const mayDownloadPayments = (actor: Actor) => actor.role === 'admin' || (actor.role === 'committee' && actor.committeeBody === 'finance');

/**
 * A round's awards: the office sees all, a unit its own experts' (to enter their bank details);
 * the bank account masked. With the payment list's total and what is still missing.
 */
export async function listAwards(ctx: ServiceContext, roundId: number): Promise<RoundAwards> {
  const actor = requireRole(ctx, 'admin', 'committee', 'unit');
  const r = await roundRow(ctx.db, roundId);
  if (!isStaff(actor) && actor.unitId == null) throw forbidden('只有评选办公室或本单位可以查看表彰名单');
  const scope = isStaff(actor) ? undefined : eq(people.unitId, actor.unitId!);
  const rows = await selectAwards(ctx.db, and(eq(selectionAwards.roundId, roundId), scope));
  const [written] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(selectionAwards).where(eq(selectionAwards.roundId, roundId));
  const awards = rows.map(presentAward);
  return {
    roundId, roundName: r.name, written: (written?.n ?? 0) > 0, awards,
    total: awards.reduce((s, a) => s + a.amount, 0),
    missingBank: awards.filter((a) => a.bankAccountMasked == null).length,
    certificatesIssued: awards.filter((a) => a.certificate != null).length,
    mayDownloadPayments: mayDownloadPayments(actor),
    mayIssue: isStaff(actor) && commendationReached(r),
  };
}

/** 我的荣誉 (role person): the person's own awards, any round. */
export async function myAwards(ctx: ServiceContext): Promise<Award[]> {
  const actor = requireRole(ctx, 'person');
  if (actor.personId == null) return [];
  return (await selectAwards(ctx.db, eq(selectionAwards.personId, actor.personId))).map(presentAward);
}

/**
 * 银行账户: entered by the expert themself, their unit, or the office, once the award is written.
 * The account is stored encrypted, shown masked; only the payment list prints it in full.
 */
export async function setBankDetails(ctx: ServiceContext, awardId: number, input: BankDetailsInput): Promise<Award> {
  const actor = requireRole(ctx, 'admin', 'committee', 'unit', 'person');
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.select({ a: selectionAwards, unitId: people.unitId }).from(selectionAwards)
      .innerJoin(people, eq(people.id, selectionAwards.personId))
      .where(eq(selectionAwards.id, awardId)).for('update', { of: selectionAwards });
    if (!row) throw notFound('表彰记录');
    const own = actor.role === 'person' ? actor.personId != null && actor.personId === row.a.personId
      : actor.role === 'unit' ? actor.unitId != null && actor.unitId === row.unitId
        : true;
    if (!own) throw forbidden('只能填写本人或本单位技术能手的银行账户');
    const masked = mask('bankAccount', input.bankAccount);
    await tx.update(selectionAwards).set({ bankName: input.bankName, bankAccountEnc: ctx.pii.encrypt(input.bankAccount), bankAccountMasked: masked })
      .where(eq(selectionAwards.id, awardId));
    await recordAudit(tx, ctx, {
      action: 'selection.award_bank', entity: 'selection_award', entityId: awardId,
      before: { bankName: row.a.bankName, bankAccount: row.a.bankAccountMasked }, after: { bankName: input.bankName, bankAccount: masked },
    });
  });
  const [after] = await selectAwards(ctx.db, eq(selectionAwards.id, awardId));
  return presentAward(after!);
}

/** For the payment list: every award of the round with the account decrypted (callers check access). */
export async function awardsWithAccounts(db: DbOrTx, ctx: ServiceContext, roundId: number) {
  const rows = await selectAwards(db, eq(selectionAwards.roundId, roundId));
  return rows.map((r) => ({ ...presentAward(r), bankAccount: r.a.bankAccountEnc ? ctx.pii.decrypt(r.a.bankAccountEnc) : null }));
}

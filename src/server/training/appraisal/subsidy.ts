import crypto from 'node:crypto';
import { and, asc, desc, eq, inArray, lte, ne } from 'drizzle-orm';
import { canonicalJson } from '../../../shared/canonical-json.js';
import {
  CLAIM_RECOMPUTABLE, CLAIM_STATUS_NAMES, computeSubsidy, fenToYuan, hashableLines, yuanToFen,
  type ClaimListItem, type ClaimReview, type ClaimStatus, type SubsidyClaim, type SubsidyLine,
} from '../../../shared/training/subsidy.js';
import { attended } from '../../../shared/training/rules.js';
import type { ServiceContext } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { recordAudit } from '../../core/audit/service.js';
import { people } from '../../core/people/tables.js';
import { units } from '../../core/units/tables.js';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.js';
import { requireActor } from '../../policy.js';
import { trainingAttendance } from '../attendance/tables.js';
import { trainingEnrolments } from '../enrolment/tables.js';
import { beijingDay } from '../programmes/plan-actual.js';
import { classRow, isTrainingStaff, lockClass, programmeRow } from '../programmes/policy.js';
import { trainingClasses, trainingSessions, type ClassRow } from '../programmes/tables.js';
import { isFinance, requireClaimReader, requireNewTechnicianClass, requireStaffOrCollege } from './policy.js';
import { appraisedEnrolments } from './service.js';
import { trainingSubsidyClaims, trainingSubsidyLines } from './tables.js';

type ClaimRow = typeof trainingSubsidyClaims.$inferSelect;

/** SHA-256 of the lines' canonical JSON: the same records always give the same hash. */
export const linesHash = (lines: readonly SubsidyLine[]): string =>
  crypto.createHash('sha256').update(canonicalJson(hashableLines(lines))).digest('hex');

/**
 * The claim as the records give it now: every enrolled trainee, the class's sessions held by today
 * (cancelled ones do not count), their attended ones (present or late), whether they sat the
 * appraisal, and the class's fees and attendance rule.
 */
export async function currentClaim(db: DbOrTx, c: ClassRow, today: string) {
  const enrolled = await db.select({ id: trainingEnrolments.id }).from(trainingEnrolments)
    .where(and(eq(trainingEnrolments.classId, c.id), eq(trainingEnrolments.status, 'enrolled')))
    .orderBy(asc(trainingEnrolments.examNumber), asc(trainingEnrolments.id));
  const held = await db.select({ id: trainingSessions.id }).from(trainingSessions)
    .where(and(eq(trainingSessions.classId, c.id), ne(trainingSessions.status, 'cancelled'), lte(trainingSessions.day, today)));
  const ids = enrolled.map((e) => e.id);
  const marks = ids.length && held.length
    ? await db.select({ enrolmentId: trainingAttendance.enrolmentId, status: trainingAttendance.status }).from(trainingAttendance)
      .where(and(inArray(trainingAttendance.sessionId, held.map((s) => s.id)), inArray(trainingAttendance.enrolmentId, ids)))
    : [];
  const count = new Map<number, number>();
  for (const m of marks) if (attended(m.status)) count.set(m.enrolmentId, (count.get(m.enrolmentId) ?? 0) + 1);
  const appraised = await appraisedEnrolments(db, ids);
  const rates = { trainingFeeFen: yuanToFen(c.trainingFeeYuan), appraisalFeeFen: yuanToFen(c.appraisalFeeYuan), minAttendancePct: c.completionRule.minAttendancePct };
  const { lines, totals } = computeSubsidy(enrolled.map((e) => ({
    enrolmentId: e.id, sessionsHeld: held.length, sessionsAttended: count.get(e.id) ?? 0, appraised: appraised.has(e.id),
  })), rates);
  return { lines, totals, rates, hash: linesHash(lines) };
}

async function claimOfClass(db: DbOrTx, classId: number, lock = false): Promise<ClaimRow | undefined> {
  const q = db.select().from(trainingSubsidyClaims).where(eq(trainingSubsidyClaims.classId, classId));
  const [r] = lock ? await q.for('update') : await q;
  return r;
}

async function claimById(db: DbOrTx, id: number): Promise<ClaimRow> {
  const [r] = await db.select().from(trainingSubsidyClaims).where(eq(trainingSubsidyClaims.id, id));
  if (!r) throw notFound('补贴申请');
  return r;
}

function requireVersion(claim: ClaimRow, version: number | undefined) {
  if (version !== claim.version) throw conflict('补贴申请已被他人修改或重新计算，请刷新后重试', 'version');
}

const claimSummary = (r: ClaimRow) => ({ status: r.status, trainees: r.trainees, eligible: r.eligible, totalYuan: r.totalYuan, linesHash: r.linesHash, version: r.version });

/**
 * 计算补贴申请: from the attendance and appraisal records, stored as a draft with its lines and
 * their hash. Recomputed while a draft or returned (it becomes a draft again); a submitted or
 * approved claim is not recomputed.
 */
export async function computeClaim(ctx: ServiceContext, classId: number, input: { version?: number }): Promise<SubsidyClaim> {
  const c0 = await classRow(ctx.db, classId);
  requireStaffOrCollege(ctx, c0, '计算补贴申请');
  const id = await ctx.db.transaction(async (tx) => {
    const c = await lockClass(tx, classId);
    await requireNewTechnicianClass(tx, c, '计算补贴申请');
    const prev = await claimOfClass(tx, classId, true);
    if (prev) {
      requireVersion(prev, input.version);
      if (!CLAIM_RECOMPUTABLE.includes(prev.status)) throw conflict(`补贴申请${CLAIM_STATUS_NAMES[prev.status].zh}，不能重新计算`);
    }
    const now = ctx.clock.now();
    const cur = await currentClaim(tx, c, beijingDay(now));
    const values = {
      classId, collegeUnitId: c.collegeUnitId, status: 'draft' as const, trainingFeeYuan: c.trainingFeeYuan, appraisalFeeYuan: c.appraisalFeeYuan,
      trainees: cur.totals.trainees, eligible: cur.totals.eligible, totalYuan: fenToYuan(cur.totals.totalFen), linesHash: cur.hash, computedAt: now,
      submittedBy: null, submittedAt: null, reviewedBy: null, reviewedAt: null,
    };
    let claim: ClaimRow;
    if (prev) {
      await tx.delete(trainingSubsidyLines).where(eq(trainingSubsidyLines.claimId, prev.id));
      [claim] = await tx.update(trainingSubsidyClaims).set({ ...values, version: prev.version + 1 }).where(eq(trainingSubsidyClaims.id, prev.id)).returning() as [ClaimRow];
    } else {
      [claim] = await tx.insert(trainingSubsidyClaims).values(values).returning() as [ClaimRow];
    }
    if (cur.lines.length) {
      await tx.insert(trainingSubsidyLines).values(cur.lines.map((l) => ({
        claimId: claim.id, enrolmentId: l.enrolmentId, sessionsHeld: l.sessionsHeld, sessionsAttended: l.sessionsAttended, attendancePct: l.attendancePct,
        appraised: l.appraised, eligible: l.eligible, reason: l.reason, trainingFeeYuan: fenToYuan(l.trainingFeeFen), appraisalFeeYuan: fenToYuan(l.appraisalFeeFen),
      })));
    }
    await recordAudit(tx, ctx, {
      action: 'training.subsidy.compute', entity: 'training_subsidy_claim', entityId: claim.id,
      before: prev ? claimSummary(prev) : undefined, after: { ...claimSummary(claim), classId },
    });
    return claim.id;
  });
  return getClaimById(ctx, id);
}

/** 提交: the college or training staff submit a draft (or a returned claim), once the class finished and the claim is current. */
export async function submitClaim(ctx: ServiceContext, claimId: number, input: { version: number }): Promise<SubsidyClaim> {
  const claim0 = await claimById(ctx.db, claimId);
  requireStaffOrCollege(ctx, await classRow(ctx.db, claim0.classId), '提交补贴申请');
  await ctx.db.transaction(async (tx) => {
    const c = await lockClass(tx, claim0.classId);
    const claim = (await claimOfClass(tx, c.id, true))!;
    requireVersion(claim, input.version);
    if (!CLAIM_RECOMPUTABLE.includes(claim.status)) throw conflict(`补贴申请${CLAIM_STATUS_NAMES[claim.status].zh}，不能再次提交`);
    if (c.status !== 'finished') throw conflict(`培训班「${c.name}」尚未结业，结业后才能提交补贴申请`);
    const cur = await currentClaim(tx, c, beijingDay(ctx.clock.now()));
    if (cur.hash !== claim.linesHash) throw conflict('计算之后考勤或鉴定记录有变动，请重新计算后再提交', 'linesHash');
    const [after] = await tx.update(trainingSubsidyClaims).set({ status: 'submitted', submittedBy: ctx.actor!.id, submittedAt: ctx.clock.now(), version: claim.version + 1 })
      .where(eq(trainingSubsidyClaims.id, claim.id)).returning();
    await recordAudit(tx, ctx, { action: 'training.subsidy.submit', entity: 'training_subsidy_claim', entityId: claim.id, before: claimSummary(claim), after: claimSummary(after!) });
  });
  return getClaimById(ctx, claimId);
}

/** 审核: the finance body (or an administrator) approves a submitted claim (then frozen) or returns it with a note. */
export async function reviewClaim(ctx: ServiceContext, claimId: number, input: ClaimReview): Promise<SubsidyClaim> {
  const a = requireActor(ctx);
  if (!isFinance(a)) throw forbidden('只有财政部门可以审核补贴申请');
  if (input.decision === 'return' && !input.note) throw invalid('note', '退回时请写明理由');
  const claim0 = await claimById(ctx.db, claimId);
  await ctx.db.transaction(async (tx) => {
    await lockClass(tx, claim0.classId);
    const claim = (await claimOfClass(tx, claim0.classId, true))!;
    requireVersion(claim, input.version);
    if (claim.status !== 'submitted') throw conflict(`补贴申请${CLAIM_STATUS_NAMES[claim.status].zh}，只能审核已提交的申请`);
    const [after] = await tx.update(trainingSubsidyClaims).set({
      status: input.decision === 'approve' ? 'approved' : 'returned', reviewedBy: a.id, reviewedAt: ctx.clock.now(), reviewNote: input.note ?? null, version: claim.version + 1,
    }).where(eq(trainingSubsidyClaims.id, claim.id)).returning();
    const event = { entity: 'training_subsidy_claim', entityId: claim.id, before: claimSummary(claim), after: { ...claimSummary(after!), note: input.note ?? null } };
    if (input.decision === 'approve') await recordAudit(tx, ctx, { action: 'training.subsidy.approve', ...event });
    else await recordAudit(tx, ctx, { action: 'training.subsidy.return', ...event });
  });
  return getClaimById(ctx, claimId);
}

/** A class's claim (or null when none is computed yet). */
export async function getClaimOfClass(ctx: ServiceContext, classId: number): Promise<SubsidyClaim | null> {
  const c = await classRow(ctx.db, classId);
  requireClaimReader(ctx, c);
  const claim = await claimOfClass(ctx.db, classId);
  return claim ? presentClaim(ctx, c, claim) : null;
}

export async function getClaimById(ctx: ServiceContext, claimId: number): Promise<SubsidyClaim> {
  const claim = await claimById(ctx.db, claimId);
  const c = await classRow(ctx.db, claim.classId);
  requireClaimReader(ctx, c);
  return presentClaim(ctx, c, claim);
}

/**
 * The stored claim with its lines (masked ID numbers), and whether it is stale: the records
 * recomputed now give other lines (an attendance or appraisal changed since it was computed).
 */
async function presentClaim(ctx: ServiceContext, c: ClassRow, claim: ClaimRow): Promise<SubsidyClaim> {
  const p = await programmeRow(ctx.db, c.programmeId);
  const [college] = c.collegeUnitId ? await ctx.db.select({ name: units.name }).from(units).where(eq(units.id, c.collegeUnitId)) : [];
  const rows = await ctx.db.select({
    l: trainingSubsidyLines, name: people.name, idNumberMasked: people.idNumberMasked, unitName: units.name, examNumber: trainingEnrolments.examNumber,
  }).from(trainingSubsidyLines)
    .innerJoin(trainingEnrolments, eq(trainingEnrolments.id, trainingSubsidyLines.enrolmentId))
    .innerJoin(people, eq(people.id, trainingEnrolments.personId))
    .leftJoin(units, eq(units.id, trainingEnrolments.unitId))
    .where(eq(trainingSubsidyLines.claimId, claim.id))
    .orderBy(asc(trainingEnrolments.examNumber), asc(trainingEnrolments.id));
  const cur = await currentClaim(ctx.db, c, beijingDay(ctx.clock.now()));
  const lines = rows.map((r) => ({
    enrolmentId: r.l.enrolmentId, name: r.name, idNumberMasked: r.idNumberMasked, unitName: r.unitName,
    sessionsHeld: r.l.sessionsHeld, sessionsAttended: r.l.sessionsAttended, attendancePct: r.l.attendancePct, appraised: r.l.appraised, eligible: r.l.eligible,
    trainingFeeYuan: r.l.trainingFeeYuan, appraisalFeeYuan: r.l.appraisalFeeYuan,
    totalYuan: fenToYuan(yuanToFen(r.l.trainingFeeYuan) + yuanToFen(r.l.appraisalFeeYuan)), reason: r.l.reason,
  }));
  const sumFen = (f: (l: (typeof lines)[number]) => number) => lines.reduce((s, l) => s + yuanToFen(f(l)), 0);
  return {
    id: claim.id, classId: c.id, className: c.name, programmeName: p.name, collegeName: college?.name ?? null, status: claim.status,
    trainingFeeYuan: claim.trainingFeeYuan, appraisalFeeYuan: claim.appraisalFeeYuan, minAttendancePct: c.completionRule.minAttendancePct,
    trainees: claim.trainees, eligible: claim.eligible,
    trainingTotalYuan: fenToYuan(sumFen((l) => l.trainingFeeYuan)), appraisalTotalYuan: fenToYuan(sumFen((l) => l.appraisalFeeYuan)), totalYuan: claim.totalYuan,
    linesHash: claim.linesHash, computedAt: claim.computedAt.toISOString(), submittedAt: claim.submittedAt?.toISOString() ?? null,
    reviewedAt: claim.reviewedAt?.toISOString() ?? null, reviewNote: claim.reviewNote, version: claim.version,
    stale: cur.hash !== claim.linesHash, currentTotalYuan: fenToYuan(cur.totals.totalFen), lines,
  };
}


/**
 * The claims an actor may see, newest first: training staff and the finance body every claim (the
 * finance body's queue is `status=submitted`), a college its own classes' claims.
 */
export async function listClaims(ctx: ServiceContext, q: { status?: ClaimStatus }): Promise<ClaimListItem[]> {
  const a = requireActor(ctx);
  const all = isTrainingStaff(a) || isFinance(a);
  // Other committee bodies have no claims to review; a unit sees its college's (none if it is not one).
  if (!all && !(a.role === 'unit' && a.unitId != null)) return [];
  const rows = await ctx.db.select({ c: trainingSubsidyClaims, className: trainingClasses.name, collegeName: units.name }).from(trainingSubsidyClaims)
    .innerJoin(trainingClasses, eq(trainingClasses.id, trainingSubsidyClaims.classId))
    .leftJoin(units, eq(units.id, trainingClasses.collegeUnitId))
    .where(and(q.status ? eq(trainingSubsidyClaims.status, q.status) : undefined, all ? undefined : eq(trainingClasses.collegeUnitId, a.unitId!)))
    .orderBy(desc(trainingSubsidyClaims.computedAt), desc(trainingSubsidyClaims.id));
  return rows.map(({ c, className, collegeName }) => ({
    id: c.id, classId: c.classId, className, collegeName, status: c.status, trainees: c.trainees, eligible: c.eligible, totalYuan: c.totalYuan,
    computedAt: c.computedAt.toISOString(), submittedAt: c.submittedAt?.toISOString() ?? null,
  }));
}

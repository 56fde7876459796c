import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import { CLASS_STATUS_NAMES } from '../../../shared/training/rules.js';
import type { BusinessPlan } from '../../../shared/training/completion-contracts.js';
import { rubricScore } from '../../../shared/selection/rubric.js';
import { recordAudit } from '../../core/audit/service.js';
import { certificates } from '../../core/certificates/tables.js';
import { readFile, storeFile } from '../../core/files/service.js';
import { storedFiles } from '../../core/files/tables.js';
import { people } from '../../core/people/tables.js';
import { accounts } from '../../core/accounts/tables.js';
import { units } from '../../core/units/tables.js';
import type { Actor, ServiceContext } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.js';
import { requireActor } from '../../policy.js';
import { trainingEnrolments } from '../enrolment/tables.js';
import { beijingDay } from '../programmes/plan-actual.js';
import { classRow, isCollegeOf, isTrainingReader, lockClass, mayTeach, programmeRow, requireClassReader } from '../programmes/policy.js';
import type { ClassRow } from '../programmes/tables.js';
import { trainingBusinessPlans, trainingPlanAssignments, trainingPlanMarks, trainingPlanPanels } from './tables.js';

/**
 * 创业计划书: a trainee of an entrepreneurship class uploads their own plan (title, summary and a
 * PDF or image, its type told by its content) while the class runs, or after it ends up to its
 * graduation; the class's staff (training staff, its college, its teachers) may upload one on a
 * trainee's behalf. One plan per trainee; it can be replaced until the panel has it.
 */
export async function submitPlan(
  ctx: ServiceContext, classId: number, q: { title: string; summary: string; enrolmentId?: number }, file: { fileName: string; buf: Buffer },
): Promise<BusinessPlan> {
  const actor = requireActor(ctx);
  const planId = await ctx.db.transaction(async (tx) => {
    const c = await lockClass(tx, classId);
    const enrolment = await enrolmentFor(tx, c, actor, q.enrolmentId);
    const p = await programmeRow(tx, c.programmeId);
    if (p.kind !== 'entrepreneurship') throw conflict(`「${c.name}」不是创业培训班，不收创业计划书`);
    const today = beijingDay(ctx.clock.now());
    const open = c.status === 'running' || (c.status === 'finished' && c.graduationOn != null && today <= c.graduationOn);
    if (!open) {
      throw conflict(c.status === 'finished'
        ? `培训班「${c.name}」已结业，结业典礼（${c.graduationOn ?? '未定'}）后不能再提交创业计划书`
        : `培训班「${c.name}」${CLASS_STATUS_NAMES[c.status].zh}，开班后才能提交创业计划书`, 'status');
    }
    const [before] = await tx.select().from(trainingBusinessPlans).where(eq(trainingBusinessPlans.enrolmentId, enrolment.id)).for('update');
    if (before) {
      const [assigned] = await tx.select({ id: trainingPlanAssignments.planId }).from(trainingPlanAssignments).where(eq(trainingPlanAssignments.planId, before.id)).limit(1);
      if (assigned || before.commended) throw conflict('该创业计划书已交评审组评审，不能再替换');
    }
    const stored = await storeFile(tx, ctx, { owner: 'training.business-plan', fileName: file.fileName, buf: file.buf });
    const now = ctx.clock.now();
    const values = { title: q.title, summary: q.summary, fileId: stored.id, submittedAt: now, updatedAt: now };
    let id: number;
    if (before) {
      await tx.update(trainingBusinessPlans).set({ ...values, version: before.version + 1 }).where(eq(trainingBusinessPlans.id, before.id));
      id = before.id;
    } else {
      const [row] = await tx.insert(trainingBusinessPlans).values({ ...values, enrolmentId: enrolment.id, classId }).returning({ id: trainingBusinessPlans.id });
      id = row!.id;
    }
    await recordAudit(tx, ctx, {
      action: 'training.plan.submit', entity: 'training_business_plan', entityId: id,
      before: before ? { title: before.title, fileId: before.fileId } : undefined, after: { title: q.title, fileId: stored.id, sha256: stored.sha256, enrolmentId: enrolment.id },
    });
    return id;
  });
  return (await presentPlans(ctx.db, eq(trainingBusinessPlans.id, planId)))[0]!;
}

/** The trainee's own enrolment, or (for the class's staff) the one named; anyone else is refused. */
async function enrolmentFor(tx: DbOrTx, c: ClassRow, actor: Actor, enrolmentId: number | undefined) {
  if (actor.role === 'person') {
    const [e] = await tx.select().from(trainingEnrolments).where(and(eq(trainingEnrolments.classId, c.id), eq(trainingEnrolments.personId, actor.personId ?? -1)));
    if (!e || e.status !== 'enrolled') throw forbidden('您不是该班的在册学员，不能提交创业计划书');
    if (enrolmentId != null && enrolmentId !== e.id) throw forbidden('只能提交本人的创业计划书');
    return e;
  }
  if (!(await mayTeach(tx, c, actor))) throw forbidden('只有学员本人、本班教师、承训院校或培训组可以提交创业计划书');
  if (enrolmentId == null) throw invalid('enrolmentId', '请选择代为提交的学员');
  const [e] = await tx.select().from(trainingEnrolments).where(and(eq(trainingEnrolments.id, enrolmentId), eq(trainingEnrolments.classId, c.id)));
  if (!e || e.status !== 'enrolled') throw invalid('enrolmentId', '该学员不是本班的在册学员');
  return e;
}

/** Plans with their trainee, file name, reviewers (each one's rubric score) and certificate. */
export async function presentPlans(db: DbOrTx, where: SQL): Promise<BusinessPlan[]> {
  const rows = await db.select({ p: trainingBusinessPlans, personName: people.name, unitName: units.name, fileName: storedFiles.fileName, cert: { id: certificates.id, serial: certificates.serial, status: certificates.status } })
    .from(trainingBusinessPlans)
    .innerJoin(trainingEnrolments, eq(trainingEnrolments.id, trainingBusinessPlans.enrolmentId))
    .innerJoin(people, eq(people.id, trainingEnrolments.personId))
    .leftJoin(units, eq(units.id, trainingEnrolments.unitId))
    .leftJoin(storedFiles, eq(storedFiles.id, trainingBusinessPlans.fileId))
    .leftJoin(certificates, and(eq(certificates.sourceKind, 'training-plan'), eq(certificates.sourceId, trainingBusinessPlans.id)))
    .where(where).orderBy(asc(trainingBusinessPlans.id));
  if (rows.length === 0) return [];
  const planIds = rows.map((r) => r.p.id);
  const [assigned, marks] = await Promise.all([
    db.select({ planId: trainingPlanAssignments.planId, reviewerId: trainingPlanAssignments.reviewerId, name: accounts.displayName, rubric: trainingPlanPanels.rubric })
      .from(trainingPlanAssignments).innerJoin(accounts, eq(accounts.id, trainingPlanAssignments.reviewerId))
      .innerJoin(trainingPlanPanels, eq(trainingPlanPanels.id, trainingPlanAssignments.panelId))
      .where(inArray(trainingPlanAssignments.planId, planIds)).orderBy(asc(trainingPlanAssignments.reviewerId)),
    db.select().from(trainingPlanMarks).where(inArray(trainingPlanMarks.planId, planIds)),
  ]);
  return rows.map(({ p, personName, unitName, fileName, cert }) => ({
    id: p.id, enrolmentId: p.enrolmentId, classId: p.classId, personName, unitName, title: p.title, summary: p.summary, fileName,
    submittedAt: p.submittedAt.toISOString(), score: p.score, commended: p.commended, commendedOn: p.commendedOn, version: p.version,
    reviewers: assigned.filter((a) => a.planId === p.id).map((a) => ({
      accountId: a.reviewerId, name: a.name,
      score: rubricScore(a.rubric, Object.fromEntries(marks.filter((m) => m.planId === p.id && m.reviewerId === a.reviewerId).map((m) => [m.criterionCode, m.value]))),
    })),
    certificate: cert?.id != null ? cert : null,
  }));
}

/** 创业计划书 of a class: readers, its college and teachers. */
export async function listPlans(ctx: ServiceContext, classId: number): Promise<BusinessPlan[]> {
  await requireClassReader(ctx, await classRow(ctx.db, classId));
  return presentPlans(ctx.db, eq(trainingBusinessPlans.classId, classId));
}

/** 我的创业计划书 (a trainee's own, every class). */
export async function myPlans(ctx: ServiceContext): Promise<BusinessPlan[]> {
  const a = requireActor(ctx);
  if (a.role !== 'person' || a.personId == null) return [];
  const mine = (await ctx.db.select({ id: trainingEnrolments.id }).from(trainingEnrolments).where(eq(trainingEnrolments.personId, a.personId))).map((e) => e.id);
  return mine.length ? presentPlans(ctx.db, inArray(trainingBusinessPlans.enrolmentId, mine)) : [];
}

/** The plan's file: its owner, training readers, the class's college, and the reviewers it is assigned to. Anyone else: not found. */
export async function planFile(ctx: ServiceContext, planId: number) {
  const a = requireActor(ctx);
  const [p] = await ctx.db.select({ p: trainingBusinessPlans, personId: trainingEnrolments.personId }).from(trainingBusinessPlans)
    .innerJoin(trainingEnrolments, eq(trainingEnrolments.id, trainingBusinessPlans.enrolmentId)).where(eq(trainingBusinessPlans.id, planId));
  if (!p || p.p.fileId == null) throw notFound('创业计划书');
  const c = await classRow(ctx.db, p.p.classId);
  const own = a.role === 'person' && a.personId != null && a.personId === p.personId;
  const reviewer = a.role === 'judge' && (await ctx.db.select({ id: trainingPlanAssignments.planId }).from(trainingPlanAssignments)
    .where(and(eq(trainingPlanAssignments.planId, planId), eq(trainingPlanAssignments.reviewerId, a.id)))).length > 0;
  if (!(own || isTrainingReader(a) || isCollegeOf(c, a) || reviewer)) throw notFound('创业计划书');
  return readFile(ctx.db, p.p.fileId);
}

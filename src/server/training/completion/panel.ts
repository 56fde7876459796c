import { and, asc, eq, inArray } from 'drizzle-orm';
import { recusalReason, type RecusalWords } from '../../../shared/competition/recusal.js';
import { markProblem, rubricScore } from '../../../shared/selection/rubric.js';
import type { MarkInput, PanelInput, PlanPanel, ReviewerPlan } from '../../../shared/training/completion-contracts.js';
import { commendedPlans, planScore } from '../../../shared/training/completion.js';
import { conflictsOf } from '../../competition/judging/panels.js';
import { accounts } from '../../core/accounts/tables.js';
import { recordAudit } from '../../core/audit/service.js';
import { certificates } from '../../core/certificates/tables.js';
import { storedFiles } from '../../core/files/tables.js';
import { people } from '../../core/people/tables.js';
import { units } from '../../core/units/tables.js';
import type { ServiceContext } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.js';
import { requireRole } from '../../policy.js';
import { trainingEnrolments } from '../enrolment/tables.js';
import { isTrainingReader, lockClass, programmeRow, requireTrainingStaff } from '../programmes/policy.js';
import { trainingClasses } from '../programmes/tables.js';
import { appendPlanMarkEvents, verifyPlanChain, type PlanMarkEvent } from './chain.js';
import { trainingBusinessPlans, trainingPlanAssignments, trainingPlanMarks, trainingPlanPanelMembers, trainingPlanPanels } from './tables.js';

/** 回避 in the panel's words: a reviewer never marks a plan of their own unit's trainee, nor one they declared a tie with. */
export const PLAN_WORDS: RecusalWords = { marker: '评审专家', marked: '学员' };

async function presentPanels(db: DbOrTx, rows: (typeof trainingPlanPanels.$inferSelect)[]): Promise<PlanPanel[]> {
  if (rows.length === 0) return [];
  const members = await db.select({ panelId: trainingPlanPanelMembers.panelId, accountId: accounts.id, name: accounts.displayName, unitName: units.name, chair: trainingPlanPanelMembers.chair })
    .from(trainingPlanPanelMembers).innerJoin(accounts, eq(accounts.id, trainingPlanPanelMembers.accountId)).leftJoin(units, eq(units.id, accounts.unitId))
    .where(inArray(trainingPlanPanelMembers.panelId, rows.map((r) => r.id))).orderBy(asc(accounts.id));
  return rows.map((p) => ({
    id: p.id, programmeId: p.programmeId, name: p.name, rubric: p.rubric, commendCount: p.commendCount, commendMinScore: p.commendMinScore, version: p.version,
    members: members.filter((m) => m.panelId === p.id).map(({ panelId: _p, ...m }) => m),
  }));
}

/** 组建评审组 (training staff): a programme's panel, its rubric, the commendation rule and its judge-account members. */
export async function createPanel(ctx: ServiceContext, input: PanelInput): Promise<PlanPanel> {
  requireTrainingStaff(ctx);
  const id = await ctx.db.transaction(async (tx) => {
    const p = await programmeRow(tx, input.programmeId);
    if (p.kind !== 'entrepreneurship') throw invalid('programmeId', '只有创业培训项目评审创业计划书');
    if (input.commendCount == null && input.commendMinScore == null) throw invalid('commendCount', '请设置评优名额或评优分数线');
    const ids = [...new Set(input.members.map((m) => m.accountId))];
    if (ids.length !== input.members.length) throw invalid('members', '评审专家不能重复');
    const judges = await tx.select({ id: accounts.id }).from(accounts).where(and(inArray(accounts.id, ids), eq(accounts.role, 'judge'), eq(accounts.disabled, false)));
    const missing = ids.filter((i) => !judges.some((j) => j.id === i));
    if (missing.length) throw invalid('members', `账号 ${missing.join('、')} 不是可用的评审专家（裁判）账号`);
    const [same] = await tx.select({ id: trainingPlanPanels.id }).from(trainingPlanPanels).where(and(eq(trainingPlanPanels.programmeId, p.id), eq(trainingPlanPanels.name, input.name)));
    if (same) throw conflict(`该项目已有名为「${input.name}」的评审组`, 'name');
    const [row] = await tx.insert(trainingPlanPanels).values({
      programmeId: p.id, name: input.name, rubric: input.rubric, commendCount: input.commendCount, commendMinScore: input.commendMinScore, createdAt: ctx.clock.now(),
    }).returning();
    await tx.insert(trainingPlanPanelMembers).values(input.members.map((m) => ({ panelId: row!.id, accountId: m.accountId, chair: m.chair })));
    await recordAudit(tx, ctx, { action: 'training.panel.create', entity: 'training_plan_panel', entityId: row!.id, after: { name: input.name, members: ids, rubric: input.rubric } });
    return row!.id;
  });
  return (await listPanels(ctx, { id }))[0]!;
}

/** Panels (training readers), of a programme or one by id. */
export async function listPanels(ctx: ServiceContext, q: { programmeId?: number; id?: number }): Promise<PlanPanel[]> {
  const a = requireRole(ctx, 'admin', 'committee');
  if (!isTrainingReader(a)) throw forbidden('只有培训组可以查看评审组');
  const rows = await ctx.db.select().from(trainingPlanPanels)
    .where(and(q.programmeId ? eq(trainingPlanPanels.programmeId, q.programmeId) : undefined, q.id ? eq(trainingPlanPanels.id, q.id) : undefined)).orderBy(asc(trainingPlanPanels.id));
  return presentPanels(ctx.db, rows);
}

/** Judge accounts the staff may put on a panel (names and units only: any committee member may read them). */
export async function panelCandidates(ctx: ServiceContext) {
  requireRole(ctx, 'admin', 'committee');
  return ctx.db.select({ accountId: accounts.id, name: accounts.displayName, unitName: units.name }).from(accounts)
    .leftJoin(units, eq(units.id, accounts.unitId)).where(and(eq(accounts.role, 'judge'), eq(accounts.disabled, false))).orderBy(asc(accounts.id));
}

async function lockPanel(tx: DbOrTx, id: number) {
  const [r] = await tx.select().from(trainingPlanPanels).where(eq(trainingPlanPanels.id, id)).for('update');
  if (!r) throw notFound('评审组');
  return r;
}

/**
 * 分配评审 (training staff): every submitted plan of the class (of the panel's programme) goes to
 * each panel member who need not recuse (own unit, declared unit or person ties: the competition's
 * judge_conflicts). A plan already marked keeps its reviewers; the others are (re)assigned.
 */
export async function assignPlans(ctx: ServiceContext, panelId: number, classId: number) {
  requireTrainingStaff(ctx);
  return ctx.db.transaction(async (tx) => {
    const c = await lockClass(tx, classId);
    const panel = await lockPanel(tx, panelId);
    if (c.programmeId !== panel.programmeId) throw invalid('classId', '该培训班不属于评审组的培训项目');
    const members = (await tx.select({ id: trainingPlanPanelMembers.accountId }).from(trainingPlanPanelMembers).where(eq(trainingPlanPanelMembers.panelId, panelId))).map((m) => m.id);
    const plans = await tx.select({ id: trainingBusinessPlans.id, personId: trainingEnrolments.personId, unitId: trainingEnrolments.unitId, personUnitId: people.unitId })
      .from(trainingBusinessPlans).innerJoin(trainingEnrolments, eq(trainingEnrolments.id, trainingBusinessPlans.enrolmentId))
      .innerJoin(people, eq(people.id, trainingEnrolments.personId)).where(eq(trainingBusinessPlans.classId, classId)).orderBy(asc(trainingBusinessPlans.id));
    if (plans.length === 0) throw conflict(`「${c.name}」还没有学员提交创业计划书`);
    const marked = new Set((await tx.select({ id: trainingPlanMarks.planId }).from(trainingPlanMarks).where(inArray(trainingPlanMarks.planId, plans.map((p) => p.id)))).map((m) => m.id));
    const open = plans.filter((p) => !marked.has(p.id));
    const conflicts = await conflictsOf(tx, members);
    const recused: { planId: number; reviewerId: number; message: string }[] = [];
    const rows: { panelId: number; planId: number; reviewerId: number }[] = [];
    const unassigned: number[] = [];
    for (const p of open) {
      const party = { personId: p.personId, unitId: p.unitId ?? p.personUnitId };
      const free = members.filter((m) => {
        const why = recusalReason(conflicts.get(m)!, party, PLAN_WORDS);
        if (why) recused.push({ planId: p.id, reviewerId: m, message: why.message });
        return !why;
      });
      if (free.length === 0) unassigned.push(p.id);
      rows.push(...free.map((reviewerId) => ({ panelId, planId: p.id, reviewerId })));
    }
    if (open.length) await tx.delete(trainingPlanAssignments).where(inArray(trainingPlanAssignments.planId, open.map((p) => p.id)));
    if (rows.length) await tx.insert(trainingPlanAssignments).values(rows);
    await recordAudit(tx, ctx, { action: 'training.panel.assign', entity: 'training_plan_panel', entityId: panelId, after: { classId, plans: open.length, assignments: rows.length, recused: recused.length, unassigned } });
    return { assigned: open.length - unassigned.length, recused, unassigned };
  });
}

function requireReviewer(ctx: ServiceContext) {
  return requireRole(ctx, 'judge');
}

/** 我的评审 (role judge): only the plans assigned to me, with the rubric and my own marks. */
export async function myReviewPlans(ctx: ServiceContext): Promise<ReviewerPlan[]> {
  const me = requireReviewer(ctx);
  const rows = await ctx.db.select({ a: trainingPlanAssignments, panel: trainingPlanPanels, plan: trainingBusinessPlans, className: trainingClasses.name, fileName: storedFiles.fileName })
    .from(trainingPlanAssignments)
    .innerJoin(trainingPlanPanels, eq(trainingPlanPanels.id, trainingPlanAssignments.panelId))
    .innerJoin(trainingBusinessPlans, eq(trainingBusinessPlans.id, trainingPlanAssignments.planId))
    .innerJoin(trainingClasses, eq(trainingClasses.id, trainingBusinessPlans.classId))
    .leftJoin(storedFiles, eq(storedFiles.id, trainingBusinessPlans.fileId))
    .where(eq(trainingPlanAssignments.reviewerId, me.id)).orderBy(asc(trainingBusinessPlans.id));
  if (rows.length === 0) return [];
  const marks = await ctx.db.select().from(trainingPlanMarks).where(and(eq(trainingPlanMarks.reviewerId, me.id), inArray(trainingPlanMarks.planId, rows.map((r) => r.plan.id))));
  return rows.map(({ panel, plan, className, fileName }) => {
    const mine = marks.filter((m) => m.planId === plan.id);
    return {
      planId: plan.id, panelId: panel.id, panelName: panel.name, className, title: plan.title, summary: plan.summary, fileName, rubric: panel.rubric,
      marks: Object.fromEntries(mine.map((m) => [m.criterionCode, { value: m.value, version: m.version }])),
      score: rubricScore(panel.rubric, Object.fromEntries(mine.map((m) => [m.criterionCode, m.value]))),
    };
  });
}

/**
 * 评分 (role judge, on a plan assigned to them): each criterion with the version the reviewer saw
 * (0: not yet marked); a stale version or a replayed request is refused (409), a mark out of the
 * rubric is refused (400, by criterion), a reviewer who must recuse is refused (403). Each change
 * is a chained event; once every reviewer has marked every criterion the plan's score is their mean.
 */
export async function markPlan(ctx: ServiceContext, planId: number, input: MarkInput): Promise<ReviewerPlan> {
  const me = requireReviewer(ctx);
  await ctx.db.transaction(async (tx) => {
    const [a] = await tx.select().from(trainingPlanAssignments).where(and(eq(trainingPlanAssignments.planId, planId), eq(trainingPlanAssignments.reviewerId, me.id)));
    if (!a) throw notFound('创业计划书');
    const panel = await lockPanel(tx, a.panelId);
    const [party] = await tx.select({ personId: trainingEnrolments.personId, unitId: trainingEnrolments.unitId, personUnitId: people.unitId, commended: trainingBusinessPlans.commended })
      .from(trainingBusinessPlans).innerJoin(trainingEnrolments, eq(trainingEnrolments.id, trainingBusinessPlans.enrolmentId))
      .innerJoin(people, eq(people.id, trainingEnrolments.personId)).where(eq(trainingBusinessPlans.id, planId));
    if (party!.commended) throw conflict('该创业计划书已评优，评分不能再改');
    const why = recusalReason((await conflictsOf(tx, [me.id])).get(me.id)!, { personId: party!.personId, unitId: party!.unitId ?? party!.personUnitId }, PLAN_WORDS);
    if (why) throw forbidden(`${why.message}，不能评分`);
    const saved = await tx.select().from(trainingPlanMarks).where(and(eq(trainingPlanMarks.planId, planId), eq(trainingPlanMarks.reviewerId, me.id)));
    const wasComplete = panel.rubric.every((c) => saved.some((m) => m.criterionCode === c.code));
    const events: PlanMarkEvent[] = [];
    const now = ctx.clock.now();
    for (const [i, m] of input.marks.entries()) {
      const c = panel.rubric.find((r) => r.code === m.code);
      if (!c) throw invalid(`marks.${i}.code`, `评分细则中没有「${m.code}」`);
      const bad = markProblem(c, m.value);
      if (bad) throw invalid(`marks.${i}.value`, bad);
      const prev = saved.find((s) => s.criterionCode === m.code);
      if ((prev?.version ?? 0) !== m.version) throw conflict(`「${c.name}」的评分已被修改（当前第 ${prev?.version ?? 0} 版），请刷新后再评`, `marks.${i}.version`);
      if (prev && prev.value === m.value) continue;
      if (prev && wasComplete && !input.reason) throw invalid('reason', '修改已完成的评分须填写原因');
      const version = m.version + 1;
      if (prev) {
        await tx.update(trainingPlanMarks).set({ value: m.value, version, updatedAt: now })
          .where(and(eq(trainingPlanMarks.planId, planId), eq(trainingPlanMarks.reviewerId, me.id), eq(trainingPlanMarks.criterionCode, m.code)));
      } else {
        await tx.insert(trainingPlanMarks).values({ planId, reviewerId: me.id, criterionCode: m.code, value: m.value, version, updatedAt: now });
      }
      events.push({ kind: 'mark', planId, reviewerId: me.id, criterionCode: m.code, value: m.value, previousValue: prev?.value ?? null, version, reason: input.reason ?? null });
    }
    if (events.length === 0) return;
    await appendPlanMarkEvents(tx, ctx, panel.id, events);
    // The plan's score: the mean of its reviewers' rubric scores, once every one has marked everything.
    const reviewers = (await tx.select({ id: trainingPlanAssignments.reviewerId }).from(trainingPlanAssignments).where(eq(trainingPlanAssignments.planId, planId))).map((r) => r.id);
    const all = await tx.select().from(trainingPlanMarks).where(eq(trainingPlanMarks.planId, planId));
    const score = planScore(reviewers.map((r) => rubricScore(panel.rubric, Object.fromEntries(all.filter((m) => m.reviewerId === r).map((m) => [m.criterionCode, m.value])))));
    await tx.update(trainingBusinessPlans).set({ score, updatedAt: now }).where(eq(trainingBusinessPlans.id, planId));
    await recordAudit(tx, ctx, { action: 'training.plan.mark', entity: 'training_business_plan', entityId: planId, after: { marks: input.marks.map(({ code, value }) => ({ code, value })), reason: input.reason ?? null, score } });
  });
  return (await myReviewPlans(ctx)).find((p) => p.planId === planId)!;
}

/** 核验评审日志 (training readers): recomputes the panel's chain and names the first broken event. */
export async function verifyPanel(ctx: ServiceContext, panelId: number) {
  const a = requireRole(ctx, 'admin', 'committee');
  if (!isTrainingReader(a)) throw forbidden('只有培训组可以核验评审日志');
  const [p] = await ctx.db.select({ id: trainingPlanPanels.id }).from(trainingPlanPanels).where(eq(trainingPlanPanels.id, panelId));
  if (!p) throw notFound('评审组');
  return verifyPlanChain(ctx.db, panelId);
}

/**
 * 评优 at the graduation (training staff): the class's best plans by the panel's rule (the best
 * `commendCount`, or all at or above `commendMinScore`; ties at the boundary all commended),
 * dated the class's graduation. Can be redone until a plan's certificate is issued.
 */
export async function commendPlans(ctx: ServiceContext, classId: number) {
  requireTrainingStaff(ctx);
  return ctx.db.transaction(async (tx) => {
    const c = await lockClass(tx, classId);
    if (!c.graduationOn) throw conflict(`培训班「${c.name}」未定结业典礼日期，请先在培训班中填写`, 'graduationOn');
    if (c.status !== 'running' && c.status !== 'finished') throw conflict(`培训班「${c.name}」尚未开班，不能评优`);
    const plans = await tx.select({ id: trainingBusinessPlans.id, score: trainingBusinessPlans.score, commended: trainingBusinessPlans.commended }).from(trainingBusinessPlans).where(eq(trainingBusinessPlans.classId, classId));
    if (plans.length === 0) throw conflict(`「${c.name}」没有创业计划书`);
    const [issued] = await tx.select({ id: certificates.id }).from(certificates)
      .where(and(eq(certificates.sourceKind, 'training-plan'), inArray(certificates.sourceId, plans.map((p) => p.id)))).limit(1);
    if (issued) throw conflict('已颁发优秀创业计划书证书，不能重新评优');
    const [assigned] = await tx.select({ panelId: trainingPlanAssignments.panelId }).from(trainingPlanAssignments)
      .where(inArray(trainingPlanAssignments.planId, plans.map((p) => p.id))).orderBy(asc(trainingPlanAssignments.panelId)).limit(1);
    if (!assigned) throw conflict('创业计划书尚未分配评审');
    const panel = await lockPanel(tx, assigned.panelId);
    const unscored = plans.filter((p) => p.score == null).length;
    if (unscored) throw conflict(`还有 ${unscored} 份创业计划书未评完分，评完后才能评优`);
    const chosen = new Set(commendedPlans(plans, { count: panel.commendCount, minScore: panel.commendMinScore }));
    const now = ctx.clock.now();
    const ids = plans.map((p) => p.id);
    await tx.update(trainingBusinessPlans).set({ commended: false, commendedOn: null, updatedAt: now }).where(inArray(trainingBusinessPlans.id, ids));
    if (chosen.size) await tx.update(trainingBusinessPlans).set({ commended: true, commendedOn: c.graduationOn, updatedAt: now }).where(inArray(trainingBusinessPlans.id, [...chosen]));
    await recordAudit(tx, ctx, { action: 'training.plan.commend', entity: 'training_class', entityId: classId, after: { commended: [...chosen], on: c.graduationOn, panelId: panel.id } });
    return { commended: chosen.size, commendedOn: c.graduationOn };
  });
}

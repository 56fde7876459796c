import { and, asc, count, eq, inArray, ne, or } from 'drizzle-orm';
import {
  classKindProblem, type ClassData, type ClassListItem, type ClassStatusChange, type ClassUpdateData, type Programme, type ProgrammeData,
  type ProgrammeUpdateData, type TrainingClass,
} from '../../../shared/contracts/training.js';
import { canMoveClass, CLASS_STATUS_NAMES, defaultCompletionRule, type ClassStatus } from '../../../shared/training/rules.js';
import { accounts } from '../../core/accounts/tables.js';
import { recordAudit } from '../../core/audit/service.js';
import { campaigns } from '../../core/campaign/tables.js';
import { trades } from '../../core/trades/tables.js';
import { units } from '../../core/units/tables.js';
import type { ServiceContext } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { conflict, invalid, notFound } from '../../http/errors.js';
import { requireActor } from '../../policy.js';
import { trainingEnrolments } from '../enrolment/tables.js';
import { beijingDay, planActualOf, sumPlanActual } from './plan-actual.js';
import { classRow, isTrainingReader, lockClass, programmeRow, requireClassViewer, requireTrainingStaff } from './policy.js';
import { trainingClasses, trainingClassTeachers, trainingProgrammes, type ClassRow, type ProgrammeRow } from './tables.js';

// ── programmes ────────────────────────────────────────────────────────────────────────────────

async function presentProgrammes(db: DbOrTx, rows: ProgrammeRow[], today: string): Promise<Programme[]> {
  if (rows.length === 0) return [];
  const classes = await db.select().from(trainingClasses).where(and(inArray(trainingClasses.programmeId, rows.map((r) => r.id)), ne(trainingClasses.status, 'cancelled')));
  const pa = await planActualOf(db, classes, today);
  return rows.map((p) => {
    const mine = classes.filter((c) => c.programmeId === p.id);
    return {
      id: p.id, campaignId: p.campaignId, kind: p.kind, name: p.name, description: p.description, plannedTrainees: p.plannedTrainees,
      plannedClasses: p.plannedClasses, trainingFeeYuan: p.trainingFeeYuan, appraisalFeeYuan: p.appraisalFeeYuan, version: p.version,
      classes: mine.length, planActual: sumPlanActual(mine.map((c) => pa.get(c.id)!)),
    };
  });
}

/** Every signed-in account sees which programmes exist (employers nominate, trainees enrol). */
export async function listProgrammes(ctx: ServiceContext): Promise<Programme[]> {
  requireActor(ctx);
  const rows = await ctx.db.select().from(trainingProgrammes).orderBy(asc(trainingProgrammes.id));
  return presentProgrammes(ctx.db, rows, beijingDay(ctx.clock.now()));
}

export async function getProgramme(ctx: ServiceContext, id: number): Promise<Programme> {
  requireActor(ctx);
  return (await presentProgrammes(ctx.db, [await programmeRow(ctx.db, id)], beijingDay(ctx.clock.now())))[0]!;
}

export async function createProgramme(ctx: ServiceContext, input: ProgrammeData): Promise<Programme> {
  requireTrainingStaff(ctx);
  const id = await ctx.db.transaction(async (tx) => {
    if (input.campaignId != null) {
      const [c] = await tx.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.id, input.campaignId));
      if (!c) throw invalid('campaignId', '没有这个技能月活动');
    }
    const now = ctx.clock.now();
    const [row] = await tx.insert(trainingProgrammes).values({
      campaignId: input.campaignId ?? null, kind: input.kind, name: input.name, description: input.description,
      plannedTrainees: input.plannedTrainees ?? null, plannedClasses: input.plannedClasses ?? null,
      trainingFeeYuan: input.trainingFeeYuan, appraisalFeeYuan: input.appraisalFeeYuan, createdBy: ctx.actor!.id, createdAt: now, updatedAt: now,
    }).returning();
    await recordAudit(tx, ctx, { action: 'training.programme.create', entity: 'training_programme', entityId: row!.id, after: { name: row!.name, kind: row!.kind } });
    return row!.id;
  });
  return getProgramme(ctx, id);
}

export async function updateProgramme(ctx: ServiceContext, id: number, input: ProgrammeUpdateData): Promise<Programme> {
  requireTrainingStaff(ctx);
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(trainingProgrammes).where(eq(trainingProgrammes.id, id)).for('update');
    if (!before) throw notFound('培训项目');
    if (before.version !== input.version) throw conflict('该培训项目已被他人修改，请刷新后再改', 'version');
    const values = {
      campaignId: input.campaignId ?? null, name: input.name, description: input.description, plannedTrainees: input.plannedTrainees ?? null,
      plannedClasses: input.plannedClasses ?? null, trainingFeeYuan: input.trainingFeeYuan, appraisalFeeYuan: input.appraisalFeeYuan,
    };
    await tx.update(trainingProgrammes).set({ ...values, version: before.version + 1, updatedAt: ctx.clock.now() }).where(eq(trainingProgrammes.id, id));
    await recordAudit(tx, ctx, { action: 'training.programme.update', entity: 'training_programme', entityId: id, before, after: values });
  });
  return getProgramme(ctx, id);
}

// ── classes ───────────────────────────────────────────────────────────────────────────────────

/** The classes an actor may list: readers all; a college its own; a teacher theirs; an employer the new-technician classes it may nominate to. */
async function visibleClassFilter(ctx: ServiceContext) {
  const a = requireActor(ctx);
  if (isTrainingReader(a)) return undefined;
  const taught = (await ctx.db.select({ id: trainingClassTeachers.classId }).from(trainingClassTeachers).where(eq(trainingClassTeachers.accountId, a.id))).map((r) => r.id);
  const parts = [taught.length ? inArray(trainingClasses.id, taught) : undefined];
  if (a.role === 'unit' && a.unitId != null) parts.push(eq(trainingClasses.collegeUnitId, a.unitId), eq(trainingClasses.targetGroup, 'new-technicians'));
  if (a.role === 'person' && a.personId != null) {
    const mine = (await ctx.db.select({ id: trainingEnrolments.classId }).from(trainingEnrolments).where(eq(trainingEnrolments.personId, a.personId))).map((r) => r.id);
    if (mine.length) parts.push(inArray(trainingClasses.id, mine));
  }
  const defined = parts.filter((p) => p !== undefined);
  return defined.length ? or(...defined) : eq(trainingClasses.id, -1);
}

async function presentClasses(db: DbOrTx, rows: ClassRow[], today: string): Promise<TrainingClass[]> {
  if (rows.length === 0) return [];
  const programmeIds = [...new Set(rows.map((r) => r.programmeId))];
  const tradeIds = [...new Set(rows.flatMap((r) => r.tradeIds))];
  const collegeIds = [...new Set(rows.map((r) => r.collegeUnitId).filter((x): x is number => x != null))];
  const [progs, tradeRows, colleges, teachers, pa] = await Promise.all([
    db.select({ id: trainingProgrammes.id, kind: trainingProgrammes.kind, name: trainingProgrammes.name }).from(trainingProgrammes).where(inArray(trainingProgrammes.id, programmeIds)),
    tradeIds.length ? db.select({ id: trades.id, name: trades.name }).from(trades).where(inArray(trades.id, tradeIds)) : [],
    collegeIds.length ? db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, collegeIds)) : [],
    db.select({ classId: trainingClassTeachers.classId, accountId: accounts.id, displayName: accounts.displayName, role: accounts.role })
      .from(trainingClassTeachers).innerJoin(accounts, eq(accounts.id, trainingClassTeachers.accountId))
      .where(inArray(trainingClassTeachers.classId, rows.map((r) => r.id))).orderBy(asc(accounts.id)),
    planActualOf(db, rows, today),
  ]);
  const prog = new Map(progs.map((p) => [p.id, p]));
  const trade = new Map(tradeRows.map((t) => [t.id, t.name]));
  const college = new Map(colleges.map((u) => [u.id, u.name]));
  return rows.map((c) => ({
    id: c.id, programmeId: c.programmeId, programmeKind: prog.get(c.programmeId)!.kind, programmeName: prog.get(c.programmeId)!.name,
    name: c.name, targetGroup: c.targetGroup, curriculum: c.curriculum, syllabus: c.syllabus, tradeIds: c.tradeIds,
    tradeNames: c.tradeIds.map((t) => trade.get(t) ?? String(t)), collegeUnitId: c.collegeUnitId,
    collegeName: c.collegeUnitId != null ? college.get(c.collegeUnitId) ?? null : null, venue: c.venue, organizers: c.organizers,
    graduationOn: c.graduationOn, quota: c.quota, unitQuota: c.unitQuota, completionRule: c.completionRule,
    trainingFeeYuan: c.trainingFeeYuan, appraisalFeeYuan: c.appraisalFeeYuan, status: c.status, version: c.version,
    teachers: teachers.filter((t) => t.classId === c.id).map(({ accountId, displayName, role }) => ({ accountId, displayName, role })),
    planActual: pa.get(c.id)!,
  }));
}

export async function listClasses(ctx: ServiceContext, q: { programmeId?: number }): Promise<ClassListItem[]> {
  const visible = await visibleClassFilter(ctx);
  const rows = await ctx.db.select().from(trainingClasses)
    .where(and(visible, q.programmeId ? eq(trainingClasses.programmeId, q.programmeId) : undefined))
    .orderBy(asc(trainingClasses.plannedStartOn), asc(trainingClasses.id));
  return (await presentClasses(ctx.db, rows, beijingDay(ctx.clock.now()))).map(({ syllabus: _s, teachers: _t, completionRule: _r, ...rest }) => rest);
}

export async function getClass(ctx: ServiceContext, id: number): Promise<TrainingClass> {
  const c = await classRow(ctx.db, id);
  await requireClassViewer(ctx, c);
  return (await presentClasses(ctx.db, [c], beijingDay(ctx.clock.now())))[0]!;
}

type ClassFieldsOut = Omit<ClassUpdateData, 'version'>;

/** Checks the references a class names (college is a school, trades and teacher accounts exist). */
async function checkClassRefs(tx: DbOrTx, input: ClassFieldsOut): Promise<void> {
  if (input.collegeUnitId != null) {
    const [u] = await tx.select({ kind: units.kind }).from(units).where(eq(units.id, input.collegeUnitId));
    if (!u) throw invalid('collegeUnitId', '没有这个承训院校');
    if (u.kind !== 'school') throw invalid('collegeUnitId', '承训单位须为院校（学校）');
  }
  if (input.tradeIds.length) {
    const found = await tx.select({ id: trades.id }).from(trades).where(inArray(trades.id, input.tradeIds));
    const missing = input.tradeIds.find((t) => !found.some((f) => f.id === t));
    if (missing != null) throw invalid('tradeIds', `没有编号为 ${missing} 的工种`);
  }
  if (input.teacherAccountIds.length) {
    const found = await tx.select({ id: accounts.id, role: accounts.role, disabled: accounts.disabled }).from(accounts).where(inArray(accounts.id, input.teacherAccountIds));
    for (const t of input.teacherAccountIds) {
      const f = found.find((x) => x.id === t);
      if (!f || f.disabled) throw invalid('teacherAccountIds', `没有编号为 ${t} 的可用账号`);
      if (f.role !== 'judge' && f.role !== 'unit') throw invalid('teacherAccountIds', '教师账号须为专家（裁判）或院校账号');
    }
  }
  if (input.quota < input.plannedSize) throw invalid('quota', '名额不能少于计划人数');
}

const classValues = (input: ClassFieldsOut, defaults: { trainingFeeYuan: number; appraisalFeeYuan: number }, kind: ProgrammeRow['kind']) => ({
  name: input.name, targetGroup: input.targetGroup, curriculum: input.curriculum, syllabus: input.syllabus, tradeIds: input.tradeIds,
  collegeUnitId: input.collegeUnitId ?? null, venue: input.venue, organizers: input.organizers, plannedStartOn: input.plannedStartOn,
  plannedEndOn: input.plannedEndOn, graduationOn: input.graduationOn ?? null, plannedSize: input.plannedSize, quota: input.quota,
  unitQuota: input.unitQuota ?? null, completionRule: input.completionRule ?? defaultCompletionRule(kind, input.targetGroup),
  trainingFeeYuan: input.trainingFeeYuan ?? defaults.trainingFeeYuan, appraisalFeeYuan: input.appraisalFeeYuan ?? defaults.appraisalFeeYuan,
});

async function setTeachers(tx: DbOrTx, classId: number, ids: readonly number[]): Promise<void> {
  await tx.delete(trainingClassTeachers).where(eq(trainingClassTeachers.classId, classId));
  if (ids.length) await tx.insert(trainingClassTeachers).values([...new Set(ids)].map((accountId) => ({ classId, accountId })));
}

export async function createClass(ctx: ServiceContext, input: ClassData): Promise<TrainingClass> {
  requireTrainingStaff(ctx);
  const id = await ctx.db.transaction(async (tx) => {
    const p = await programmeRow(tx, input.programmeId).catch(() => { throw invalid('programmeId', '没有这个培训项目'); });
    const problem = classKindProblem(p.kind, input);
    if (problem) throw invalid(problem.field, problem.message);
    await checkClassRefs(tx, input);
    const now = ctx.clock.now();
    const [row] = await tx.insert(trainingClasses).values({ programmeId: p.id, ...classValues(input, p, p.kind), createdBy: ctx.actor!.id, createdAt: now, updatedAt: now }).returning();
    await setTeachers(tx, row!.id, input.teacherAccountIds);
    await recordAudit(tx, ctx, { action: 'training.class.create', entity: 'training_class', entityId: row!.id, after: { name: row!.name, programmeId: p.id } });
    return row!.id;
  });
  return getClass(ctx, id);
}

/** Edits a class until it finishes; the plan stays as planned (actual dates are set by its status changes). */
export async function updateClass(ctx: ServiceContext, id: number, input: ClassUpdateData): Promise<TrainingClass> {
  requireTrainingStaff(ctx);
  await ctx.db.transaction(async (tx) => {
    const before = await lockClass(tx, id);
    if (before.version !== input.version) throw conflict('该培训班已被他人修改，请刷新后再改', 'version');
    if (before.status === 'finished' || before.status === 'cancelled') throw conflict(`培训班${CLASS_STATUS_NAMES[before.status].zh}，不能再修改`);
    const p = await programmeRow(tx, before.programmeId);
    const problem = classKindProblem(p.kind, input);
    if (problem) throw invalid(problem.field, problem.message);
    await checkClassRefs(tx, input);
    const [{ n }] = (await tx.select({ n: count() }).from(trainingEnrolments).where(and(eq(trainingEnrolments.classId, id), eq(trainingEnrolments.status, 'enrolled')))) as [{ n: number }];
    if (input.quota < n) throw invalid('quota', `已录取 ${n} 人，名额不能少于已录取人数`);
    const values = classValues(input, before, p.kind);
    await tx.update(trainingClasses).set({ ...values, version: before.version + 1, updatedAt: ctx.clock.now() }).where(eq(trainingClasses.id, id));
    await setTeachers(tx, id, input.teacherAccountIds);
    await recordAudit(tx, ctx, { action: 'training.class.update', entity: 'training_class', entityId: id, before, after: { ...values, teacherAccountIds: input.teacherAccountIds } });
  });
  return getClass(ctx, id);
}

type StatusHook = (tx: DbOrTx, ctx: ServiceContext, c: ClassRow, to: ClassStatus, on: string) => Promise<void>;
const statusHooks: StatusHook[] = [];
/**
 * Modules that act when a class changes status register here (e.g. completion writes the
 * outcomes when a class finishes; a hook that throws refuses the change).
 */
export function onClassStatus(hook: StatusHook): void {
  statusHooks.push(hook);
}

/** 开始报名 → 开班 (actual start) → 结业 (actual end); or cancel before it runs. */
export async function changeClassStatus(ctx: ServiceContext, id: number, input: ClassStatusChange): Promise<TrainingClass> {
  requireTrainingStaff(ctx);
  await ctx.db.transaction(async (tx) => {
    const before = await lockClass(tx, id);
    if (before.version !== input.version) throw conflict('该培训班已被他人修改，请刷新后再改', 'version');
    if (!canMoveClass(before.status, input.to)) throw conflict(`培训班${CLASS_STATUS_NAMES[before.status].zh}，不能改为「${CLASS_STATUS_NAMES[input.to].zh}」`, 'to');
    const on = input.on ?? beijingDay(ctx.clock.now());
    const dates = input.to === 'running' ? { actualStartOn: on } : input.to === 'finished' ? { actualEndOn: on } : {};
    if (input.to === 'finished' && before.actualStartOn && on < before.actualStartOn) throw invalid('on', '结业日期不能早于开班日期');
    for (const hook of statusHooks) await hook(tx, ctx, before, input.to, on);
    await tx.update(trainingClasses).set({ status: input.to, ...dates, version: before.version + 1, updatedAt: ctx.clock.now() }).where(eq(trainingClasses.id, id));
    await recordAudit(tx, ctx, { action: 'training.class.status', entity: 'training_class', entityId: id, before: { status: before.status }, after: { status: input.to, ...dates } });
  });
  return getClass(ctx, id);
}

import { and, asc, eq, gte, inArray, lte, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type { CalendarSession, PublicClass, SessionData, SessionUpdate, TrainingSession } from '../../../shared/contracts/training.js';
import { accounts } from '../../core/accounts/tables.js';
import { recordAudit } from '../../core/audit/service.js';
import { units } from '../../core/units/tables.js';
import type { ServiceContext } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.js';
import { requireActor } from '../../policy.js';
import { trainingEnrolments } from '../enrolment/tables.js';
import { classRow, isCollegeOf, isTrainingReader, isTrainingStaff, lockClass, mayTeach, requireClassStatus } from './policy.js';
import { trainingClasses, trainingProgrammes, trainingSessions, type ClassRow, type SessionRow } from './tables.js';

export const presentSession = (s: SessionRow): TrainingSession => ({
  id: s.id, classId: s.classId, day: s.day, startsAt: s.startsAt, endsAt: s.endsAt, room: s.room, topic: s.topic,
  teacherName: s.teacherName, teacherAccountId: s.teacherAccountId, status: s.status,
  checkinOpen: s.checkinOpenedAt != null && s.checkinClosedAt == null, version: s.version,
});

/** A class's sessions: its readers and teachers, and its own enrolled trainees. */
export async function listSessions(ctx: ServiceContext, classId: number): Promise<TrainingSession[]> {
  const a = requireActor(ctx);
  const c = await classRow(ctx.db, classId);
  const reader = a.role === 'admin' || a.role === 'committee' || (await mayTeach(ctx.db, c, a));
  if (!reader) {
    const [e] = a.personId != null
      ? await ctx.db.select({ id: trainingEnrolments.id }).from(trainingEnrolments)
        .where(and(eq(trainingEnrolments.classId, classId), eq(trainingEnrolments.personId, a.personId), eq(trainingEnrolments.status, 'enrolled')))
      : [];
    if (!e) throw notFound('培训班');
  }
  const rows = await ctx.db.select().from(trainingSessions).where(eq(trainingSessions.classId, classId)).orderBy(asc(trainingSessions.day), asc(trainingSessions.startsAt), asc(trainingSessions.id));
  return rows.map(presentSession);
}

/** Staff and the college schedule a class's sessions, until it finishes. */
function requireScheduler(ctx: ServiceContext, c: ClassRow): void {
  const a = requireActor(ctx);
  if (!isTrainingStaff(a) && !isCollegeOf(c, a)) throw forbidden('只有培训组或承训院校可以排课');
}

async function checkTeacher(tx: DbOrTx, id: number | null | undefined): Promise<void> {
  if (id == null) return;
  const [t] = await tx.select({ role: accounts.role }).from(accounts).where(eq(accounts.id, id));
  if (!t || (t.role !== 'judge' && t.role !== 'unit')) throw invalid('teacherAccountId', '授课教师须为专家（裁判）或院校账号');
}

const sessionValues = (v: SessionData) => ({
  day: v.day, startsAt: v.startsAt, endsAt: v.endsAt, room: v.room, topic: v.topic, teacherName: v.teacherName, teacherAccountId: v.teacherAccountId ?? null,
});

export async function createSession(ctx: ServiceContext, classId: number, input: SessionData): Promise<TrainingSession> {
  requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const c = await lockClass(tx, classId);
    requireScheduler(ctx, c);
    requireClassStatus(c, ['planned', 'enrolling', 'running'], '排课');
    await checkTeacher(tx, input.teacherAccountId);
    const now = ctx.clock.now();
    const [row] = await tx.insert(trainingSessions).values({ classId, ...sessionValues(input), createdAt: now, updatedAt: now }).returning();
    await recordAudit(tx, ctx, { action: 'training.session.create', entity: 'training_session', entityId: row!.id, after: { classId, ...sessionValues(input) } });
    return presentSession(row!);
  });
}

async function lockSession(tx: DbOrTx, id: number): Promise<{ s: SessionRow; c: ClassRow }> {
  const [s0] = await tx.select({ classId: trainingSessions.classId }).from(trainingSessions).where(eq(trainingSessions.id, id));
  if (!s0) throw notFound('课次');
  const c = await lockClass(tx, s0.classId);
  const [s] = await tx.select().from(trainingSessions).where(eq(trainingSessions.id, id));
  return { s: s!, c };
}

export async function updateSession(ctx: ServiceContext, id: number, input: z.output<typeof SessionUpdate>): Promise<TrainingSession> {
  requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const { s, c } = await lockSession(tx, id);
    requireScheduler(ctx, c);
    requireClassStatus(c, ['planned', 'enrolling', 'running'], '修改课次');
    if (s.version !== input.version) throw conflict('该课次已被他人修改，请刷新后再改', 'version');
    await checkTeacher(tx, input.teacherAccountId);
    const values = sessionValues(input);
    const [row] = await tx.update(trainingSessions).set({ ...values, version: s.version + 1, updatedAt: ctx.clock.now() }).where(eq(trainingSessions.id, id)).returning();
    await recordAudit(tx, ctx, { action: 'training.session.update', entity: 'training_session', entityId: id, before: sessionValues(s as SessionData), after: values });
    return presentSession(row!);
  });
}

/** Cancels a session (it no longer counts toward attendance) or restores it. */
export async function cancelSession(ctx: ServiceContext, id: number, input: { version: number; cancelled: boolean }): Promise<TrainingSession> {
  requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const { s, c } = await lockSession(tx, id);
    requireScheduler(ctx, c);
    requireClassStatus(c, ['planned', 'enrolling', 'running'], '取消课次');
    if (s.version !== input.version) throw conflict('该课次已被他人修改，请刷新后再改', 'version');
    const status = input.cancelled ? 'cancelled' as const : 'scheduled' as const;
    const [row] = await tx.update(trainingSessions).set({ status, checkinClosedAt: s.checkinOpenedAt && !s.checkinClosedAt ? ctx.clock.now() : s.checkinClosedAt, version: s.version + 1, updatedAt: ctx.clock.now() })
      .where(eq(trainingSessions.id, id)).returning();
    await recordAudit(tx, ctx, { action: 'training.session.cancel', entity: 'training_session', entityId: id, before: { status: s.status }, after: { status } });
    return presentSession(row!);
  });
}

/** 开班课表 on the public site: classes that are enrolling, running or finished, with their sessions; no trainee data. */
export async function publicSchedule(db: DbOrTx): Promise<PublicClass[]> {
  const rows = await db.select({ c: trainingClasses, programmeName: trainingProgrammes.name, programmeKind: trainingProgrammes.kind, collegeName: units.name })
    .from(trainingClasses).innerJoin(trainingProgrammes, eq(trainingProgrammes.id, trainingClasses.programmeId))
    .leftJoin(units, eq(units.id, trainingClasses.collegeUnitId))
    .where(inArray(trainingClasses.status, ['enrolling', 'running', 'finished']))
    .orderBy(asc(trainingClasses.plannedStartOn), asc(trainingClasses.id));
  if (rows.length === 0) return [];
  const sessions = await db.select().from(trainingSessions)
    .where(and(inArray(trainingSessions.classId, rows.map((r) => r.c.id)), ne(trainingSessions.status, 'cancelled')))
    .orderBy(asc(trainingSessions.day), asc(trainingSessions.startsAt));
  return rows.map(({ c, programmeName, programmeKind, collegeName }) => ({
    id: c.id, programmeName, programmeKind, name: c.name, targetGroup: c.targetGroup, curriculum: c.curriculum, collegeName,
    venue: c.venue, organizers: c.organizers, plannedStartOn: c.plannedStartOn, plannedEndOn: c.plannedEndOn, actualStartOn: c.actualStartOn, status: c.status,
    sessions: sessions.filter((s) => s.classId === c.id).map(({ day, startsAt, endsAt, room, topic, teacherName, status }) => ({ day, startsAt, endsAt, room, topic, teacherName, status })),
  }));
}

/** 课程日历: every scheduled or cancelled session between two days, across classes (readers only). */
export async function sessionsCalendar(ctx: ServiceContext, q: { from: string; to: string; programmeId?: number }): Promise<CalendarSession[]> {
  const a = requireActor(ctx);
  if (!isTrainingReader(a)) throw forbidden('只有培训组和组委会可以查看课程日历');
  const rows = await ctx.db.select({ s: trainingSessions, className: trainingClasses.name, programmeId: trainingClasses.programmeId, classStatus: trainingClasses.status })
    .from(trainingSessions).innerJoin(trainingClasses, eq(trainingClasses.id, trainingSessions.classId))
    .where(and(gte(trainingSessions.day, q.from), lte(trainingSessions.day, q.to), ne(trainingClasses.status, 'cancelled'),
      q.programmeId ? eq(trainingClasses.programmeId, q.programmeId) : undefined))
    .orderBy(asc(trainingSessions.day), asc(trainingSessions.startsAt), asc(trainingSessions.id));
  return rows.map(({ s, className, programmeId, classStatus }) => ({ ...presentSession(s), className, programmeId, classStatus }));
}

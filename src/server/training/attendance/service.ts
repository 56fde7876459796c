import { and, asc, eq, inArray } from 'drizzle-orm';
import type { AttendanceInput, AttendanceMatrix, MyClass, Roster, RosterLine } from '../../../shared/training/checkin-contracts.js';
import { attended, type AttendanceStatus } from '../../../shared/training/rules.js';
import { recordAudit } from '../../core/audit/service.js';
import { people } from '../../core/people/tables.js';
import { units } from '../../core/units/tables.js';
import type { ServiceContext } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.js';
import { requireActor } from '../../policy.js';
import { trainingEnrolments } from '../enrolment/tables.js';
import { beijingDay } from '../programmes/plan-actual.js';
import { classRow, lockClass, requireClassReader, requireClassStatus, requireTeacher } from '../programmes/policy.js';
import { trainingClasses, trainingSessions, type ClassRow, type SessionRow } from '../programmes/tables.js';
import { trainingAttendance } from './tables.js';

export async function sessionAndClass(db: DbOrTx, sessionId: number): Promise<{ s: SessionRow; c: ClassRow }> {
  const [s] = await db.select().from(trainingSessions).where(eq(trainingSessions.id, sessionId));
  if (!s) throw notFound('课次');
  return { s, c: await classRow(db, s.classId) };
}

/** A class's enrolled trainees (status enrolled), by name, with masked ID numbers and their unit. */
export async function enrolledTrainees(db: DbOrTx, classId: number) {
  return db.select({ enrolmentId: trainingEnrolments.id, name: people.name, idNumberMasked: people.idNumberMasked, unitName: units.name })
    .from(trainingEnrolments).innerJoin(people, eq(people.id, trainingEnrolments.personId)).leftJoin(units, eq(units.id, trainingEnrolments.unitId))
    .where(and(eq(trainingEnrolments.classId, classId), eq(trainingEnrolments.status, 'enrolled')))
    .orderBy(asc(trainingEnrolments.id));
}

const countsOf = (statuses: readonly (AttendanceStatus | null)[]) => ({
  present: statuses.filter((s) => s === 'present').length, late: statuses.filter((s) => s === 'late').length,
  absent: statuses.filter((s) => s === 'absent').length, excused: statuses.filter((s) => s === 'excused').length,
});

/** 点名册: the session's enrolled trainees and how each was recorded (teachers, the college, staff). */
export async function roster(ctx: ServiceContext, sessionId: number): Promise<Roster> {
  requireActor(ctx);
  const { s, c } = await sessionAndClass(ctx.db, sessionId);
  await requireTeacher(ctx, c);
  const [trainees, records] = await Promise.all([
    enrolledTrainees(ctx.db, c.id),
    ctx.db.select().from(trainingAttendance).where(eq(trainingAttendance.sessionId, s.id)),
  ]);
  const byEnrolment = new Map(records.map((r) => [r.enrolmentId, r]));
  const lines: RosterLine[] = trainees.map((t) => {
    const r = byEnrolment.get(t.enrolmentId);
    return { ...t, status: r?.status ?? null, method: r?.method ?? null, recordedAt: r?.recordedAt.toISOString() ?? null, note: r?.note ?? null, version: r?.version ?? null };
  });
  return {
    session: {
      id: s.id, classId: c.id, className: c.name, classStatus: c.status, day: s.day, startsAt: s.startsAt, endsAt: s.endsAt, room: s.room, topic: s.topic,
      teacherName: s.teacherName, status: s.status, checkinOpen: s.checkinOpenedAt != null && s.checkinClosedAt == null,
    },
    lines,
    counts: { enrolled: lines.length, ...countsOf(lines.map((l) => l.status)), unmarked: lines.filter((l) => l.status == null).length },
  };
}

/**
 * 点名 or 签到表录入: the teacher records (or corrects) trainees' attendance for a session of a
 * running class. A correction names the version it read; each change keeps its before and after
 * in the audit log; an unchanged entry is left as it is (its method and recorder too).
 */
export async function saveAttendance(ctx: ServiceContext, sessionId: number, input: AttendanceInput): Promise<{ changed: number; unchanged: number }> {
  const a = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const [s0] = await tx.select({ classId: trainingSessions.classId }).from(trainingSessions).where(eq(trainingSessions.id, sessionId));
    if (!s0) throw notFound('课次');
    const c = await lockClass(tx, s0.classId);
    await requireTeacher(ctx, c, tx);
    requireClassStatus(c, ['running'], '记考勤');
    const [s] = await tx.select().from(trainingSessions).where(eq(trainingSessions.id, sessionId));
    if (s!.status === 'cancelled') throw conflict('该课次已取消，不记考勤');
    const ids = input.entries.map((e) => e.enrolmentId);
    const dup = ids.findIndex((id, i) => ids.indexOf(id) !== i);
    if (dup >= 0) throw invalid(`entries.${dup}.enrolmentId`, '同一学员出现了两次');
    const enrolled = new Set((await tx.select({ id: trainingEnrolments.id }).from(trainingEnrolments)
      .where(and(eq(trainingEnrolments.classId, c.id), eq(trainingEnrolments.status, 'enrolled'), inArray(trainingEnrolments.id, ids)))).map((r) => r.id));
    const existing = new Map((await tx.select().from(trainingAttendance)
      .where(and(eq(trainingAttendance.sessionId, sessionId), inArray(trainingAttendance.enrolmentId, ids))).for('update')).map((r) => [r.enrolmentId, r]));
    const now = ctx.clock.now();
    let changed = 0;
    for (const [i, e] of input.entries.entries()) {
      if (!enrolled.has(e.enrolmentId)) throw invalid(`entries.${i}.enrolmentId`, `第 ${i + 1} 条：不是本班在册学员`);
      const before = existing.get(e.enrolmentId);
      const note = e.note || null;
      if (before && e.version !== before.version) throw conflict(`第 ${i + 1} 条：该学员的考勤已被修改（${before.method === 'qr' ? '扫码' : '他人录入'}），请刷新后再改`, `entries.${i}.version`);
      if (before && before.status === e.status && before.note === note) continue;
      const values = { status: e.status, method: input.method, recordedBy: a.id, recordedAt: now, note };
      if (before) {
        await tx.update(trainingAttendance).set({ ...values, version: before.version + 1 })
          .where(and(eq(trainingAttendance.sessionId, sessionId), eq(trainingAttendance.enrolmentId, e.enrolmentId)));
      } else {
        await tx.insert(trainingAttendance).values({ sessionId, enrolmentId: e.enrolmentId, ...values });
      }
      await recordAudit(tx, ctx, {
        action: before ? 'training.attendance.correct' : 'training.attendance.record', entity: 'training_attendance', entityId: `${sessionId}:${e.enrolmentId}`,
        before: before ? { status: before.status, method: before.method, note: before.note } : null, after: { status: e.status, method: input.method, note },
      });
      changed++;
    }
    return { changed, unchanged: input.entries.length - changed };
  });
}

/** Held sessions: not cancelled, on or before today (Beijing). */
const heldBy = (today: string) => (s: SessionRow) => s.status !== 'cancelled' && s.day <= today;
const pctOf = (n: number, d: number) => (d === 0 ? 0 : Math.round((n * 1000) / d) / 10);

/** 考勤热力图 of a class: its readers (staff and committee), its college, its teachers. */
export async function attendanceMatrix(ctx: ServiceContext, classId: number): Promise<AttendanceMatrix> {
  const c = await classRow(ctx.db, classId);
  await requireClassReader(ctx, c);
  const today = beijingDay(ctx.clock.now());
  const [sessions, trainees, records] = await Promise.all([
    ctx.db.select().from(trainingSessions).where(eq(trainingSessions.classId, classId)).orderBy(asc(trainingSessions.day), asc(trainingSessions.startsAt), asc(trainingSessions.id)),
    enrolledTrainees(ctx.db, classId),
    ctx.db.select({ sessionId: trainingAttendance.sessionId, enrolmentId: trainingAttendance.enrolmentId, status: trainingAttendance.status, method: trainingAttendance.method })
      .from(trainingAttendance).innerJoin(trainingSessions, eq(trainingSessions.id, trainingAttendance.sessionId)).where(eq(trainingSessions.classId, classId)),
  ]);
  const shown = sessions.filter((s) => s.status !== 'cancelled');
  const heldIds = new Set(shown.filter(heldBy(today)).map((s) => s.id));
  const enrolledIds = new Set(trainees.map((t) => t.enrolmentId));
  const cells = records.filter((r) => enrolledIds.has(r.enrolmentId) && shown.some((s) => s.id === r.sessionId));
  return {
    sessions: shown.map((s) => ({ id: s.id, day: s.day, startsAt: s.startsAt, topic: s.topic, held: heldIds.has(s.id), counts: countsOf(cells.filter((r) => r.sessionId === s.id).map((r) => r.status)) })),
    trainees: trainees.map((t) => {
      const n = cells.filter((r) => r.enrolmentId === t.enrolmentId && heldIds.has(r.sessionId) && attended(r.status)).length;
      return { enrolmentId: t.enrolmentId, name: t.name, idNumberMasked: t.idNumberMasked, attended: n, held: heldIds.size, pct: pctOf(n, heldIds.size) };
    }),
    cells,
    held: heldIds.size,
  };
}

/** 我的培训: the signed-in trainee's classes (enrolled), their sessions and their own attendance. */
export async function myClasses(ctx: ServiceContext): Promise<MyClass[]> {
  const a = requireActor(ctx);
  if (a.role !== 'person') throw forbidden('请用学员账号登录');
  if (a.personId == null) return []; // a personal account not linked to a person has no classes
  const mine = await ctx.db.select({ e: trainingEnrolments, c: trainingClasses, collegeName: units.name })
    .from(trainingEnrolments).innerJoin(trainingClasses, eq(trainingClasses.id, trainingEnrolments.classId)).leftJoin(units, eq(units.id, trainingClasses.collegeUnitId))
    .where(and(eq(trainingEnrolments.personId, a.personId), eq(trainingEnrolments.status, 'enrolled'))).orderBy(asc(trainingClasses.plannedStartOn), asc(trainingClasses.id));
  if (mine.length === 0) return [];
  const classIds = mine.map((m) => m.c.id);
  const [sessions, records] = await Promise.all([
    ctx.db.select().from(trainingSessions).where(inArray(trainingSessions.classId, classIds)).orderBy(asc(trainingSessions.day), asc(trainingSessions.startsAt), asc(trainingSessions.id)),
    ctx.db.select().from(trainingAttendance).where(inArray(trainingAttendance.enrolmentId, mine.map((m) => m.e.id))),
  ]);
  const today = beijingDay(ctx.clock.now());
  return mine.map(({ e, c, collegeName }) => {
    const own = sessions.filter((s) => s.classId === c.id);
    const rec = new Map(records.filter((r) => r.enrolmentId === e.id).map((r) => [r.sessionId, r]));
    const held = own.filter(heldBy(today));
    const n = held.filter((s) => { const r = rec.get(s.id); return !!r && attended(r.status); }).length;
    return {
      id: c.id, name: c.name, status: c.status, collegeName, venue: c.venue, plannedStartOn: c.plannedStartOn, plannedEndOn: c.plannedEndOn, businessPlanRequired: c.completionRule.businessPlanRequired,
      sessions: own.map((s) => {
        const r = rec.get(s.id);
        return {
          id: s.id, day: s.day, startsAt: s.startsAt, endsAt: s.endsAt, room: s.room, topic: s.topic, status: s.status,
          checkinOpen: s.checkinOpenedAt != null && s.checkinClosedAt == null, attendance: r ? { status: r.status, method: r.method } : null,
        };
      }),
      attended: n, held: held.length, pct: pctOf(n, held.length),
    };
  });
}


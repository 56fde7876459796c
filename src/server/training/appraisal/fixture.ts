import { eq } from 'drizzle-orm';
import type { AttendanceStatus } from '../../../shared/training/rules.js';
import { buildPerson, call, type TestEnv } from '../../test/harness.js';
import { trainingAttendance } from '../attendance/tables.js';
import { trainingEnrolments } from '../enrolment/tables.js';
import type { trainingWorld } from '../fixture.js';
import { trainingClasses, trainingSessions } from '../programmes/tables.js';

type World = Awaited<ReturnType<typeof trainingWorld>>;

/** A running new-technician class of the world's programme (a fresh one, so each test has its own). */
export async function runningNewTechClass(env: TestEnv, w: World, name: string, fees?: { trainingFeeYuan: number; appraisalFeeYuan: number }) {
  const cls = await w.post('/api/training/classes', {
    programmeId: w.newTech.id, name, targetGroup: 'new-technicians', curriculum: 'syllabus', tradeIds: [w.trades.electrician.id, w.trades.fitter.id],
    collegeUnitId: w.college.id, plannedStartOn: '2009-05-13', plannedEndOn: '2009-06-21', plannedSize: 50, quota: 90, unitQuota: 10,
  });
  // Set directly: the class form's Yuan check refuses 620.3 (620.3 × 100 is not an integer in floats).
  if (fees) await env.database.db.update(trainingClasses).set(fees).where(eq(trainingClasses.id, cls.id));
  await w.post(`/api/training/classes/${cls.id}/status`, { to: 'enrolling', version: 1 });
  await w.post(`/api/training/classes/${cls.id}/status`, { to: 'running', version: 2, on: '2009-05-13' });
  return cls as { id: number; name: string };
}

export async function finishClass(env: TestEnv, w: World, classId: number) {
  const [c] = await env.database.db.select({ version: trainingClasses.version }).from(trainingClasses).where(eq(trainingClasses.id, classId));
  const r = await call(env, w.staff, 'POST', `/api/training/classes/${classId}/status`, { to: 'finished', version: c!.version, on: '2009-06-21' });
  if (r.statusCode !== 200) throw new Error(r.body);
}

/** `n` sessions held in 2009 (and `cancelled` cancelled ones), inserted directly (the sessions helper's tables). */
export async function insertSessions(env: TestEnv, classId: number, n: number, cancelled = 0) {
  const now = new Date();
  const rows = Array.from({ length: n + cancelled }, (_, i) => ({
    classId, day: `2009-05-${String(13 + i).padStart(2, '0')}`, startsAt: '08:30', endsAt: '11:30', topic: `第${i + 1}讲`,
    status: (i < n ? 'scheduled' : 'cancelled') as 'scheduled' | 'cancelled', createdAt: now, updatedAt: now,
  }));
  return (await env.database.db.insert(trainingSessions).values(rows).returning({ id: trainingSessions.id })).map((s) => s.id);
}

/** Enrolled trainees of an employer with exam numbers (as the enrolment helper leaves them). */
export async function insertTrainees(env: TestEnv, w: World, classId: number, names: string[], prefix: string, tradeId?: number) {
  const now = new Date();
  const out: { enrolmentId: number; personId: number; name: string; examNumber: string; idNumber: string }[] = [];
  for (const [i, name] of names.entries()) {
    const person = await buildPerson(env, w.employer.id, { name, tradeId });
    const examNumber = `${prefix}${String(i + 1).padStart(3, '0')}`;
    const [e] = await env.database.db.insert(trainingEnrolments).values({
      classId, personId: person.id, status: 'enrolled', source: 'employer', unitId: w.employer.id, confirmedLevel: 3, examNumber, createdAt: now, updatedAt: now,
    }).returning({ id: trainingEnrolments.id });
    out.push({ enrolmentId: e!.id, personId: person.id, name, examNumber, idNumber: person.idNumber });
  }
  return out;
}

/** Attendance rows (one status per session, in order), taken by roster. */
export async function insertAttendance(env: TestEnv, sessionIds: number[], enrolmentId: number, statuses: AttendanceStatus[]) {
  const rows = statuses.map((status, i) => ({ sessionId: sessionIds[i]!, enrolmentId, status, method: 'roster' as const, recordedAt: new Date() }));
  if (rows.length) await env.database.db.insert(trainingAttendance).values(rows);
}

/** "P" present, "L" late, "A" absent, "E" excused → statuses. */
export const marks = (s: string): AttendanceStatus[] =>
  [...s].map((ch) => ({ P: 'present', L: 'late', A: 'absent', E: 'excused' } as const)[ch as 'P' | 'L' | 'A' | 'E']);

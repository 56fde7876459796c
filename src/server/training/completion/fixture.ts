import crypto from 'node:crypto';
import { trainingAttendance } from '../attendance/tables.js';
import { trainingEnrolments } from '../enrolment/tables.js';
import { trainingSessions } from '../programmes/tables.js';
import type { AttendanceStatus } from '../../../shared/training/rules.js';
import { buildPerson, call, type Session, type TestEnv } from '../../test/harness.js';
import { insertAccount } from '../../core/accounts/service.js';
import { PASSWORD, login } from '../../test/harness.js';

/** Moves a class along its status machine as the staff (version read fresh each time). */
export async function moveClass(env: TestEnv, staff: Session, classId: number, to: string, on?: string) {
  const c = (await call(env, staff, 'GET', `/api/training/classes/${classId}`)).json();
  return call(env, staff, 'POST', `/api/training/classes/${classId}/status`, { to, version: c.version, ...(on ? { on } : {}) });
}

/** An enrolled trainee (rows inserted directly: the enrolment helper's work), optionally with an account. */
export async function enrol(env: TestEnv, classId: number, unitId: number, opts: { account?: boolean; name?: string; status?: 'enrolled' | 'withdrawn' } = {}) {
  const person = await buildPerson(env, unitId, { name: opts.name ?? `学员${crypto.randomBytes(2).toString('hex')}` });
  const now = new Date();
  const [e] = await env.database.db.insert(trainingEnrolments).values({ classId, personId: person.id, status: opts.status ?? 'enrolled', source: 'organizer', unitId, createdAt: now, updatedAt: now }).returning();
  let session: Session | null = null;
  if (opts.account) {
    const username = `t_${crypto.randomBytes(4).toString('hex')}`;
    await insertAccount(env.database.db, env, { username, displayName: person.name, role: 'person', personId: person.id, password: PASSWORD });
    session = await login(env, username);
  }
  return { person, enrolment: e!, session };
}

/** Sessions of a class on the given days (status scheduled unless cancelled). */
export async function addSessions(env: TestEnv, classId: number, days: { day: string; cancelled?: boolean }[]) {
  const now = new Date();
  return env.database.db.insert(trainingSessions).values(days.map((d, i) => ({
    classId, day: d.day, startsAt: '09:00', endsAt: '11:30', topic: `第${i + 1}讲`, status: d.cancelled ? 'cancelled' as const : 'scheduled' as const, createdAt: now, updatedAt: now,
  }))).returning();
}

export async function mark(env: TestEnv, sessionId: number, enrolmentId: number, status: AttendanceStatus) {
  await env.database.db.insert(trainingAttendance).values({ sessionId, enrolmentId, status, method: 'roster', recordedAt: new Date() });
}

/** A PDF's first bytes (enough for the content sniffing). */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** A multipart body with one file field "file". */
export function upload(file: Buffer, fileName = 'plan.pdf') {
  const boundary = '----trainingplan';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  return { payload: Buffer.concat([head, file, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Posts a plan as the session (multipart), title and summary in the query. */
export function postPlan(env: TestEnv, s: Session, classId: number, q: Record<string, string | number>, file = PDF) {
  const u = upload(file);
  const qs = new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)])).toString();
  return env.app.inject({ method: 'POST', url: `/api/training/classes/${classId}/plans?${qs}`, payload: u.payload, headers: { ...u.headers, cookie: s.cookie, 'x-csrf-token': s.csrf } });
}

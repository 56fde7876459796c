import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKIN_PERIOD_MS, stepAt } from '../../../shared/training/checkin.js';
import { auditLog } from '../../core/audit/tables.js';
import { call, makeTestEnv, sessionAs, type Session, type TestEnv } from '../../test/harness.js';
import { trainingEnrolments } from '../enrolment/tables.js';
import { committeeSession, traineeSession, trainingWorld } from '../fixture.js';
import { signStep } from './checkin.js';
import { trainingAttendance, trainingCheckins } from './tables.js';

/** Attendance: QR sign-in that cannot be signed by proxy, the roster, the sheet, the heat map, the trainee's own page. */
let env: TestEnv;
let w: Awaited<ReturnType<typeof trainingWorld>>;
type Trainee = Awaited<ReturnType<typeof traineeSession>> & { enrolmentId: number };
let trainees: Trainee[];
let outsider: Trainee; // enrolled in the other class
let sessionId: number;
let otherSessionId: number;
let others: { judge: Session; judge2: Session; unit: Session; finance: Session };
const DAY = '2009-05-13';
const at = (hhmm: string) => new Date(`${DAY}T${hhmm}:00+08:00`);

async function enrol(classId: number, t: Awaited<ReturnType<typeof traineeSession>>, status: 'enrolled' | 'nominated' = 'enrolled'): Promise<Trainee> {
  const now = new Date();
  const [e] = await env.database.db.insert(trainingEnrolments).values({ classId, personId: t.person.id, status, source: 'organizer', unitId: w.employer.id, createdAt: now, updatedAt: now }).returning();
  return { ...t, enrolmentId: e!.id };
}

async function running(classId: number) {
  let c = await w.post(`/api/training/classes/${classId}/status`, { to: 'enrolling', version: (await call(env, w.staff, 'GET', `/api/training/classes/${classId}`)).json().version });
  c = await w.post(`/api/training/classes/${classId}/status`, { to: 'running', version: c.version, on: DAY });
  return c;
}

const scan = (s: Session, code: string, device = 'd'.repeat(40)) => env.app.inject({
  method: 'POST', url: '/api/training/checkin', payload: { code }, headers: { cookie: `${s.cookie}; sm_device=${device}`, 'x-csrf-token': s.csrf },
});
const codeNow = async (sid = sessionId, who: Session = w.teacher) => {
  const r = await call(env, who, 'GET', `/api/training/sessions/${sid}/checkin/code`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as { url: string; token: string; step: number; expiresAt: string; signedIn: number };
};

beforeAll(async () => {
  env = await makeTestEnv();
  w = await trainingWorld(env);
  const classId = w.newTechClass.id;
  const s1 = await w.post(`/api/training/classes/${classId}/sessions`, { day: DAY, startsAt: '08:30', endsAt: '11:30', room: '实训楼 201', topic: '安全用电', teacherName: '王老师' });
  const s2 = await w.post(`/api/training/classes/${w.gradClass.id}/sessions`, { day: DAY, startsAt: '08:30', endsAt: '11:30', topic: 'SYB 第一步' });
  await w.post(`/api/training/classes/${classId}/sessions`, { day: '2009-05-20', startsAt: '08:30', endsAt: '11:30', topic: '钳工基础' });
  sessionId = s1.id;
  otherSessionId = s2.id;
  trainees = [];
  for (const name of ['张三', '李四', '王五', '赵六']) trainees.push(await enrol(classId, await traineeSession(env, w.employer.id, { name })));
  await enrol(classId, await traineeSession(env, w.employer.id, { name: '待审' }), 'nominated');
  outsider = await enrol(w.gradClass.id, await traineeSession(env, w.employer.id, { name: '外班' }));
  await running(classId);
  await running(w.gradClass.id);
  others = { judge: await sessionAs(env, 'judge'), judge2: await sessionAs(env, 'judge'), unit: await sessionAs(env, 'unit'), finance: await committeeSession(env, 'finance') };
  env.clock.t = at('08:20');
});
afterAll(() => env.close());

describe('the sign-in window and the rotating code', () => {
  it('gives no code until the teacher opens the window; only teachers open it', async () => {
    expect((await call(env, w.teacher, 'GET', `/api/training/sessions/${sessionId}/checkin/code`)).statusCode).toBe(409);
    for (const s of [others.judge, w.employerSession, trainees[0]!.session, others.finance]) {
      expect((await call(env, s, 'POST', `/api/training/sessions/${sessionId}/checkin/open`)).statusCode).toBe(403);
    }
    expect((await call(env, null, 'POST', `/api/training/sessions/${sessionId}/checkin/open`)).statusCode).toBe(401);
    const r = await call(env, w.teacher, 'POST', `/api/training/sessions/${sessionId}/checkin/open`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().open).toBe(true);
    const c = await codeNow();
    expect(c.url).toMatch(new RegExp(`/checkin\\?c=${sessionId}\\.\\d+\\.[A-Za-z0-9_-]+$`));
    expect(c.step).toBe(stepAt(env.clock.now().getTime()));
    expect(new Date(c.expiresAt).getTime() - env.clock.now().getTime()).toBeGreaterThan(CHECKIN_PERIOD_MS);
    for (const s of [others.judge, trainees[0]!.session]) {
      expect((await call(env, s, 'GET', `/api/training/sessions/${sessionId}/checkin/code`)).statusCode).toBe(403);
    }
  });

  it('refuses to open a class that is not running (409 naming the state)', async () => {
    const c = await w.post('/api/training/classes', {
      programmeId: w.entre.id, name: '未开班', targetGroup: 'graduates', curriculum: 'SYB', venue: '市就业训练中心', plannedStartOn: '2009-06-01', plannedEndOn: '2009-06-30', plannedSize: 10, quota: 10,
    });
    const s = await w.post(`/api/training/classes/${c.id}/sessions`, { day: DAY, startsAt: '08:30', endsAt: '11:30', topic: 'x' });
    const r = await call(env, w.staff, 'POST', `/api/training/sessions/${s.id}/checkin/open`);
    expect(r.statusCode).toBe(409);
    expect(r.json().error.message).toContain('计划中');
  });
});

describe('a trainee signs in with the QR', () => {
  it('signs in an enrolled trainee (present, by QR), sets a device cookie and logs the attempt', async () => {
    const c = await codeNow();
    const r = await env.app.inject({ method: 'POST', url: '/api/training/checkin', payload: { code: c.url }, headers: { cookie: trainees[0]!.session.cookie, 'x-csrf-token': trainees[0]!.session.csrf } });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ status: 'present', sessionId, topic: '安全用电' });
    const cookie = String(r.headers['set-cookie']);
    expect(cookie).toMatch(/sm_device=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    const [a] = await env.database.db.select().from(trainingAttendance).where(eq(trainingAttendance.enrolmentId, trainees[0]!.enrolmentId));
    expect(a).toMatchObject({ status: 'present', method: 'qr', recordedBy: trainees[0]!.session.accountId });
    const logs = await env.database.db.select().from(trainingCheckins).where(eq(trainingCheckins.accountId, trainees[0]!.session.accountId));
    expect(logs.map((l) => l.outcome)).toEqual(['accepted']);
    expect(logs[0]!.deviceHash).not.toContain(cookie.slice(10, 50)); // only a keyed hash is stored
    expect((await codeNow()).signedIn).toBe(1);
  });

  it('refuses a replayed scan by the same trainee (409 已签到)', async () => {
    const device = 'a'.repeat(40);
    const c = await codeNow();
    expect((await scan(trainees[1]!.session, c.token, device)).statusCode).toBe(200);
    const again = await scan(trainees[1]!.session, c.token, device);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('已签到');
    const later = await scan(trainees[1]!.session, (await codeNow()).token, 'b'.repeat(40));
    expect(later.json().error.message).toBe('已签到');
  });

  it('refuses a phone that already signed in another trainee (anti-proxy), and logs it', async () => {
    const r = await scan(trainees[2]!.session, (await codeNow()).token, 'a'.repeat(40));
    expect(r.statusCode).toBe(403);
    expect(r.json().error.message).toBe('本手机已为其他学员签到，请用自己的手机签到');
    const [log] = await env.database.db.select().from(trainingCheckins).where(and(eq(trainingCheckins.accountId, trainees[2]!.session.accountId), eq(trainingCheckins.outcome, 'other-device')));
    expect(log).toBeDefined();
  });

  it('refuses an expired code, one from the future and a forged signature', async () => {
    const c = await codeNow();
    env.clock.advance(2 * CHECKIN_PERIOD_MS);
    const late = await scan(trainees[2]!.session, c.token, 'c'.repeat(40));
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toContain('过期');
    const step = stepAt(env.clock.now().getTime());
    const future = `${sessionId}.${step + 5}.${signStep(env.pii, sessionId, step + 5)}`;
    expect((await scan(trainees[2]!.session, future, 'c'.repeat(40))).statusCode).toBe(409);
    const forged = `${sessionId}.${step}.${signStep(env.pii, otherSessionId, step)}`;
    const f = await scan(trainees[2]!.session, forged, 'c'.repeat(40));
    expect(f.statusCode).toBe(400);
    expect(f.json().error.issues[0].field).toBe('code');
    expect((await scan(trainees[2]!.session, 'garbage', 'c'.repeat(40))).statusCode).toBe(400);
    const outcomes = (await env.database.db.select().from(trainingCheckins).where(eq(trainingCheckins.accountId, trainees[2]!.session.accountId))).map((l) => l.outcome);
    expect(outcomes).toEqual(expect.arrayContaining(['expired', 'early', 'forged']));
  });

  it('a trainee of another class is refused without learning anything about the session', async () => {
    const r = await scan(outsider.session, (await codeNow()).token, 'e'.repeat(40));
    expect(r.statusCode).toBe(404);
    expect(r.body).not.toContain('安全用电');
    expect(r.body).not.toContain(w.newTechClass.name);
    for (const s of [others.judge2, others.unit]) {
      expect((await scan(s, (await codeNow()).token)).statusCode).toBe(403);
    }
    expect((await env.app.inject({ method: 'POST', url: '/api/training/checkin', payload: { code: (await codeNow()).token } })).statusCode).toBe(401);
  });

  it('marks late after the start + 15 minutes (Beijing time)', async () => {
    env.clock.t = at('08:46');
    const r = await scan(trainees[2]!.session, (await codeNow()).token, 'f'.repeat(40));
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().status).toBe('late');
  });

  it('refuses every code once the window is closed', async () => {
    const c = await codeNow();
    expect((await call(env, w.collegeSession, 'POST', `/api/training/sessions/${sessionId}/checkin/close`)).json().open).toBe(false);
    const r = await scan(trainees[3]!.session, c.token, '1'.repeat(40));
    expect(r.statusCode).toBe(409);
    expect(r.json().error.message).toContain('签到未开放');
    expect((await call(env, w.teacher, 'GET', `/api/training/sessions/${sessionId}/checkin/code`)).statusCode).toBe(409);
  });
});

describe('the roster and the sign-in sheet', () => {
  it('teachers, the college and staff read the roster (masked); others cannot', async () => {
    for (const s of [w.teacher, w.collegeSession, w.staff]) {
      const r = await call(env, s, 'GET', `/api/training/sessions/${sessionId}/roster`);
      expect(r.statusCode, r.body).toBe(200);
      const body = r.json();
      expect(body.lines.map((l: { name: string }) => l.name)).toEqual(['张三', '李四', '王五', '赵六']);
      expect(body.lines[0].idNumberMasked).toMatch(/^\d{3}\*+\d{3}[\dX]$/);
      expect(r.body).not.toMatch(/\d{17}[\dX]/);
      expect(body.counts).toMatchObject({ enrolled: 4, present: 2, late: 1, unmarked: 1 });
    }
    for (const s of [others.judge, w.employerSession, trainees[0]!.session, others.finance]) {
      expect((await call(env, s, 'GET', `/api/training/sessions/${sessionId}/roster`)).statusCode).toBe(403);
    }
    expect((await call(env, null, 'GET', `/api/training/sessions/${sessionId}/roster`)).statusCode).toBe(401);
  });

  it('records by roster, corrects with the version read (audit keeps before/after), refuses a stale version and a stranger', async () => {
    const url = `/api/training/sessions/${sessionId}/attendance`;
    const r = await call(env, w.teacher, 'PUT', url, { method: 'roster', entries: [{ enrolmentId: trainees[3]!.enrolmentId, status: 'absent' }] });
    expect(r.json()).toEqual({ changed: 1, unchanged: 0 });
    const stale = await call(env, w.teacher, 'PUT', url, { method: 'sheet', entries: [{ enrolmentId: trainees[3]!.enrolmentId, status: 'present' }] });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.issues[0].field).toBe('entries.0.version');
    const fix = await call(env, w.teacher, 'PUT', url, { method: 'sheet', entries: [{ enrolmentId: trainees[3]!.enrolmentId, status: 'present', version: 1, note: '签到表有签名' }] });
    expect(fix.json()).toEqual({ changed: 1, unchanged: 0 });
    const [a] = await env.database.db.select().from(trainingAttendance).where(eq(trainingAttendance.enrolmentId, trainees[3]!.enrolmentId));
    expect(a).toMatchObject({ status: 'present', method: 'sheet', version: 2, note: '签到表有签名' });
    const [audit] = await env.database.db.select().from(auditLog).where(eq(auditLog.action, 'training.attendance.correct'));
    expect(audit).toMatchObject({ before: { status: 'absent', method: 'roster' }, after: { status: 'present', method: 'sheet' } });
    const stranger = await call(env, w.teacher, 'PUT', url, { method: 'roster', entries: [{ enrolmentId: outsider.enrolmentId, status: 'present' }] });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().error.issues[0].field).toBe('entries.0.enrolmentId');
    const bad = await call(env, w.teacher, 'PUT', url, { method: 'qr', entries: [{ enrolmentId: trainees[0]!.enrolmentId, status: 'present' }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0].field).toBe('method');
    expect((await call(env, w.employerSession, 'PUT', url, { method: 'roster', entries: [{ enrolmentId: trainees[0]!.enrolmentId, status: 'absent' }] })).statusCode).toBe(403);
  });

  it('prints the sign-in sheet as an A4 PDF for teachers only', async () => {
    const r = await call(env, w.teacher, 'GET', `/api/training/sessions/${sessionId}/sheet.pdf`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(r.rawPayload.toString('latin1')).toMatch(/MediaBox \[0 0 595\.2/);
    expect((await call(env, trainees[0]!.session, 'GET', `/api/training/sessions/${sessionId}/sheet.pdf`)).statusCode).toBe(403);
  });
});

describe('the heat map and the trainee page', () => {
  it('gives the class matrix to staff, committee, the college and teachers; per-trainee pct over held sessions', async () => {
    for (const s of [w.staff, others.finance, w.collegeSession, w.teacher]) {
      const r = await call(env, s, 'GET', `/api/training/classes/${w.newTechClass.id}/attendance`);
      expect(r.statusCode, r.body).toBe(200);
      const m = r.json();
      expect(m.held).toBe(1);
      expect(m.sessions).toHaveLength(2);
      expect(m.trainees.map((t: { pct: number }) => t.pct)).toEqual([100, 100, 100, 100]);
      expect(m.cells.find((c: { enrolmentId: number }) => c.enrolmentId === trainees[2]!.enrolmentId)).toMatchObject({ status: 'late', method: 'qr' });
      expect(m.sessions[0].counts).toEqual({ present: 3, late: 1, absent: 0, excused: 0 });
    }
    for (const s of [w.employerSession, others.judge]) {
      expect((await call(env, s, 'GET', `/api/training/classes/${w.newTechClass.id}/attendance`)).statusCode).toBe(404);
    }
    expect((await call(env, trainees[0]!.session, 'GET', `/api/training/classes/${w.newTechClass.id}/attendance`)).statusCode).toBe(403);
    expect((await call(env, null, 'GET', `/api/training/classes/${w.newTechClass.id}/attendance`)).statusCode).toBe(401);
  });

  it("shows a trainee their own classes and attendance only", async () => {
    const r = await call(env, trainees[2]!.session, 'GET', '/api/training/my/classes');
    expect(r.statusCode).toBe(200);
    const [c] = r.json();
    expect(c).toMatchObject({ id: w.newTechClass.id, attended: 1, held: 1, pct: 100 });
    expect(c.sessions[0].attendance).toEqual({ status: 'late', method: 'qr' });
    expect(c.sessions[1].attendance).toBeNull();
    expect((await call(env, outsider.session, 'GET', '/api/training/my/classes')).json().map((x: { id: number }) => x.id)).toEqual([w.gradClass.id]);
    expect((await call(env, w.teacher, 'GET', '/api/training/my/classes')).statusCode).toBe(403);
  });

  it('refuses attendance once the class is finished (completions are written then)', async () => {
    const v = (await call(env, w.staff, 'GET', `/api/training/classes/${w.newTechClass.id}`)).json().version;
    const f = await call(env, w.staff, 'POST', `/api/training/classes/${w.newTechClass.id}/status`, { to: 'finished', version: v, on: '2009-06-21' });
    expect(f.statusCode, f.body).toBe(200);
    const r = await call(env, w.teacher, 'PUT', `/api/training/sessions/${sessionId}/attendance`, { method: 'roster', entries: [{ enrolmentId: trainees[0]!.enrolmentId, status: 'absent', version: 1 }] });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.message).toContain('已结业');
    expect((await call(env, w.teacher, 'POST', `/api/training/sessions/${sessionId}/checkin/open`)).statusCode).toBe(409);
  });
});

describe('rate limit', () => {
  it('refuses a scripted guesser after 20 attempts a minute from one account (429)', async () => {
    const codes = [];
    for (let i = 0; i < 22; i++) codes.push((await scan(outsider.session, `${sessionId}.${i}.${'A'.repeat(43)}`, '9'.repeat(40))).statusCode);
    expect(codes.slice(0, 19).every((c) => c === 400 || c === 409)).toBe(true);
    expect(codes.at(-1)).toBe(429);
  });
});

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, makeTestEnv, sessionAs, type TestEnv } from '../../test/harness.js';
import { committeeSession, trainingWorld } from '../fixture.js';
import { addSessions, enrol, mark, moveClass } from './fixture.js';
import { writeCompletions } from './outcomes.js';
import { trainingBusinessPlans, trainingCompletions } from './tables.js';
import { classRow } from '../programmes/policy.js';
import { trainingAppraisals } from '../appraisal/tables.js';

/** 结业: outcomes written once when a class finishes, from attendance, the business plan and the appraisal. */
let env: TestEnv;
let w: Awaited<ReturnType<typeof trainingWorld>>;

beforeAll(async () => {
  env = await makeTestEnv();
  w = await trainingWorld(env);
});
afterAll(() => env.close());

describe('completion written when the class finishes', () => {
  it('writes each enrolled trainee once with the figures, the rule and the reason; a retry cannot rewrite', async () => {
    const cls = w.gradClass; // graduates, SYB: 80 % and a business plan
    const employer = w.employer.id;
    const good = await enrol(env, cls.id, employer, { name: '甲' });
    const lowAttendance = await enrol(env, cls.id, employer, { name: '乙' });
    const noPlan = await enrol(env, cls.id, employer, { name: '丙' });
    const withdrawn = await enrol(env, cls.id, employer, { name: '丁', status: 'withdrawn' });
    // 5 held (one cancelled, one after the end day: neither counts).
    const sessions = await addSessions(env, cls.id, [
      { day: '2009-04-01' }, { day: '2009-04-08' }, { day: '2009-04-15' }, { day: '2009-04-22' }, { day: '2009-04-29' },
      { day: '2009-05-06', cancelled: true }, { day: '2009-06-30' },
    ]);
    for (const s of sessions.slice(0, 5)) {
      await mark(env, s.id, good.enrolment.id, s.day === '2009-04-29' ? 'late' : 'present');
      await mark(env, s.id, noPlan.enrolment.id, 'present');
    }
    await mark(env, sessions[0]!.id, lowAttendance.enrolment.id, 'present');
    await mark(env, sessions[1]!.id, lowAttendance.enrolment.id, 'excused');
    await mark(env, sessions[2]!.id, lowAttendance.enrolment.id, 'late');
    await mark(env, sessions[5]!.id, lowAttendance.enrolment.id, 'present'); // cancelled: not counted
    await mark(env, sessions[6]!.id, lowAttendance.enrolment.id, 'present'); // after the end: not counted
    const now = new Date();
    for (const e of [good, lowAttendance]) {
      await env.database.db.insert(trainingBusinessPlans).values({ enrolmentId: e.enrolment.id, classId: cls.id, title: '计划', submittedAt: now, updatedAt: now });
    }

    // Before it finishes: the rule, no rows.
    const before = (await call(env, w.staff, 'GET', `/api/training/classes/${cls.id}/completions`)).json();
    expect(before).toMatchObject({ decided: false, rows: [] });

    for (const [to, on] of [['enrolling'], ['running', '2009-03-28'], ['finished', '2009-05-27']] as const) {
      const r = await moveClass(env, w.staff, cls.id, to, on);
      expect(r.statusCode, r.body).toBe(200);
    }
    const res = await call(env, w.staff, 'GET', `/api/training/classes/${cls.id}/completions`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.decided).toBe(true);
    const by = (name: string) => body.rows.find((r: { personName: string }) => r.personName === name);
    expect(body.rows).toHaveLength(3);
    expect(by('丁')).toBeUndefined();
    expect(by('甲')).toMatchObject({ completed: true, sessionsHeld: 5, sessionsAttended: 5, attendancePct: 100, planSubmitted: true, reason: null, decidedOn: '2009-05-27' });
    expect(by('乙')).toMatchObject({ completed: false, sessionsHeld: 5, sessionsAttended: 2, attendancePct: 40, reason: '出勤率不足 80%（实到 2/5）' });
    expect(by('丙')).toMatchObject({ completed: false, sessionsAttended: 5, planSubmitted: false, reason: '未提交创业计划书' });
    expect(by('甲').idNumberMasked).toMatch(/^\d{3}\*+\d{3}[\dX]$/);
    expect(JSON.stringify(body)).not.toContain(good.person.idNumber);
    void withdrawn;

    // A retry of the write (or a second finish) is refused and changes nothing.
    const c = await classRow(env.database.db, cls.id);
    const ctx = { db: env.database.db, actor: null, clock: env.clock, pii: env.pii };
    await expect(env.database.db.transaction((tx) => writeCompletions(tx, ctx, c, '2009-06-01'))).rejects.toThrow(/已写入/);
    expect((await moveClass(env, w.staff, cls.id, 'finished')).statusCode).toBe(409);
    // Even a raw second insert is stopped by the primary key.
    const [row] = await env.database.db.select().from(trainingCompletions).where(eq(trainingCompletions.enrolmentId, lowAttendance.enrolment.id));
    await expect(env.database.db.insert(trainingCompletions).values({ ...row!, completed: true })).rejects.toThrow();
    const [still] = await env.database.db.select().from(trainingCompletions).where(eq(trainingCompletions.enrolmentId, lowAttendance.enrolment.id));
    expect(still!.completed).toBe(false);
    expect(still!.rule).toEqual({ minAttendancePct: 80, businessPlanRequired: true, appraisalRequired: false });
  });

  it('respects the appraisal flag (a new-technician class that requires the appraisal)', async () => {
    const put = await call(env, w.staff, 'GET', `/api/training/classes/${w.newTechClass.id}`);
    const cls = put.json();
    const upd = await call(env, w.staff, 'PUT', `/api/training/classes/${cls.id}`, {
      programmeId: cls.programmeId, name: cls.name, targetGroup: cls.targetGroup, curriculum: cls.curriculum, tradeIds: cls.tradeIds, collegeUnitId: cls.collegeUnitId,
      plannedStartOn: '2009-05-13', plannedEndOn: '2009-06-21', plannedSize: 50, quota: 90, unitQuota: 10, version: cls.version,
      completionRule: { minAttendancePct: 50, businessPlanRequired: false, appraisalRequired: true }, teacherAccountIds: cls.teachers.map((t: { accountId: number }) => t.accountId),
    });
    expect(upd.statusCode, upd.body).toBe(200);
    const passed = await enrol(env, cls.id, w.employer.id, { name: '鉴定过' });
    const failed = await enrol(env, cls.id, w.employer.id, { name: '鉴定未过' });
    const notSat = await enrol(env, cls.id, w.employer.id, { name: '未鉴定' });
    const [s] = await addSessions(env, cls.id, [{ day: '2009-05-14' }]);
    for (const t of [passed, failed, notSat]) await mark(env, s!.id, t.enrolment.id, 'present');
    const now = new Date();
    await env.database.db.insert(trainingAppraisals).values([
      { enrolmentId: passed.enrolment.id, classId: cls.id, examNumber: 'A1', passed: true, appraisedOn: '2009-06-20', importedAt: now },
      { enrolmentId: failed.enrolment.id, classId: cls.id, examNumber: 'A2', passed: false, appraisedOn: '2009-06-20', importedAt: now },
    ]);
    for (const [to, on] of [['enrolling'], ['running', '2009-05-13'], ['finished', '2009-06-21']] as const) expect((await moveClass(env, w.staff, cls.id, to, on)).statusCode).toBe(200);
    const rows = (await call(env, w.collegeSession, 'GET', `/api/training/classes/${cls.id}/completions`)).json().rows;
    const by = (n: string) => rows.find((r: { personName: string }) => r.personName === n);
    expect(by('鉴定过')).toMatchObject({ completed: true, appraisalPassed: true });
    expect(by('鉴定未过')).toMatchObject({ completed: false, appraisalPassed: false, reason: '鉴定未通过' });
    expect(by('未鉴定')).toMatchObject({ completed: false, appraisalPassed: null, reason: '鉴定未通过' });
  });

  it('lets readers, the college and the teachers read the completions; no one else', async () => {
    const url = `/api/training/classes/${w.gradClass.id}/completions`;
    expect((await call(env, await committeeSession(env, 'finance'), 'GET', url)).statusCode).toBe(200);
    expect((await call(env, await sessionAs(env, 'admin'), 'GET', url)).statusCode).toBe(200);
    expect((await call(env, w.teacher, 'GET', url)).statusCode).toBe(200);
    expect((await call(env, w.collegeSession, 'GET', url)).statusCode).toBe(404); // not the graduates' class's college
    expect((await call(env, w.employerSession, 'GET', url)).statusCode).toBe(404);
    expect((await call(env, await sessionAs(env, 'judge'), 'GET', url)).statusCode).toBe(404);
    expect((await call(env, await sessionAs(env, 'person'), 'GET', url)).statusCode).toBe(403);
    expect((await call(env, null, 'GET', url)).statusCode).toBe(401);
  });
});

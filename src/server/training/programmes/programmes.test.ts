import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, makeTestEnv, sessionAs, type TestEnv } from '../../test/harness.js';
import { committeeSession, trainingWorld, unitSession } from '../fixture.js';

/** Programmes, classes and sessions: one model for both programmes, plan and actual kept side by side. */
let env: TestEnv;
let w: Awaited<ReturnType<typeof trainingWorld>>;

beforeAll(async () => {
  env = await makeTestEnv();
  w = await trainingWorld(env);
});
afterAll(() => env.close());

describe('programmes and classes', () => {
  it('creates both programmes and their classes with the plan, and presents plan against actual', async () => {
    expect(w.newTechClass.programmeKind).toBe('new-technician');
    expect(w.newTechClass.collegeName).toContain('技师学院');
    expect(w.newTechClass.tradeNames).toHaveLength(2);
    expect(w.newTechClass.completionRule).toEqual({ minAttendancePct: 80, businessPlanRequired: false, appraisalRequired: false });
    expect(w.gradClass.completionRule.businessPlanRequired).toBe(true);
    expect(w.newTechClass.planActual).toMatchObject({ plannedSize: 50, enrolled: 0, completed: null, actualStartOn: null, sessionsPlanned: 0 });
    const p = (await call(env, w.staff, 'GET', `/api/training/programmes/${w.newTech.id}`)).json();
    expect(p.planActual.plannedSize).toBe(50);
    expect(p.classes).toBe(1);
  });

  it('refuses a target group or curriculum that does not belong to the programme, by field', async () => {
    const base = { programmeId: w.newTech.id, name: '错班', plannedStartOn: '2009-05-13', plannedEndOn: '2009-06-21', plannedSize: 10, quota: 10 };
    const a = await call(env, w.staff, 'POST', '/api/training/classes', { ...base, targetGroup: 'graduates', curriculum: 'syllabus' });
    expect(a.statusCode).toBe(400);
    expect(a.json().error.issues[0].field).toBe('targetGroup');
    const b = await call(env, w.staff, 'POST', '/api/training/classes', { ...base, targetGroup: 'new-technicians', curriculum: 'SYB' });
    expect(b.json().error.issues[0].field).toBe('curriculum');
    const c = await call(env, w.staff, 'POST', '/api/training/classes', { ...base, targetGroup: 'new-technicians', curriculum: 'syllabus', plannedEndOn: '2009-05-01' });
    expect(c.json().error.issues[0].field).toBe('plannedEndOn');
    const d = await call(env, w.staff, 'POST', '/api/training/classes', { ...base, targetGroup: 'new-technicians', curriculum: 'syllabus', collegeUnitId: w.employer.id });
    expect(d.json().error.issues[0].field).toBe('collegeUnitId');
    const e = await call(env, w.staff, 'POST', '/api/training/classes', { ...base, targetGroup: 'new-technicians', curriculum: 'syllabus', quota: 5 });
    expect(e.json().error.issues[0].field).toBe('quota');
  });

  it('lets only the training department (and admin, office) create or change; other committee bodies read', async () => {
    const finance = await committeeSession(env, 'finance');
    expect((await call(env, finance, 'POST', '/api/training/programmes', { kind: 'entrepreneurship', name: 'x' })).statusCode).toBe(403);
    expect((await call(env, finance, 'GET', `/api/training/classes/${w.newTechClass.id}`)).statusCode).toBe(200);
    for (const role of ['unit', 'judge', 'person'] as const) {
      const s = await sessionAs(env, role);
      expect((await call(env, s, 'POST', '/api/training/programmes', { kind: 'entrepreneurship', name: 'x' })).statusCode, role).toBe(403);
      expect((await call(env, s, 'POST', `/api/training/classes/${w.newTechClass.id}/status`, { to: 'enrolling', version: 1 })).statusCode, role).toBe(403);
    }
    expect((await call(env, null, 'GET', '/api/training/programmes')).statusCode).toBe(401);
    const admin = await sessionAs(env, 'admin');
    expect((await call(env, admin, 'GET', '/api/training/programmes')).statusCode).toBe(200);
  });

  it('shows a class to its college and teacher, hides another college’s class (404), and lists employers the new-technician classes', async () => {
    expect((await call(env, w.collegeSession, 'GET', `/api/training/classes/${w.newTechClass.id}`)).statusCode).toBe(200);
    expect((await call(env, w.teacher, 'GET', `/api/training/classes/${w.gradClass.id}`)).statusCode).toBe(200);
    expect((await call(env, w.collegeSession, 'GET', `/api/training/classes/${w.gradClass.id}`)).statusCode).toBe(404);
    expect((await call(env, w.employerSession, 'GET', `/api/training/classes/${w.newTechClass.id}`)).statusCode).toBe(200);
    expect((await call(env, w.employerSession, 'GET', `/api/training/classes/${w.gradClass.id}`)).statusCode).toBe(404);
    const list = (await call(env, w.employerSession, 'GET', '/api/training/classes')).json();
    expect(list.map((c: { id: number }) => c.id)).toEqual([w.newTechClass.id]);
    const stranger = await unitSession(env, w.employer.id, 'judge');
    expect((await call(env, stranger, 'GET', '/api/training/classes')).json()).toEqual([]);
  });

  it('moves a class planned → enrolling → running → finished, setting the actual dates, never backwards', async () => {
    const cls = await w.post('/api/training/classes', {
      programmeId: w.entre.id, name: '返乡农民工创业培训班', targetGroup: 'migrant-workers', curriculum: 'SYB', venue: '石桥镇',
      organizers: ['劳动保障局', '农业办', '财政局'], plannedStartOn: '2009-05-18', plannedEndOn: '2009-05-27', plannedSize: 50, quota: 60,
    });
    const move = (to: string, version: number, on?: string) => call(env, w.staff, 'POST', `/api/training/classes/${cls.id}/status`, { to, version, on });
    expect((await move('running', 1)).statusCode).toBe(409);
    expect((await move('enrolling', 1)).json().status).toBe('enrolling');
    expect((await move('running', 1)).statusCode).toBe(409); // stale version
    const running = (await move('running', 2, '2009-05-18')).json();
    expect(running.planActual.actualStartOn).toBe('2009-05-18');
    expect((await move('finished', 3, '2009-05-01')).json().error.issues[0].field).toBe('on');
    const done = (await move('finished', 3, '2009-05-27')).json();
    expect(done.status).toBe('finished');
    expect(done.planActual.actualEndOn).toBe('2009-05-27');
    expect((await move('enrolling', 4)).statusCode).toBe(409);
    const edit = await call(env, w.staff, 'PUT', `/api/training/classes/${cls.id}`, { ...done, plannedStartOn: done.planActual.plannedStartOn, plannedEndOn: done.planActual.plannedEndOn, plannedSize: done.planActual.plannedSize, version: 4, teacherAccountIds: [] });
    expect(edit.statusCode, edit.body).toBe(409);
  });
});

describe('sessions', () => {
  it('the staff and the college schedule sessions; a teacher or employer cannot; the public schedule shows them once enrolling', async () => {
    const body = { day: '2009-05-13', startsAt: '08:30', endsAt: '11:30', room: '实训楼201', topic: '开班典礼与安全教育', teacherName: '王老师' };
    const a = await call(env, w.collegeSession, 'POST', `/api/training/classes/${w.newTechClass.id}/sessions`, body);
    expect(a.statusCode).toBe(200);
    expect((await call(env, w.teacher, 'POST', `/api/training/classes/${w.newTechClass.id}/sessions`, body)).statusCode).toBe(403);
    expect((await call(env, w.employerSession, 'POST', `/api/training/classes/${w.newTechClass.id}/sessions`, body)).statusCode).toBe(403);
    const bad = await call(env, w.staff, 'POST', `/api/training/classes/${w.newTechClass.id}/sessions`, { ...body, endsAt: '08:00' });
    expect(bad.json().error.issues[0].field).toBe('endsAt');
    expect((await call(env, w.teacher, 'GET', `/api/training/classes/${w.newTechClass.id}/sessions`)).json()).toHaveLength(1);

    let pub = (await call(env, null, 'GET', '/api/public/training/classes')).json();
    expect(pub.find((c: { id: number }) => c.id === w.newTechClass.id)).toBeUndefined();
    await call(env, w.staff, 'POST', `/api/training/classes/${w.newTechClass.id}/status`, { to: 'enrolling', version: w.newTechClass.version });
    pub = (await call(env, null, 'GET', '/api/public/training/classes')).json();
    const shown = pub.find((c: { id: number }) => c.id === w.newTechClass.id);
    expect(shown.sessions).toEqual([{ day: '2009-05-13', startsAt: '08:30', endsAt: '11:30', room: '实训楼201', topic: '开班典礼与安全教育', teacherName: '王老师', status: 'scheduled' }]);
    expect(JSON.stringify(pub)).not.toMatch(/teacherAccountId|quota/);

    const cancelled = await call(env, w.staff, 'POST', `/api/training/sessions/${a.json().id}/cancel`, { version: 1, cancelled: true });
    expect(cancelled.json().status).toBe('cancelled');
    const cls = (await call(env, w.staff, 'GET', `/api/training/classes/${w.newTechClass.id}`)).json();
    expect(cls.planActual.sessionsPlanned).toBe(0);
  });
});

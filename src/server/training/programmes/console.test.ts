import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, sessionAs, makeTestEnv, type Session, type TestEnv } from '../../test/harness.js';
import { committeeSession, trainingWorld } from '../fixture.js';

/** The console's reading routes: the sessions calendar across classes and the teacher picker. */
let env: TestEnv;
let w: Awaited<ReturnType<typeof trainingWorld>>;
let finance: Session;

beforeAll(async () => {
  env = await makeTestEnv();
  w = await trainingWorld(env);
  finance = await committeeSession(env, 'finance');
  await w.post(`/api/training/classes/${w.newTechClass.id}/sessions`, { day: '2009-05-13', startsAt: '08:30', endsAt: '11:30', room: '实训楼 201', topic: '开班典礼与安全教育' });
  await w.post(`/api/training/classes/${w.newTechClass.id}/sessions`, { day: '2009-06-20', startsAt: '14:00', endsAt: '17:00', topic: '综合实操' });
  await w.post(`/api/training/classes/${w.gradClass.id}/sessions`, { day: '2009-05-14', startsAt: '09:00', endsAt: '12:00', topic: 'SYB 第一步' });
});
afterAll(() => env.close());

describe('GET /api/training/sessions (课程日历)', () => {
  it('lists the sessions of every class between two days, with the class, and narrows to a programme', async () => {
    const all = await call(env, w.staff, 'GET', '/api/training/sessions?from=2009-05-01&to=2009-05-31');
    expect(all.statusCode).toBe(200);
    expect(all.json().map((s: { topic: string }) => s.topic)).toEqual(['开班典礼与安全教育', 'SYB 第一步']);
    expect(all.json()[0]).toMatchObject({ className: w.newTechClass.name, programmeId: w.newTech.id, classStatus: 'planned', room: '实训楼 201' });
    const one = await call(env, w.staff, 'GET', `/api/training/sessions?from=2009-05-01&to=2009-06-30&programmeId=${w.newTech.id}`);
    expect(one.json().map((s: { day: string }) => s.day)).toEqual(['2009-05-13', '2009-06-20']);
  });

  it('lets any committee member and admin read; refuses units, teachers, trainees (403) and the anonymous (401)', async () => {
    const url = '/api/training/sessions?from=2009-05-01&to=2009-05-31';
    expect((await call(env, finance, 'GET', url)).statusCode).toBe(200);
    expect((await call(env, await sessionAs(env, 'admin'), 'GET', url)).statusCode).toBe(200);
    expect((await call(env, w.collegeSession, 'GET', url)).statusCode).toBe(403);
    expect((await call(env, w.teacher, 'GET', url)).statusCode).toBe(403);
    expect((await call(env, await sessionAs(env, 'person'), 'GET', url)).statusCode).toBe(403);
    expect((await call(env, null, 'GET', url)).statusCode).toBe(401);
  });

  it('refuses a bad range by field: a missing or malformed day, an end before the start, more than 92 days', async () => {
    for (const [q, field] of [['from=2009-05-01', 'to'], ['from=2009-13-01&to=2009-05-31', 'from'], ['from=2009-05-31&to=2009-05-01', 'to'], ['from=2009-01-01&to=2009-12-31', 'to'], ['from=2009-05-01&to=2009-05-31&programmeId=x', 'programmeId']] as const) {
      const r = await call(env, w.staff, 'GET', `/api/training/sessions?${q}`);
      expect(r.statusCode, q).toBe(400);
      expect(r.json().error.issues.map((i: { field: string }) => i.field).join(), q).toContain(field);
    }
  });
});

describe('GET /api/training/teachers (授课教师)', () => {
  it('lists experts’ and colleges’ accounts, with their unit, to the training staff and the committee', async () => {
    const r = await call(env, w.staff, 'GET', '/api/training/teachers');
    expect(r.statusCode).toBe(200);
    const rows = r.json() as { accountId: number; role: string; unitName: string | null }[];
    expect(rows.some((x) => x.accountId === w.newTechClass.teachers[0].accountId && x.unitName === w.college.name)).toBe(true);
    expect(rows.every((x) => x.role === 'judge' || x.role === 'unit')).toBe(true);
    expect(Object.keys(rows[0]!).sort()).toEqual(['accountId', 'displayName', 'role', 'unitName']);
    expect((await call(env, finance, 'GET', '/api/training/teachers')).statusCode).toBe(200);
  });

  it('is refused to units, teachers, trainees and the anonymous', async () => {
    for (const s of [w.collegeSession, w.teacher, await sessionAs(env, 'person')]) expect((await call(env, s, 'GET', '/api/training/teachers')).statusCode).toBe(403);
    expect((await call(env, null, 'GET', '/api/training/teachers')).statusCode).toBe(401);
  });
});

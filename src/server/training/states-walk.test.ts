import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLASS_STATUSES, type ClassStatus } from '../../shared/training/rules.js';
import { sessions as loginSessions } from '../core/accounts/tables.js';
import { buildPerson, call, makeTestEnv, sessionAs, type Session, type TestEnv } from '../test/harness.js';
import { openApiWalk, within, type OpenApiWalk } from '../test/openapi-walk.js';
import { trainingEnrolments } from './enrolment/tables.js';
import { committeeSession, trainingWorld, traineeSession } from './fixture.js';

/**
 * Every training write route, in every status a class can reach (planned, enrolling, running,
 * finished, cancelled), by every role around a class — the public, its trainee, another trainee,
 * the employer, the college, the teacher, the finance body, the training staff, an administrator:
 * each request is answered within a bound, never with a 5xx, and the server keeps answering.
 */
const ANSWER_WITHIN_MS = 10_000;

interface ClassWorld {
  status: ClassStatus;
  ids: Record<string, number | undefined>;
}

let env: TestEnv;
let walker: OpenApiWalk;
let w: Awaited<ReturnType<typeof trainingWorld>>;
let roles: { name: string; session: Session | null }[];
const worlds = new Map<ClassStatus, ClassWorld>();

const PARAM_OF: Record<string, string> = {
  programmes: 'programmeId', classes: 'classId', sessions: 'sessionId', enrolments: 'enrolmentId', plans: 'planId', panels: 'panelId',
  claims: 'claimId', certificates: 'certificateId', appraisals: 'enrolmentId',
};

function url(world: ClassWorld, path: string): string {
  return path.replace(/\/(\w+)\/\{(\w+)\}/g, (_, seg: string, p: string) => {
    const key = p === 'id' ? PARAM_OF[seg] : p;
    return `/${seg}/${(key && world.ids[key]) ?? 1}`;
  }).replace(/\{(\w+)\}/g, (_, p: string) => String(world.ids[p] ?? 1));
}

async function post(s: Session, path: string, body: unknown) {
  const r = await call(env, s, 'POST', path, body);
  if (r.statusCode !== 200) throw new Error(`${path}: ${r.statusCode} ${r.body}`);
  return r.json();
}

/** A new-technician class of the world's programme, moved to `status`, with a session and an enrolled trainee. */
async function classAt(status: ClassStatus, trainee: { person: { id: number } }): Promise<ClassWorld> {
  const c = await post(w.staff, '/api/training/classes', {
    programmeId: w.newTech.id, name: `走查班-${status}`, targetGroup: 'new-technicians', curriculum: 'syllabus', tradeIds: [w.trades.electrician.id],
    collegeUnitId: w.college.id, plannedStartOn: '2009-05-13', plannedEndOn: '2009-06-21', plannedSize: 5, quota: 10, unitQuota: 5,
    teacherAccountIds: [w.teacher.accountId],
  });
  const s = await post(w.staff, `/api/training/classes/${c.id}/sessions`, { day: '2009-05-22', startsAt: '08:30', endsAt: '11:30', topic: '安全用电', teacherName: '王老师' });
  const now = env.clock.now();
  const [e] = await env.database.db.insert(trainingEnrolments).values({
    classId: c.id, personId: trainee.person.id, status: 'enrolled', source: 'organizer', unitId: w.employer.id, examNumber: `W-${status}`, createdAt: now, updatedAt: now,
  }).returning();
  const path: Record<ClassStatus, ClassStatus[]> = {
    planned: [], enrolling: ['enrolling'], running: ['enrolling', 'running'], finished: ['enrolling', 'running', 'finished'], cancelled: ['cancelled'],
  };
  let version = c.version;
  for (const to of path[status]) version = (await post(w.staff, `/api/training/classes/${c.id}/status`, { to, version, on: to === 'finished' ? '2009-06-21' : '2009-05-13' })).version;
  return { status, ids: { programmeId: w.newTech.id, classId: c.id, sessionId: s.id, enrolmentId: e!.id, personId: trainee.person.id, unitId: w.employer.id, tradeId: w.trades.electrician.id, accountId: w.teacher.accountId } };
}

beforeAll(async () => {
  env = await makeTestEnv();
  env.clock.t = new Date('2009-05-22T01:00:00Z'); // Friday 09:00 in Beijing
  walker = await openApiWalk(env, (p) => p.startsWith('/api/training'));
  w = await trainingWorld(env);
  const trainee = await traineeSession(env, w.employer.id, { name: '走查学员' });
  const other = await traineeSession(env, w.employer.id, { name: '别班学员' });
  await buildPerson(env, w.employer.id, { name: '备用人员' });
  roles = [
    { name: 'public', session: null },
    { name: 'trainee', session: trainee.session },
    { name: 'other trainee', session: other.session },
    { name: 'employer', session: w.employerSession },
    { name: 'college', session: w.collegeSession },
    { name: 'teacher', session: w.teacher },
    { name: 'finance', session: await committeeSession(env, 'finance') },
    { name: 'training staff', session: w.staff },
    { name: 'admin', session: await sessionAs(env, 'admin') },
  ];
  for (const s of CLASS_STATUSES) worlds.set(s, await classAt(s, trainee));
}, 300_000);
afterAll(() => env.close());

describe('every training write route in every class status, by every role', () => {
  it('has training write routes to walk', () => {
    expect(walker.ops.length).toBeGreaterThanOrEqual(31);
  });

  for (const status of CLASS_STATUSES) {
    it(`answers every write in status ${status} with no 5xx and no hang`, async () => {
      const world = worlds.get(status)!;
      const problems: string[] = [];
      const statuses: Record<number, number> = {};
      for (const role of roles) {
        await env.database.db.update(loginSessions).set({ expiresAt: sql`${loginSessions.expiresAt} + interval '1 day'` });
        for (const op of walker.ops) {
          const body = op.schema ? walker.sample('body', op.schema, { ids: world.ids, numbers: { version: 1 }, now: env.clock.now() }) : undefined;
          const what = `${status} · ${role.name} · ${op.method} ${op.path}`;
          const res = await within(ANSWER_WITHIN_MS, call(env, role.session, op.method, url(world, op.path), body), what);
          statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
          if (res.statusCode >= 500) problems.push(`${what} → ${res.statusCode} ${res.body.slice(0, 200)}`);
        }
        const health = await within(2000, env.app.inject({ method: 'GET', url: '/api/health' }), `${status} · after ${role.name}: /api/health`);
        expect(health.statusCode).toBe(200);
      }
      console.log(`training walk ${status}: ${JSON.stringify(statuses)}`);
      expect(problems).toEqual([]);
    }, 300_000);
  }
});

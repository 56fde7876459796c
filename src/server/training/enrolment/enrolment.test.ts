import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { people, qualificationRecords } from '../../core/people/tables.js';
import { buildPerson, buildUnit, call, login, makeTestEnv, sessionAs, testIdNumber, type Session, type TestEnv } from '../../test/harness.js';
import { makeXlsx, multipart } from '../../test/xlsx.js';
import { committeeSession, traineeSession, trainingWorld, unitSession } from '../fixture.js';
import { trainingEnrolments } from './tables.js';

/** Enrolment: who may enrol whom, nominations and the college's decision, quotas, duplicates, Excel, exam numbers, accounts. */
let env: TestEnv;
let w: Awaited<ReturnType<typeof trainingWorld>>;
let admin: Session;
let finance: Session;
let judge: Session;
let person: Session;
/** An employer of another unit, and its own worker. */
let other: { unit: { id: number }; session: Session };

const newTech = () => `/api/training/classes/${w.newTechClass.id}`;
const grad = () => `/api/training/classes/${w.gradClass.id}`;

async function open(c: { id: number; version: number }) {
  const r = await call(env, w.staff, 'POST', `/api/training/classes/${c.id}/status`, { to: 'enrolling', version: c.version });
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
}

/** A worker of the unit with a level on record (3 = 高级工 unless told). */
async function worker(unitId: number, level: number | null = 3, name = '工人') {
  const p = await buildPerson(env, unitId, { name });
  if (level != null) await env.database.db.update(people).set({ level }).where(eq(people.id, p.id));
  return p;
}

let classSeq = 0;
/** A further class (enrolling) of a programme, with its dates and quotas. */
async function extraClass(kind: 'newTech' | 'entre', over: { start?: string; end?: string; quota?: number; unitQuota?: number } = {}) {
  classSeq++;
  const base = kind === 'newTech'
    ? { programmeId: w.newTech.id, targetGroup: 'new-technicians', curriculum: 'syllabus', collegeUnitId: w.college.id }
    : { programmeId: w.entre.id, targetGroup: 'graduates', curriculum: 'SYB', venue: '市就业训练中心' };
  const c = await w.post('/api/training/classes', {
    ...base, name: `第${classSeq}班`, plannedStartOn: over.start ?? `2010-0${(classSeq % 9) + 1}-01`, plannedEndOn: over.end ?? `2010-0${(classSeq % 9) + 1}-20`,
    plannedSize: 1, quota: over.quota ?? 5, ...(over.unitQuota ? { unitQuota: over.unitQuota } : {}),
  });
  return open(c);
}

const list = async (s: Session, url: string) => {
  const r = await call(env, s, 'GET', `${url}/enrolments`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as { id: number; personId: number; status: string; version: number; [k: string]: unknown }[];
};
const rowOf = async (url: string, personId: number) => (await list(w.staff, url)).find((r) => r.personId === personId)!;
const enrolmentCount = async (classId: number) =>
  (await env.database.db.select({ n: count() }).from(trainingEnrolments).where(eq(trainingEnrolments.classId, classId)))[0]!.n;

beforeAll(async () => {
  env = await makeTestEnv();
  w = await trainingWorld(env);
  admin = await sessionAs(env, 'admin');
  finance = await committeeSession(env, 'finance');
  judge = w.teacher;
  person = (await traineeSession(env, w.employer.id)).session;
  const unit = await buildUnit(env);
  other = { unit, session: await unitSession(env, unit.id) };
});
afterAll(() => env.close());

describe('who may do what', () => {
  it('refuses each write route to the roles that may not use it, and reading to those who may not read', async () => {
    const nt = await open(w.newTechClass);
    w.newTechClass.version = nt.version;
    const g = await open(w.gradClass);
    w.gradClass.version = g.version;
    const p = await worker(w.employer.id);
    const routes: { url: string; body: unknown; allowed: Session[] }[] = [
      { url: `${grad()}/enrolments`, body: { personId: p.id }, allowed: [admin, w.staff] },
      // Any unit account nominates, but only its own people: the college asking for the employer's worker finds nobody (below).
      { url: `${newTech()}/nominations`, body: { personId: p.id, confirmedLevel: 3 }, allowed: [w.employerSession, w.collegeSession] },
      { url: `${newTech()}/exam-numbers`, body: {}, allowed: [admin, w.staff, w.collegeSession] },
      { url: `${newTech()}/accounts`, body: {}, allowed: [admin, w.staff, w.collegeSession] },
    ];
    const everyone = { admin, staff: w.staff, finance, college: w.collegeSession, employer: w.employerSession, judge, person };
    for (const r of routes) {
      for (const [role, s] of Object.entries(everyone)) {
        if (r.allowed.includes(s)) continue;
        const res = await call(env, s, 'POST', r.url, r.body);
        expect(res.statusCode, `${role} ${r.url}`).toBe(403);
      }
      expect((await call(env, null, 'POST', r.url, r.body)).statusCode).toBe(401);
    }
    expect((await call(env, w.collegeSession, 'POST', `${newTech()}/nominations`, { personId: p.id, confirmedLevel: 3 })).statusCode).toBe(404);
    // decision and withdrawal on a real row: only the staff (and, for a decision, the college).
    const n = await call(env, w.employerSession, 'POST', `${newTech()}/nominations`, { personId: p.id, confirmedLevel: 3 });
    expect(n.statusCode, n.body).toBe(200);
    const id = n.json().id;
    for (const s of [finance, w.employerSession, judge, person, other.session]) {
      expect((await call(env, s, 'POST', `/api/training/enrolments/${id}/decision`, { decision: 'accept', version: 1 })).statusCode).toBe(403);
      expect((await call(env, s, 'POST', `/api/training/enrolments/${id}/withdraw`, { reason: '测试', version: 1 })).statusCode).toBe(403);
    }
    expect((await call(env, w.collegeSession, 'POST', `/api/training/enrolments/${id}/withdraw`, { reason: '测试', version: 1 })).statusCode).toBe(403);
    expect((await call(env, null, 'POST', `/api/training/enrolments/${id}/decision`, { decision: 'accept', version: 1 })).statusCode).toBe(401);
    // reading: staff, committee readers and the college read the class; an employer its own rows; others not.
    for (const s of [admin, w.staff, finance, w.collegeSession]) expect((await list(s, newTech())).some((r) => r.id === id)).toBe(true);
    expect((await list(w.employerSession, newTech())).map((r) => r.id)).toEqual([id]);
    expect(await list(other.session, newTech())).toEqual([]);
    for (const s of [judge, person]) expect((await call(env, s, 'GET', `${newTech()}/enrolments`)).statusCode).toBe(403);
    expect((await call(env, null, 'GET', `${newTech()}/enrolments`)).statusCode).toBe(401);
    expect((await call(env, w.staff, 'GET', '/api/training/classes/999999/enrolments')).statusCode).toBe(404);
  });
});

describe('the organizer enrols', () => {
  it('enrols an existing person and a new one (registered once, by ID number), with the person\'s unit', async () => {
    const p = await worker(w.employer.id, null, '李四');
    const a = await call(env, w.staff, 'POST', `${grad()}/enrolments`, { personId: p.id });
    expect(a.statusCode, a.body).toBe(200);
    expect(a.json()).toMatchObject({ status: 'enrolled', source: 'organizer', unitId: w.employer.id, name: '李四' });
    const idNumber = testIdNumber('F');
    const before = (await env.database.db.select({ n: count() }).from(people))[0]!.n;
    const b = await call(env, w.staff, 'POST', `${grad()}/enrolments`, { name: '王芳', idNumber, phone: '13900001111', unitId: other.unit.id });
    expect(b.statusCode, b.body).toBe(200);
    expect(b.json()).toMatchObject({ status: 'enrolled', source: 'organizer', unitId: other.unit.id, gender: 'F' });
    expect((await env.database.db.select({ n: count() }).from(people))[0]!.n).toBe(before + 1);
    // The same ID number again is the same person: refused as already in the class, no second person.
    const again = await call(env, w.staff, 'POST', `${grad()}/enrolments`, { name: '王芳', idNumber, unitId: other.unit.id });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain(w.gradClass.name);
    expect((await env.database.db.select({ n: count() }).from(people))[0]!.n).toBe(before + 1);
    // A registered ID number under another name is refused, naming the registered one.
    const slip = await call(env, w.staff, 'POST', `${grad()}/enrolments`, { name: '王方', idNumber, unitId: other.unit.id });
    expect(slip.statusCode).toBe(409);
    expect(slip.json().error.message).toContain('王芳');
    // Bad input, by field.
    const bad = await call(env, w.staff, 'POST', `${grad()}/enrolments`, { name: '赵六', idNumber: '110101199003071230', unitId: other.unit.id });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0].field).toBe('idNumber');
    const empty = await call(env, w.staff, 'POST', `${grad()}/enrolments`, {});
    expect(empty.json().error.issues.map((i: { field: string }) => i.field).sort()).toEqual(['idNumber', 'name', 'unitId']);
  });

  it('refuses a class that is planned, finished or cancelled, naming its status', async () => {
    const p = await worker(w.employer.id);
    const planned = await w.post('/api/training/classes', {
      programmeId: w.entre.id, name: '未开班', targetGroup: 'graduates', curriculum: 'GYB', venue: 'x', plannedStartOn: '2011-01-01', plannedEndOn: '2011-01-10', plannedSize: 1, quota: 1,
    });
    const r = await call(env, w.staff, 'POST', `/api/training/classes/${planned.id}/enrolments`, { personId: p.id });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.message).toContain('计划中');
    const cancelled = await call(env, w.staff, 'POST', `/api/training/classes/${planned.id}/status`, { to: 'cancelled', version: planned.version });
    expect(cancelled.statusCode).toBe(200);
    expect((await call(env, w.staff, 'POST', `/api/training/classes/${planned.id}/enrolments`, { personId: p.id })).json().error.message).toContain('已取消');
    const c = await extraClass('entre');
    const run = await w.post(`/api/training/classes/${c.id}/status`, { to: 'running', version: c.version });
    expect((await call(env, w.staff, 'POST', `/api/training/classes/${c.id}/enrolments`, { personId: p.id })).statusCode).toBe(200);
    await w.post(`/api/training/classes/${c.id}/status`, { to: 'finished', version: run.version });
    const q = await worker(w.employer.id);
    const fin = await call(env, w.staff, 'POST', `/api/training/classes/${c.id}/enrolments`, { personId: q.id });
    expect(fin.statusCode).toBe(409);
    expect(fin.json().error.message).toContain('已结业');
  });

  it('refuses a full class and a person already in an overlapping class of the same programme, naming it', async () => {
    const c = await extraClass('entre', { quota: 1, start: '2012-03-01', end: '2012-04-30' });
    const [a, b] = [await worker(w.employer.id), await worker(w.employer.id)];
    expect((await call(env, w.staff, 'POST', `/api/training/classes/${c.id}/enrolments`, { personId: a.id })).statusCode).toBe(200);
    const full = await call(env, w.staff, 'POST', `/api/training/classes/${c.id}/enrolments`, { personId: b.id });
    expect(full.statusCode).toBe(409);
    expect(full.json().error.message).toBe('名额已满：已录取 1 人，名额 1');
    const overlapping = await extraClass('entre', { start: '2012-04-30', end: '2012-05-30' });
    const clash = await call(env, w.staff, 'POST', `/api/training/classes/${overlapping.id}/enrolments`, { personId: a.id });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.message).toContain(`「${c.name}」`);
    const later = await extraClass('entre', { start: '2012-05-01', end: '2012-05-30' });
    expect((await call(env, w.staff, 'POST', `/api/training/classes/${later.id}/enrolments`, { personId: a.id })).statusCode).toBe(200);
  });

  it('withdraws a trainee with the reason, keeping the row; a stale version or no reason is refused', async () => {
    const p = await worker(w.employer.id);
    const e = (await call(env, w.staff, 'POST', `${grad()}/enrolments`, { personId: p.id })).json();
    expect((await call(env, w.staff, 'POST', `/api/training/enrolments/${e.id}/withdraw`, { reason: '', version: e.version })).json().error.issues[0].field).toBe('reason');
    expect((await call(env, w.staff, 'POST', `/api/training/enrolments/${e.id}/withdraw`, { reason: '工作调动', version: e.version + 1 })).statusCode).toBe(409);
    const r = await call(env, w.staff, 'POST', `/api/training/enrolments/${e.id}/withdraw`, { reason: '工作调动', version: e.version });
    expect(r.json()).toMatchObject({ status: 'withdrawn', reason: '工作调动', version: e.version + 1 });
    expect((await rowOf(grad(), p.id)).status).toBe('withdrawn');
    expect((await call(env, w.staff, 'POST', `/api/training/enrolments/${e.id}/withdraw`, { reason: '再次', version: e.version + 1 })).statusCode).toBe(409);
    const audit = (await call(env, admin, 'GET', '/api/audit?action=training.enrolment.withdraw')).json();
    expect(audit.items[0].after).toMatchObject({ status: 'withdrawn', reason: '工作调动' });
  });
});

describe('the employer nominates, the college decides', () => {
  it('nominates its own 高级工; refuses a lower level on record or confirmed, another unit\'s person, a class not for new technicians', async () => {
    const ok = await worker(w.employer.id, 3, '高级工甲');
    const r = await call(env, w.employerSession, 'POST', `${newTech()}/nominations`, { personId: ok.id, confirmedLevel: 3 });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ status: 'nominated', source: 'employer', confirmedLevel: 3, unitId: w.employer.id });
    const low = await worker(w.employer.id, 4, '中级工乙');
    const l = await call(env, w.employerSession, 'POST', `${newTech()}/nominations`, { personId: low.id, confirmedLevel: 3 });
    expect(l.statusCode).toBe(409);
    expect(l.json().error.message).toContain('中级工');
    // A qualification record of 高级工 or higher outranks a lower level on the person.
    await env.database.db.insert(qualificationRecords).values({ personId: low.id, level: 3, obtainedOn: '2008-06-01', source: '鉴定' });
    expect((await call(env, w.employerSession, 'POST', `${newTech()}/nominations`, { personId: low.id, confirmedLevel: 3 })).statusCode).toBe(200);
    const unknown = await worker(w.employer.id, null);
    const c = await call(env, w.employerSession, 'POST', `${newTech()}/nominations`, { personId: unknown.id, confirmedLevel: 4 });
    expect(c.statusCode).toBe(400);
    expect(c.json().error.issues[0]).toMatchObject({ field: 'confirmedLevel' });
    expect(c.json().error.message).toContain('高级工');
    expect((await call(env, w.employerSession, 'POST', `${newTech()}/nominations`, { personId: unknown.id, confirmedLevel: 6 })).statusCode).toBe(400);
    const foreign = await worker(other.unit.id);
    expect((await call(env, w.employerSession, 'POST', `${newTech()}/nominations`, { personId: foreign.id, confirmedLevel: 3 })).statusCode).toBe(404);
    const g = await call(env, w.employerSession, 'POST', `${grad()}/nominations`, { personId: unknown.id, confirmedLevel: 3 });
    expect(g.statusCode).toBe(409);
    expect(g.json().error.message).toContain('不是新技师培训班');
    // An employer never sees another unit's nominations.
    await call(env, other.session, 'POST', `${newTech()}/nominations`, { personId: foreign.id, confirmedLevel: 2 });
    const mine = await list(w.employerSession, newTech());
    expect(mine.every((x) => x.unitId === w.employer.id)).toBe(true);
    expect((await list(other.session, newTech())).map((x) => x.personId)).toEqual([foreign.id]);
  });

  it('a nomination needs an enrolling class: running or planned is refused', async () => {
    const c = await extraClass('newTech');
    await w.post(`/api/training/classes/${c.id}/status`, { to: 'running', version: c.version });
    const p = await worker(w.employer.id);
    const r = await call(env, w.employerSession, 'POST', `/api/training/classes/${c.id}/nominations`, { personId: p.id, confirmedLevel: 3 });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.message).toContain('培训中');
  });

  it('the college accepts or refuses with a reason; a refused person may be nominated again (the same row)', async () => {
    const [a, b] = [await worker(w.employer.id, 2, '技师丙'), await worker(w.employer.id, 3, '高级工丁')];
    const na = (await call(env, w.employerSession, 'POST', `${newTech()}/nominations`, { personId: a.id, confirmedLevel: 2 })).json();
    const nb = (await call(env, w.employerSession, 'POST', `${newTech()}/nominations`, { personId: b.id, confirmedLevel: 3 })).json();
    const dup = await call(env, w.employerSession, 'POST', `${newTech()}/nominations`, { personId: a.id, confirmedLevel: 2 });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toContain(w.newTechClass.name);
    const decide = (s: Session, id: number, body: object) => call(env, s, 'POST', `/api/training/enrolments/${id}/decision`, body);
    expect((await decide(w.collegeSession, na.id, { decision: 'accept', version: na.version + 1 })).statusCode).toBe(409);
    const acc = await decide(w.collegeSession, na.id, { decision: 'accept', version: na.version });
    expect(acc.json()).toMatchObject({ status: 'enrolled', version: na.version + 1 });
    expect((await decide(w.collegeSession, na.id, { decision: 'reject', reason: 'x', version: na.version + 1 })).statusCode).toBe(409);
    const noReason = await decide(w.collegeSession, nb.id, { decision: 'reject', version: nb.version });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.issues[0].field).toBe('reason');
    const rej = await decide(w.collegeSession, nb.id, { decision: 'reject', reason: '本期电工名额已满，请报下期', version: nb.version });
    expect(rej.json()).toMatchObject({ status: 'rejected', reason: '本期电工名额已满，请报下期' });
    expect((await list(w.employerSession, newTech())).find((x) => x.id === nb.id)).toMatchObject({ status: 'rejected', reason: '本期电工名额已满，请报下期' });
    const again = await call(env, w.employerSession, 'POST', `${newTech()}/nominations`, { personId: b.id, confirmedLevel: 3 });
    expect(again.json()).toMatchObject({ id: nb.id, status: 'nominated', reason: null });
    const audit = (await call(env, admin, 'GET', '/api/audit?action=training.enrolment.decide')).json();
    expect(audit.items.length).toBeGreaterThanOrEqual(2);
  });

  it('the employer withdraws its own undecided nomination, not another\'s nor a decided one', async () => {
    const p = await worker(w.employer.id);
    const n = (await call(env, w.employerSession, 'POST', `${newTech()}/nominations`, { personId: p.id, confirmedLevel: 3 })).json();
    expect((await call(env, other.session, 'POST', `/api/training/enrolments/${n.id}/withdraw-nomination`, { version: n.version })).statusCode).toBe(404);
    const r = await call(env, w.employerSession, 'POST', `/api/training/enrolments/${n.id}/withdraw-nomination`, { version: n.version });
    expect(r.json()).toMatchObject({ status: 'withdrawn' });
    expect((await call(env, w.employerSession, 'POST', `/api/training/enrolments/${n.id}/withdraw-nomination`, { version: n.version + 1 })).statusCode).toBe(409);
  });

  it('counts the employer\'s places (nominated and enrolled) and the class quota on acceptance', async () => {
    const c = await extraClass('newTech', { quota: 1, unitQuota: 1, start: '2013-01-01', end: '2013-02-09' });
    const url = `/api/training/classes/${c.id}`;
    const [a, b, x] = [await worker(w.employer.id), await worker(w.employer.id), await worker(other.unit.id)];
    const n = (await call(env, w.employerSession, 'POST', `${url}/nominations`, { personId: a.id, confirmedLevel: 3 })).json();
    const second = await call(env, w.employerSession, 'POST', `${url}/nominations`, { personId: b.id, confirmedLevel: 3 });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.message).toContain('每单位名额 1');
    expect((await call(env, w.staff, 'POST', `${url}/enrolments`, { personId: x.id })).statusCode).toBe(200);
    const full = await call(env, w.collegeSession, 'POST', `/api/training/enrolments/${n.id}/decision`, { decision: 'accept', version: n.version });
    expect(full.statusCode).toBe(409);
    expect(full.json().error.message).toBe('名额已满：已录取 1 人，名额 1');
  });
});

describe('at the same time', () => {
  it('two acceptances for the last seat: one is enrolled, the other refused as full (the class is locked)', async () => {
    const c = await extraClass('newTech', { quota: 1, start: '2019-01-01', end: '2019-02-09' });
    const url = `/api/training/classes/${c.id}`;
    const ns = [];
    for (const p of [await worker(w.employer.id), await worker(w.employer.id)]) {
      ns.push((await call(env, w.employerSession, 'POST', `${url}/nominations`, { personId: p.id, confirmedLevel: 3 })).json());
    }
    const rs = await Promise.all(ns.map((n) => call(env, w.collegeSession, 'POST', `/api/training/enrolments/${n.id}/decision`, { decision: 'accept', version: n.version })));
    expect(rs.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect((await list(w.staff, url)).filter((r) => r.status === 'enrolled')).toHaveLength(1);
  });
});

describe('lists, exam numbers and accounts', () => {
  it('shows ID numbers and phones masked, with status, source, unit, level, exam number and account', async () => {
    const p = await worker(w.employer.id, 3, '掩码');
    await call(env, w.staff, 'POST', `${grad()}/enrolments`, { personId: p.id });
    for (const s of [w.staff, finance, w.employerSession]) {
      const res = await call(env, s, 'GET', `${grad()}/enrolments`);
      expect(res.body).not.toContain(p.idNumber);
      expect(res.body).not.toContain('13812345678');
      const row = res.json().find((r: { personId: number }) => r.personId === p.id);
      expect(row).toMatchObject({ idNumberMasked: `${p.idNumber.slice(0, 3)}${'*'.repeat(11)}${p.idNumber.slice(14)}`, phoneMasked: '138****5678', unitName: w.employer.name, source: 'organizer', level: 3, hasAccount: false, examNumber: null });
    }
  });

  it('numbers the enrolled trainees in order, once each, for a new-technician class only', async () => {
    const c = await extraClass('newTech', { start: '2014-05-13', end: '2014-06-21' });
    const url = `/api/training/classes/${c.id}`;
    const ps = [await worker(w.employer.id), await worker(w.employer.id), await worker(w.employer.id)];
    for (const p of ps.slice(0, 2)) expect((await call(env, w.staff, 'POST', `${url}/enrolments`, { personId: p.id })).statusCode).toBe(200);
    const n = (await call(env, w.employerSession, 'POST', `${url}/nominations`, { personId: ps[2]!.id, confirmedLevel: 3 })).json();
    const first = await call(env, w.collegeSession, 'POST', `${url}/exam-numbers`);
    expect(first.json()).toEqual({ assigned: 2 });
    await call(env, w.collegeSession, 'POST', `/api/training/enrolments/${n.id}/decision`, { decision: 'accept', version: n.version });
    expect((await call(env, w.staff, 'POST', `${url}/exam-numbers`)).json()).toEqual({ assigned: 1 });
    expect((await call(env, w.staff, 'POST', `${url}/exam-numbers`)).json()).toEqual({ assigned: 0 });
    const rows = await list(w.staff, url);
    expect(rows.map((r) => r.examNumber)).toEqual([`JC2014-${c.id}-001`, `JC2014-${c.id}-002`, `JC2014-${c.id}-003`]);
    const g = await call(env, w.staff, 'POST', `${grad()}/exam-numbers`);
    expect(g.statusCode).toBe(409);
    const aud = (await call(env, admin, 'GET', '/api/audit?action=training.enrolment.exam-numbers')).json();
    expect(aud.items.length).toBeGreaterThanOrEqual(2);
  });

  it('issues a trainee account with a one-time password to each enrolled trainee without one; an existing account is kept', async () => {
    const c = await extraClass('entre', { start: '2015-01-01', end: '2015-01-20' });
    const url = `/api/training/classes/${c.id}`;
    const t = await traineeSession(env, w.employer.id, { name: '已有账号' });
    const p = await worker(w.employer.id, null, '新学员');
    const nominated = await worker(w.employer.id);
    for (const id of [t.person.id, p.id]) expect((await call(env, w.staff, 'POST', `${url}/enrolments`, { personId: id })).statusCode).toBe(200);
    void nominated;
    const r = await call(env, w.staff, 'POST', `${url}/accounts`);
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    expect(body.kept).toBe(1);
    expect(body.created).toHaveLength(1);
    expect(body.created[0]).toMatchObject({ personId: p.id, name: '新学员' });
    const s = await login(env, body.created[0].username, body.created[0].oneTimePassword);
    const me = (await call(env, s, 'GET', '/api/auth/me')).json();
    expect(me).toMatchObject({ role: 'person', mustChangePassword: true });
    expect((await call(env, w.staff, 'POST', `${url}/accounts`)).json()).toEqual({ created: [], kept: 2 });
    expect((await list(w.staff, url)).every((x) => x.hasAccount)).toBe(true);
    const aud = (await call(env, admin, 'GET', '/api/audit?action=training.enrolment.account')).json();
    expect(JSON.stringify(aud)).not.toContain(body.created[0].oneTimePassword);
  });
});

describe('Excel', () => {
  const upload = (url: string, file: Buffer, s: Session = w.staff) => {
    const m = multipart(file);
    return env.app.inject({ method: 'POST', url: `${url}/enrolments/import`, payload: m.payload, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': m.contentType } });
  };
  const header = ['姓名', '身份证号', '手机号', '单位'];

  it('downloads the template; refuses bad rows by row and column and writes nothing', async () => {
    const t = await call(env, w.staff, 'GET', `${grad()}/enrolments/template`);
    expect(t.statusCode).toBe(200);
    expect(t.headers['content-type']).toContain('spreadsheetml');
    expect((await call(env, w.employerSession, 'GET', `${grad()}/enrolments/template`)).statusCode).toBe(403);
    const c = await extraClass('entre', { start: '2016-01-01', end: '2016-01-20' });
    const url = `/api/training/classes/${c.id}`;
    const known = await worker(w.employer.id, null, '登记人');
    const newId = testIdNumber();
    const peopleBefore = (await env.database.db.select({ n: count() }).from(people))[0]!.n;
    const bad = await upload(url, await makeXlsx([header, ['新人', newId, '13911112222', w.employer.name], ['登记人甲', known.idNumber, '', ''], ['无单位', testIdNumber(), '', '不存在的单位'], ['坏号', '110101199003071230', '', w.employer.name]]));
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().error.issues.map((i: { field: string }) => i.field);
    expect(fields).toEqual(['A3', 'D4', 'B5']);
    expect(bad.json().error.message).toContain('第 3 行 A 列「姓名」');
    expect((await env.database.db.select({ n: count() }).from(people))[0]!.n).toBe(peopleBefore);
    expect(await enrolmentCount(c.id)).toBe(0);
    expect((await upload(url, await makeXlsx([header, ['x', newId, '', w.employer.name]]), w.employerSession)).statusCode).toBe(403);
  });

  it('a row refused by the class (already in it) is named by row, and the new person of another row is not registered', async () => {
    const c = await extraClass('entre', { start: '2017-01-01', end: '2017-01-20' });
    const url = `/api/training/classes/${c.id}`;
    const known = await worker(w.employer.id, null, '已在班');
    await call(env, w.staff, 'POST', `${url}/enrolments`, { personId: known.id });
    const newId = testIdNumber();
    const peopleBefore = (await env.database.db.select({ n: count() }).from(people))[0]!.n;
    const r = await upload(url, await makeXlsx([header, ['新人乙', newId, '', w.employer.name], ['已在班', known.idNumber, '', '']]));
    expect(r.statusCode).toBe(400);
    expect(r.json().error.issues).toEqual([expect.objectContaining({ field: 'B3' })]);
    expect(r.json().error.message).toContain('已在培训班');
    expect((await env.database.db.select({ n: count() }).from(people))[0]!.n).toBe(peopleBefore);
    expect(await enrolmentCount(c.id)).toBe(1);
    const dupInFile = await upload(url, await makeXlsx([header, ['新人乙', newId, '', w.employer.name], ['新人乙', newId, '', w.employer.name]]));
    expect(dupInFile.json().error.issues).toEqual([expect.objectContaining({ field: 'B3', message: expect.stringContaining('与第 2 行重复') })]);
  });

  it('enrols a good file all at once (source excel), registering new people once and finding the registered', async () => {
    const c = await extraClass('entre', { start: '2018-01-01', end: '2018-01-20' });
    const url = `/api/training/classes/${c.id}`;
    const known = await worker(w.employer.id, null, '老学员');
    const newId = testIdNumber();
    const r = await upload(url, await makeXlsx([header, ['新学员丙', newId, '13911113333', w.employer.name], ['老学员', known.idNumber, '', '']]));
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual({ enrolled: 2, created: 1 });
    const rows = await list(w.staff, url);
    expect(rows.map((x) => [x.name, x.source, x.status])).toEqual([['新学员丙', 'excel', 'enrolled'], ['老学员', 'excel', 'enrolled']]);
    const created = await env.database.db.select({ n: count() }).from(people).where(and(eq(people.name, '新学员丙')));
    expect(created[0]!.n).toBe(1);
  });
});

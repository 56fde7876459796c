import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { judgeConflicts } from '../../competition/judging/tables.js';
import { verifyBadge } from '../../core/certificates/badge.js';
import { buildUnit, call, makeTestEnv, sessionAs, type Session, type TestEnv } from '../../test/harness.js';
import { committeeSession, trainingWorld, unitSession } from '../fixture.js';
import { addSessions, enrol, mark, moveClass, postPlan } from './fixture.js';
import { trainingMarkEvents } from './tables.js';

/** 创业计划书: upload (own only), the panel with recusal, chained marks, commendation, certificates and the badge. */
let env: TestEnv;
let w: Awaited<ReturnType<typeof trainingWorld>>;
type T = Awaited<ReturnType<typeof enrol>>;
let a: T, b: T, c: T, d: T;
let j1: Session, j2: Session, j3: Session;
const plan = { a: 0, b: 0, c: 0, d: 0 };
let panelId = 0;
const RUBRIC = [
  { code: 'M', name: '市场分析', weight: 60, kind: 'points', max: 10 },
  { code: 'F', name: '财务可行', weight: 40, kind: 'judgement', max: 3 },
];

beforeAll(async () => {
  env = await makeTestEnv();
  w = await trainingWorld(env);
  const u2 = await buildUnit(env);
  const u3 = await buildUnit(env);
  a = await enrol(env, w.gradClass.id, w.employer.id, { account: true, name: '甲' });
  b = await enrol(env, w.gradClass.id, u2.id, { account: true, name: '乙' });
  c = await enrol(env, w.gradClass.id, u3.id, { account: true, name: '丙' });
  d = await enrol(env, w.gradClass.id, u3.id, { account: true, name: '丁' });
  j1 = await unitSession(env, w.employer.id, 'judge'); // own unit of 甲
  j2 = await sessionAs(env, 'judge');
  j3 = await sessionAs(env, 'judge'); // declares a tie with 乙
  await env.database.db.insert(judgeConflicts).values({ judgeId: j3.accountId, kind: 'person', personId: b.person.id, reason: 'relative' });
});
afterAll(() => env.close());

describe('business plans', () => {
  it('are refused before the class runs, then taken from the trainee (own only) or from staff on a trainee\'s behalf', async () => {
    const early = await postPlan(env, a.session!, w.gradClass.id, { title: '乡村电商' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('开班后');
    expect((await moveClass(env, w.staff, w.gradClass.id, 'enrolling')).statusCode).toBe(200);
    expect((await moveClass(env, w.staff, w.gradClass.id, 'running', '2009-03-28')).statusCode).toBe(200);

    const own = await postPlan(env, a.session!, w.gradClass.id, { title: '乡村电商', summary: '农产品网店' });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json()).toMatchObject({ title: '乡村电商', personName: '甲', fileName: 'plan.pdf', score: null, commended: false });
    plan.a = own.json().id;
    expect((await postPlan(env, a.session!, w.gradClass.id, { title: '替别人交', enrolmentId: b.enrolment.id })).statusCode).toBe(403);
    const stranger = await sessionAs(env, 'person');
    expect((await postPlan(env, stranger, w.gradClass.id, { title: '不是学员' })).statusCode).toBe(403);
    const notPdf = await postPlan(env, b.session!, w.gradClass.id, { title: '伪装文件' }, Buffer.from('MZ executable pretending'));
    expect(notPdf.statusCode).toBe(400);
    expect(notPdf.json().error.issues[0].field).toBe('file');
    expect((await postPlan(env, b.session!, w.gradClass.id, { title: 'x' })).json().error.issues[0].field).toBe('title');
    expect((await postPlan(env, w.employerSession, w.gradClass.id, { title: '单位代交', enrolmentId: b.enrolment.id })).statusCode).toBe(403);
    expect((await postPlan(env, w.staff, w.gradClass.id, { title: '代交' })).json().error.issues[0].field).toBe('enrolmentId');

    plan.b = (await postPlan(env, b.session!, w.gradClass.id, { title: '社区养老' })).json().id;
    const byStaff = await postPlan(env, w.staff, w.gradClass.id, { title: '民宿', enrolmentId: c.enrolment.id });
    expect(byStaff.statusCode).toBe(200);
    plan.c = byStaff.json().id;
    plan.d = (await postPlan(env, d.session!, w.gradClass.id, { title: '快递驿站' })).json().id;
    // A replacement keeps the one plan per trainee.
    const again = await postPlan(env, a.session!, w.gradClass.id, { title: '乡村电商（修订）' });
    expect(again.json()).toMatchObject({ id: plan.a, version: 2, title: '乡村电商（修订）' });
  });

  it('lists per class for readers, the college and teachers; the trainee sees their own; the file goes to the owner and staff only', async () => {
    const url = `/api/training/classes/${w.gradClass.id}/plans`;
    expect((await call(env, w.staff, 'GET', url)).json()).toHaveLength(4);
    expect((await call(env, w.teacher, 'GET', url)).statusCode).toBe(200);
    expect((await call(env, w.employerSession, 'GET', url)).statusCode).toBe(404);
    expect((await call(env, a.session!, 'GET', url)).statusCode).toBe(403);
    expect((await call(env, null, 'GET', url)).statusCode).toBe(401);
    const mine = (await call(env, a.session!, 'GET', '/api/training/me/plans')).json();
    expect(mine.map((p: { id: number }) => p.id)).toEqual([plan.a]);

    const file = `/api/training/plans/${plan.a}/file`;
    const got = await call(env, a.session!, 'GET', file);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toContain('application/pdf');
    expect((await call(env, w.staff, 'GET', file)).statusCode).toBe(200);
    expect((await call(env, b.session!, 'GET', file)).statusCode).toBe(404);
    expect((await call(env, j2, 'GET', file)).statusCode).toBe(404); // not assigned yet
    expect((await call(env, w.employerSession, 'GET', file)).statusCode).toBe(404);
  });
});

describe('the panel', () => {
  it('is set up by training staff with judge members and a rubric; others are refused', async () => {
    const body = { programmeId: w.entre.id, name: '第1班评审组', rubric: RUBRIC, commendCount: 2, members: [{ accountId: j1.accountId, chair: true }, { accountId: j2.accountId }, { accountId: j3.accountId }] };
    const notJudge = await call(env, w.staff, 'POST', '/api/training/plan-panels', { ...body, members: [{ accountId: w.collegeSession.accountId }] });
    expect(notJudge.statusCode).toBe(400);
    expect(notJudge.json().error.issues[0].field).toBe('members');
    const badWeights = await call(env, w.staff, 'POST', '/api/training/plan-panels', { ...body, rubric: [{ ...RUBRIC[0], weight: 50 }] });
    expect(badWeights.statusCode).toBe(400);
    for (const s of [await committeeSession(env, 'finance'), w.collegeSession, j1, a.session!]) {
      expect((await call(env, s, 'POST', '/api/training/plan-panels', body)).statusCode).toBe(403);
    }
    expect((await call(env, null, 'POST', '/api/training/plan-panels', body)).statusCode).toBe(401);
    const res = await call(env, w.staff, 'POST', '/api/training/plan-panels', body);
    expect(res.statusCode, res.body).toBe(200);
    panelId = res.json().id;
    expect(res.json().members).toHaveLength(3);
    expect((await call(env, await committeeSession(env, 'finance'), 'GET', `/api/training/plan-panels?programmeId=${w.entre.id}`)).json()).toHaveLength(1);
    expect((await call(env, j1, 'GET', '/api/training/plan-panels')).statusCode).toBe(403);
  });

  it('assigns each plan to every member who need not recuse: never the own-unit reviewer nor one with a declared tie', async () => {
    expect((await call(env, w.collegeSession, 'POST', `/api/training/plan-panels/${panelId}/assign`, { classId: w.gradClass.id })).statusCode).toBe(403);
    const res = await call(env, w.staff, 'POST', `/api/training/plan-panels/${panelId}/assign`, { classId: w.gradClass.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ assigned: 4, unassigned: [] });
    const recused = res.json().recused.map((r: { planId: number; reviewerId: number }) => `${r.planId}:${r.reviewerId}`).sort();
    expect(recused).toEqual([`${plan.a}:${j1.accountId}`, `${plan.b}:${j3.accountId}`].sort());
    expect(res.json().recused.find((r: { planId: number }) => r.planId === plan.a).message).toContain('同属一个单位');
    const plans = (await call(env, w.staff, 'GET', `/api/training/classes/${w.gradClass.id}/plans`)).json();
    const reviewersOf = (id: number) => plans.find((p: { id: number }) => p.id === id).reviewers.map((r: { accountId: number }) => r.accountId).sort();
    expect(reviewersOf(plan.a)).toEqual([j2.accountId, j3.accountId].sort());
    expect(reviewersOf(plan.b)).toEqual([j1.accountId, j2.accountId].sort());
    expect(reviewersOf(plan.c)).toHaveLength(3);
    // A reviewer sees only the plans assigned to them, and their files.
    const seen = (await call(env, j1, 'GET', '/api/training/review/plans')).json().map((p: { planId: number }) => p.planId).sort();
    expect(seen).toEqual([plan.b, plan.c, plan.d].sort());
    expect((await call(env, j1, 'GET', `/api/training/plans/${plan.a}/file`)).statusCode).toBe(404);
    expect((await call(env, j2, 'GET', `/api/training/plans/${plan.a}/file`)).statusCode).toBe(200);
    expect((await call(env, j1, 'PUT', `/api/training/review/plans/${plan.a}/marks`, { marks: [{ code: 'M', value: 5, version: 0 }] })).statusCode).toBe(404);
    expect((await call(env, w.staff, 'GET', '/api/training/review/plans')).statusCode).toBe(403);
  });

  it('takes marks with version checks (stale or replayed: 409), out of the rubric (400), and scores a plan once all its reviewers marked', async () => {
    const url = (id: number) => `/api/training/review/plans/${id}/marks`;
    const first = await call(env, j2, 'PUT', url(plan.a), { marks: [{ code: 'M', value: 10, version: 0 }, { code: 'F', value: 2, version: 0 }] });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ score: 86.67, marks: { M: { value: 10, version: 1 }, F: { value: 2, version: 1 } } });
    const replay = await call(env, j2, 'PUT', url(plan.a), { marks: [{ code: 'M', value: 10, version: 0 }, { code: 'F', value: 2, version: 0 }] });
    expect(replay.statusCode).toBe(409);
    expect(replay.json().error.issues[0].field).toBe('marks.0.version');
    const bad = await call(env, j2, 'PUT', url(plan.a), { marks: [{ code: 'M', value: 11, version: 1 }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0].field).toBe('marks.0.value');
    expect((await call(env, j2, 'PUT', url(plan.a), { marks: [{ code: 'F', value: 2.5, version: 1 }] })).statusCode).toBe(400);
    expect((await call(env, j2, 'PUT', url(plan.a), { marks: [{ code: 'X', value: 1, version: 0 }] })).statusCode).toBe(400);
    const noReason = await call(env, j2, 'PUT', url(plan.a), { marks: [{ code: 'F', value: 3, version: 1 }] });
    expect(noReason.json().error.issues[0].field).toBe('reason');
    const amended = await call(env, j2, 'PUT', url(plan.a), { marks: [{ code: 'F', value: 3, version: 1 }], reason: '复核财务测算' });
    expect(amended.json()).toMatchObject({ score: 100, marks: { F: { version: 2 } } });
    // Not scored until 丙's other reviewer marks too.
    const staffView = async () => (await call(env, w.staff, 'GET', `/api/training/classes/${w.gradClass.id}/plans`)).json();
    expect((await staffView()).find((p: { id: number }) => p.id === plan.a).score).toBeNull();
    // Commending before every plan is scored is refused, naming how many are left.
    const early = await call(env, w.staff, 'POST', `/api/training/classes/${w.gradClass.id}/commend`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('4 份');

    const all = async (s: Session, id: number, m: number, f: number) => {
      const r = await call(env, s, 'PUT', url(id), { marks: [{ code: 'M', value: m, version: 0 }, { code: 'F', value: f, version: 0 }] });
      expect(r.statusCode, r.body).toBe(200);
    };
    await all(j3, plan.a, 10, 3); // 甲: 100
    for (const s of [j1, j2]) await all(s, plan.b, 5, 3); // 乙: 70
    for (const s of [j1, j2, j3]) await all(s, plan.c, 5, 3); // 丙: 70 (tied with 乙 at the boundary)
    await all(j1, plan.d, 5, 0);
    await all(j2, plan.d, 5, 0);
    await all(j3, plan.d, 6, 0); // 丁: mean of 30, 30, 36 = 32
    const scores = Object.fromEntries((await staffView()).map((p: { id: number; score: number }) => [p.id, p.score]));
    expect(scores).toEqual({ [plan.a]: 100, [plan.b]: 70, [plan.c]: 70, [plan.d]: 32 });
  });

  it('verifies its mark chain, and names the first event changed behind its back', async () => {
    const url = `/api/training/plan-panels/${panelId}/verify`;
    expect((await call(env, j1, 'GET', url)).statusCode).toBe(403);
    const ok = (await call(env, w.staff, 'GET', url)).json();
    expect(ok).toMatchObject({ ok: true, firstBroken: null });
    expect(ok.checked).toBeGreaterThan(10);
    // The append-only trigger refuses an edit…
    await expect(env.database.db.execute(sql`update training_mark_events set value = 9 where panel_id = ${panelId} and seq = 3`)).rejects.toThrow();
    // …so a forger disables it first.
    await env.database.db.execute(sql`alter table training_mark_events disable trigger training_mark_events_append_only`);
    const [row] = await env.database.db.select().from(trainingMarkEvents).where(sql`${trainingMarkEvents.panelId} = ${panelId} and ${trainingMarkEvents.seq} = 3`);
    await env.database.db.update(trainingMarkEvents).set({ value: 1 }).where(eq(trainingMarkEvents.id, row!.id));
    const broken = (await call(env, w.staff, 'GET', url)).json();
    expect(broken).toMatchObject({ ok: false, firstBroken: { seq: 3 } });
    await env.database.db.update(trainingMarkEvents).set({ value: row!.value }).where(eq(trainingMarkEvents.id, row!.id));
    await env.database.db.execute(sql`alter table training_mark_events enable trigger training_mark_events_append_only`);
    expect((await call(env, w.staff, 'GET', url)).json().ok).toBe(true);
  });

  it('commends the best two at the graduation, both tied plans at the boundary included', async () => {
    expect((await call(env, w.teacher, 'POST', `/api/training/classes/${w.gradClass.id}/commend`)).statusCode).toBe(403);
    const res = await call(env, w.staff, 'POST', `/api/training/classes/${w.gradClass.id}/commend`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ commended: 3, commendedOn: '2009-05-27' });
    const plans = (await call(env, w.staff, 'GET', `/api/training/classes/${w.gradClass.id}/plans`)).json();
    expect(plans.filter((p: { commended: boolean }) => p.commended).map((p: { id: number }) => p.id).sort()).toEqual([plan.a, plan.b, plan.c].sort());
    expect(plans.find((p: { id: number }) => p.id === plan.a).commendedOn).toBe('2009-05-27');
    // A commended plan's marks are closed.
    expect((await call(env, j2, 'PUT', `/api/training/review/plans/${plan.a}/marks`, { marks: [{ code: 'M', value: 9, version: 1 }], reason: '再改' })).statusCode).toBe(409);
  });
});

describe('training certificates', () => {
  let serial = '';
  let certId = 0;
  it('are issued once for completers and commended plans, by training staff only', async () => {
    const [s1, s2] = await addSessions(env, w.gradClass.id, [{ day: '2009-04-01' }, { day: '2009-04-08' }]);
    for (const t of [a, b]) for (const s of [s1!, s2!]) await mark(env, s.id, t.enrolment.id, 'present');
    expect((await call(env, w.staff, 'POST', `/api/training/classes/${w.gradClass.id}/certificates`)).statusCode).toBe(409); // still running
    expect((await moveClass(env, w.staff, w.gradClass.id, 'finished', '2009-05-26')).statusCode).toBe(200);
    for (const s of [await committeeSession(env, 'finance'), await committeeSession(env, 'competition'), w.collegeSession, a.session!]) {
      expect((await call(env, s, 'POST', `/api/training/classes/${w.gradClass.id}/certificates`)).statusCode).toBe(403);
    }
    const res = await call(env, w.staff, 'POST', `/api/training/classes/${w.gradClass.id}/certificates`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ completion: 2, plans: 3 });
    expect((await call(env, w.staff, 'POST', `/api/training/classes/${w.gradClass.id}/certificates`)).json()).toEqual({ completion: 0, plans: 0 });
    const rows = (await call(env, w.staff, 'GET', `/api/training/classes/${w.gradClass.id}/completions`)).json().rows;
    expect(rows.filter((r: { certificate: unknown }) => r.certificate).map((r: { personName: string }) => r.personName).sort()).toEqual(['乙', '甲'].sort());
    // Re-commending after the plan certificates: refused.
    expect((await call(env, w.staff, 'POST', `/api/training/classes/${w.gradClass.id}/commend`)).statusCode).toBe(409);
  });

  it('are the trainee\'s to download (PDF) and anyone\'s to verify', async () => {
    const mine = (await call(env, a.session!, 'GET', '/api/me/certificates')).json();
    expect(mine.map((m: { source: string }) => m.source).sort()).toEqual(['training-completion', 'training-plan']);
    const completion = mine.find((m: { source: string }) => m.source === 'training-completion');
    expect(completion).toMatchObject({ title: '准予结业', eventName: w.gradClass.name, holderName: '甲', issuedOn: '2009-05-27', issuer: '江川市劳动和社会保障局' });
    const planCert = mine.find((m: { source: string }) => m.source === 'training-plan');
    expect(planCert).toMatchObject({ title: '优秀创业计划书', tradeName: '乡村电商（修订）' });
    serial = completion.serial;
    certId = completion.id;
    const pdf = await call(env, a.session!, 'GET', `/api/certificates/${certId}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await call(env, b.session!, 'GET', `/api/certificates/${certId}/pdf`)).statusCode).toBe(403);
    const page = await call(env, null, 'GET', `/verify/${serial}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('有效');
    expect(page.body).toContain('培训班');
    expect(page.body).toContain('准予结业');
  });

  it('as an Open Badges 3.0 credential whose proof verifies with the published key; a changed field fails', async () => {
    const res = await call(env, null, 'GET', `/api/public/certificates/${serial}/badge.json`);
    expect(res.statusCode, res.body).toBe(200);
    const badge = res.json();
    expect(badge['@context']).toEqual(['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json']);
    expect(badge.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(badge.credentialSubject.type).toEqual(['AchievementSubject']);
    expect(badge.credentialSubject.achievement).toMatchObject({ type: ['Achievement'], name: '准予结业' });
    expect(badge.credentialSubject.achievement.criteria.narrative).toContain('准予结业');
    expect(badge.proof).toMatchObject({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-jcs-2022', proofPurpose: 'assertionMethod' });
    expect(res.body).not.toContain('甲');
    expect(res.body).not.toContain(a.person.idNumber);
    const issuer = (await call(env, null, 'GET', '/api/public/badge-issuer')).json();
    expect(badge.issuer.id).toBe(issuer.id);
    const key = issuer.verificationMethod[0];
    expect(badge.proof.verificationMethod).toBe(key.id);
    expect(key.type).toBe('Multikey');
    expect(verifyBadge(badge, key.publicKeyMultibase)).toBe(true);
    expect(verifyBadge({ ...badge, name: '伪造' }, key.publicKeyMultibase)).toBe(false);
    expect(verifyBadge({ ...badge, credentialSubject: { ...badge.credentialSubject, achievement: { ...badge.credentialSubject.achievement, name: '高级技师' } } }, key.publicKeyMultibase)).toBe(false);
    // The same key on every request (derived from the server secret).
    expect((await call(env, null, 'GET', '/api/public/badge-issuer')).json().verificationMethod[0].publicKeyMultibase).toBe(key.publicKeyMultibase);
  });

  it('are revoked by training staff only; the verify page and the badge then say so', async () => {
    expect((await call(env, await committeeSession(env, 'competition'), 'POST', `/api/certificates/${certId}/revoke`, { reason: '出勤记录有误' })).statusCode).toBe(403);
    const res = await call(env, w.staff, 'POST', `/api/certificates/${certId}/revoke`, { reason: '出勤记录有误' });
    expect(res.statusCode, res.body).toBe(200);
    expect((await call(env, null, 'GET', `/verify/${serial}`)).body).toContain('已撤销');
    const badge = await call(env, null, 'GET', `/api/public/certificates/${serial}/badge.json`);
    expect(badge.statusCode).toBe(410);
    expect(badge.json().error.message).toContain('撤销');
  });
});

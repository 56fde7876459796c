import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { people } from '../../core/people/tables.js';
import { call, makeTestEnv, sessionAs, type Session, type TestEnv } from '../../test/harness.js';
import { makeXlsx, multipart } from '../../test/xlsx.js';
import { selectionRounds } from '../rounds/tables.js';
import { buildWorld, dayOffset, JPG, makeCampaign, makeRound, PDF, personSession, PNG } from './fixture.js';

/** 推荐与资格审查: five channels, one candidate per person, evidence seen only by those who must, a verifier's sign-off. */
let env: TestEnv;
let w: Awaited<ReturnType<typeof buildWorld>>;
let campaignId: number;
let roundId: number;
let self: Session; // 甲一's own account
let other: Session; // 乙一's own account

const nominate = (s: Session | null, body: Record<string, unknown>, round = roundId) => call(env, s, 'POST', `/api/selection/rounds/${round}/nominations`, body);
function upload(s: Session | null, url: string, file: Buffer, name: string) {
  const m = multipart(file, name);
  return env.app.inject({ method: 'POST', url, payload: m.payload, headers: { ...(s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}), 'content-type': m.contentType } });
}
const view = async (s: Session, id: number) => (await call(env, s, 'GET', `/api/selection/candidates/${id}`)).json();

beforeAll(async () => {
  env = await makeTestEnv();
  w = await buildWorld(env);
  campaignId = await makeCampaign(env);
  roundId = (await makeRound(env, w.sessions.admin, campaignId)).id;
  self = await personSession(env, w.a1.id);
  other = await personSession(env, w.b1.id);
});
afterAll(() => env.close());

describe('nomination channels', () => {
  it('a unit nominates only its own people', async () => {
    const ok = await nominate(w.sessions.unitA, { personId: w.a1.id, claims: [{ conditionKey: 'prize', description: '2008年市赛一等奖' }] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().channel).toBe('unit');
    const foreign = await nominate(w.sessions.unitA, { personId: w.b1.id });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error.message).toContain('本单位');
  });

  it('a district nominates only people of units in its district', async () => {
    const ok = await nominate(w.sessions.district, { personId: w.a2.id });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().channel).toBe('district');
    expect((await nominate(w.sessions.district, { personId: w.b1.id })).statusCode).toBe(403);
  });

  it('an industry body nominates only its member units\' people; the same person through two channels is one candidate with both channels', async () => {
    const ok = await nominate(w.sessions.industry, { personId: w.a1.id, claims: [{ conditionKey: 'patent' }] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().channel).toBe('industry');
    expect((await nominate(w.sessions.industry, { personId: w.b1.id })).statusCode).toBe(403);
    const list = (await call(env, w.sessions.admin, 'GET', `/api/selection/rounds/${roundId}/candidates`)).json();
    const a1 = list.filter((c: { personId: number }) => c.personId === w.a1.id);
    expect(a1).toHaveLength(1);
    expect(a1[0].channels.sort()).toEqual(['industry', 'unit']);
    expect(a1[0].idNumberMasked).toMatch(/^\d{3}\*+\d{3}[\dX]$/);
    expect(a1[0].idNumberMasked).not.toBe(w.a1.idNumber);
  });

  it('refuses a nominator\'s repeat of its own nomination, with the reason', async () => {
    const again = await nominate(w.sessions.unitA, { personId: w.a1.id });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('不能重复推荐');
  });

  it('a person nominates only themself; about another person it is a society nomination by ID number and name', async () => {
    const me = await nominate(self, {});
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json().channel).toBe('self');
    expect((await nominate(self, {})).statusCode).toBe(409);
    expect((await nominate(self, { personId: w.a2.id })).statusCode).toBe(403);
    const noNominator = await nominate(other, { idNumber: w.a3.idNumber, name: '甲三' });
    expect(noNominator.statusCode).toBe(400);
    const soc = await nominate(other, { idNumber: w.a3.idNumber, name: '甲三', nominator: { name: '乙一', org: '', contact: '13900001111' } });
    expect(soc.statusCode, soc.body).toBe(200);
    expect(soc.json().channel).toBe('society');
  });

  it('society nominations keyed by the office: the nominee found by ID number and name, refused clearly when not', async () => {
    const ok = await nominate(w.sessions.committee, { idNumber: w.a3.idNumber, name: '甲三', nominator: { name: '王五', org: '江川市工会', contact: '13900002222' } });
    expect(ok.statusCode, ok.body).toBe(200);
    const v = await view(w.sessions.admin, ok.json().candidateId);
    const soc = v.nominations.find((n: { nominatorOrg: string | null }) => n.nominatorOrg === '江川市工会');
    expect(soc.nominatorContactMasked).toBe('139****2222');
    expect(JSON.stringify(v)).not.toContain('13900002222');
    const wrongName = await nominate(w.sessions.committee, { idNumber: w.a3.idNumber, name: '别人', nominator: { name: '王五', contact: '13900002222' } });
    expect(wrongName.statusCode).toBe(400);
    expect(wrongName.json().error.issues[0].field).toBe('name');
    const unknown = await nominate(w.sessions.committee, { idNumber: '110101199003074514', name: '无名', nominator: { name: '王五', contact: '13900002222' } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.issues[0].field).toBe('idNumber');
    expect(unknown.json().error.message).toContain('人员库中没有');
  });

  it('refuses judges and the public', async () => {
    expect((await nominate(w.sessions.judge, { personId: w.a1.id })).statusCode).toBe(403);
    expect((await nominate(null, { personId: w.a1.id })).statusCode).toBe(401);
  });

  it('refuses outside the window, naming the dates', async () => {
    const past = await makeRound(env, w.sessions.admin, campaignId, -30, -20);
    const res = await nominate(w.sessions.unitA, { personId: w.a1.id }, past.id);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(/推荐报名时间为 \d{4}-\d{2}-\d{2} 至 \d{4}-\d{2}-\d{2}/);
    const future = await makeRound(env, w.sessions.admin, campaignId, 3, 10);
    expect((await nominate(w.sessions.unitA, { personId: w.a1.id }, future.id)).statusCode).toBe(409);
  });
});

describe('evidence', () => {
  let cand: number;
  let evidenceId: number;
  beforeAll(async () => {
    cand = (await call(env, w.sessions.unitA, 'GET', `/api/selection/rounds/${roundId}/nominations/mine`)).json().find((c: { personId: number }) => c.personId === w.a1.id).id;
  });
  const url = (q = 'purpose=condition&condition=prize') => `/api/selection/candidates/${cand}/evidence?${q}`;

  it('refuses a file that is not PDF, JPG or PNG by its content, whatever its name', async () => {
    const res = await upload(w.sessions.unitA, url(), Buffer.from('just some text, not a PDF at all'), '获奖证书.pdf');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues[0].field).toBe('file');
    expect(res.json().error.message).toContain('按文件内容判断');
  });

  it('refuses a file over 5 MB', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)]);
    const res = await upload(w.sessions.unitA, url(), big, 'big.pdf');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('5 MB');
  });

  it('refuses evidence for a condition not claimed', async () => {
    const res = await upload(w.sessions.unitA, url('purpose=condition&condition=honour'), PDF, 'x.pdf');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues[0].field).toBe('condition');
  });

  it('stores a real PDF with its SHA-256; serves it as an attachment with its stored type', async () => {
    const res = await upload(w.sessions.unitA, url(), PDF, '获奖证书.txt');
    expect(res.statusCode, res.body).toBe(200);
    const ev = res.json().evidence.at(-1);
    expect(ev.mime).toBe('application/pdf');
    expect(ev.fileName).toBe('获奖证书.pdf');
    expect(ev.sha256).toMatch(/^[0-9a-f]{64}$/);
    evidenceId = ev.id;
    const dl = await call(env, w.sessions.unitA, 'GET', `/api/selection/evidence/${evidenceId}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(String(dl.headers['content-disposition'])).toMatch(/^attachment;/);
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect(dl.rawPayload.equals(PDF)).toBe(true);
  });

  it('is seen by the nominators, the candidate and the office; not by another unit, a judge, another person, the public', async () => {
    const judge = w.sessions.judge;
    const person = await sessionAs(env, 'person');
    const expected: [Session | null, number, string][] = [
      [w.sessions.unitA, 200, 'nominating unit'], [w.sessions.industry, 200, 'nominating industry body'], [self, 200, 'the candidate'],
      [w.sessions.admin, 200, 'admin'], [w.sessions.committee, 200, 'committee'],
      [w.sessions.unitB, 403, 'another unit'], [w.sessions.district, 403, 'a district that did not nominate'], [judge, 403, 'judge'],
      [other, 403, 'another person'], [person, 403, 'person without a record'], [null, 401, 'public'],
    ];
    for (const [s, status, who] of expected) {
      expect((await call(env, s, 'GET', `/api/selection/evidence/${evidenceId}`)).statusCode, who).toBe(status);
      expect((await call(env, s, 'GET', `/api/selection/candidates/${cand}`)).statusCode, who).toBe(status);
    }
  });

  it('another unit cannot upload to or change a candidate it did not nominate', async () => {
    expect((await upload(w.sessions.unitB, url(), PDF, 'x.pdf')).statusCode).toBe(403);
    expect((await upload(null, url(), PDF, 'x.pdf')).statusCode).toBe(401);
    expect((await call(env, w.sessions.unitB, 'PUT', `/api/selection/candidates/${cand}/claims`, { claims: [], version: 1 })).statusCode).toBe(403);
  });
});

describe('eligibility', () => {
  it('the machine check names each rule that failed', async () => {
    await env.database.db.update(people).set({ frontLine: false }).where(eq(people.id, w.b2.id));
    const res = await nominate(w.sessions.unitB, { personId: w.b2.id });
    expect(res.statusCode, res.body).toBe(200);
    const v = await view(w.sessions.admin, res.json().candidateId);
    expect(v.check.ok).toBe(false);
    const failed = v.check.items.filter((i: { passed: boolean }) => !i.passed).map((i: { rule: string }) => i.rule);
    expect(failed).toEqual(['level', 'front_line', 'conditions', 'consent']);
    expect(v.check.items.find((i: { rule: string }) => i.rule === 'level').message).toContain('高级工');
    const refused = await call(env, w.sessions.admin, 'POST', `/api/selection/candidates/${v.id}/verify`, { decision: 'eligible', conditionsAccepted: [], version: v.version });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('高级工及以上等级');
  });

  it('returned with a reason → corrected by the unit → resubmitted → eligible; every step audited', async () => {
    const c = (await nominate(w.sessions.unitA, { personId: w.a4.id, claims: [{ conditionKey: 'innovation', description: '节能改造' }] })).json().candidateId;
    await upload(w.sessions.unitA, `/api/selection/candidates/${c}/evidence?purpose=condition&condition=innovation`, JPG, '效益证明.jpg');
    const v = await view(w.sessions.admin, c);
    expect(v.check.items.filter((i: { passed: boolean }) => !i.passed).map((i: { rule: string }) => i.rule)).toEqual(['consent']);
    const noReason = await call(env, w.sessions.committee, 'POST', `/api/selection/candidates/${c}/verify`, { decision: 'returned', version: v.version });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.issues[0].field).toBe('reason');
    const ret = await call(env, w.sessions.committee, 'POST', `/api/selection/candidates/${c}/verify`, { decision: 'returned', reason: '缺少本人签字的同意书', version: v.version });
    expect(ret.statusCode, ret.body).toBe(200);
    const mine = (await call(env, w.sessions.unitA, 'GET', `/api/selection/rounds/${roundId}/nominations/mine`)).json().find((x: { id: number }) => x.id === c);
    expect(mine).toMatchObject({ status: 'returned', returnReason: '缺少本人签字的同意书' });
    // Deciding again on a returned candidate is refused: it is not in the queue.
    expect((await call(env, w.sessions.committee, 'POST', `/api/selection/candidates/${c}/verify`, { decision: 'eligible', conditionsAccepted: ['innovation'], version: ret.json().version })).statusCode).toBe(409);
    const fixed = await upload(w.sessions.unitA, `/api/selection/candidates/${c}/evidence?purpose=consent`, PNG, '同意书.png');
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json().consentKind).toBe('signed_form');
    const stale = await call(env, w.sessions.unitA, 'POST', `/api/selection/candidates/${c}/resubmit`, { version: ret.json().version });
    expect(stale.statusCode).toBe(409);
    const re = await call(env, w.sessions.unitA, 'POST', `/api/selection/candidates/${c}/resubmit`, { version: fixed.json().version });
    expect(re.statusCode, re.body).toBe(200);
    expect(re.json().status).toBe('submitted');
    expect(re.json().check.ok).toBe(true);
    const queue = (await call(env, w.sessions.admin, 'GET', `/api/selection/rounds/${roundId}/candidates?status=submitted`)).json();
    expect(queue.map((x: { id: number }) => x.id)).toContain(c);
    const tooFew = await call(env, w.sessions.admin, 'POST', `/api/selection/candidates/${c}/verify`, { decision: 'eligible', conditionsAccepted: [], version: re.json().version });
    expect(tooFew.statusCode).toBe(400);
    expect(tooFew.json().error.issues[0].field).toBe('conditionsAccepted');
    const ok = await call(env, w.sessions.admin, 'POST', `/api/selection/candidates/${c}/verify`, { decision: 'eligible', conditionsAccepted: ['innovation'], version: re.json().version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().status).toBe('eligible');
    expect(ok.json().verifications.map((x: { decision: string }) => x.decision)).toEqual(['returned', 'eligible']);
    const audit = (await call(env, w.sessions.admin, 'GET', '/api/audit?entity=selection_candidate&pageSize=100')).json();
    const actions = audit.items.filter((i: { entityId: string }) => i.entityId === String(c)).map((i: { action: string }) => i.action);
    expect(actions).toEqual(expect.arrayContaining(['selection.evidence', 'selection.verify', 'selection.resubmit']));
  });

  it('the candidate confirms consent themself; nobody else can confirm for them', async () => {
    const list = (await call(env, self, 'GET', '/api/selection/my-candidacies')).json();
    const mine = list.find((x: { roundId: number }) => x.roundId === roundId);
    expect(mine.channels.sort()).toEqual(['industry', 'self', 'unit']);
    expect((await call(env, other, 'POST', `/api/selection/candidates/${mine.id}/consent`)).statusCode).toBe(403);
    expect((await call(env, w.sessions.unitA, 'POST', `/api/selection/candidates/${mine.id}/consent`)).statusCode).toBe(403);
    const ok = await call(env, self, 'POST', `/api/selection/candidates/${mine.id}/consent`);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().consentKind).toBe('self_confirmed');
  });
});

describe('bulk nominations from Excel', () => {
  const importUrl = () => `/api/selection/rounds/${roundId}/nominations/import`;
  it('offers the template to unit accounts only', async () => {
    const t = await call(env, w.sessions.unitB, 'GET', '/api/selection/nominations/template');
    expect(t.statusCode).toBe(200);
    expect(t.headers['content-type']).toContain('spreadsheetml');
    expect((await call(env, w.sessions.judge, 'GET', '/api/selection/nominations/template')).statusCode).toBe(403);
  });

  it('refuses a sheet with a bad row, naming row and column, writing nothing; then takes the corrected sheet', async () => {
    const before = (await call(env, w.sessions.unitB, 'GET', `/api/selection/rounds/${roundId}/nominations/mine`)).json().length;
    const head = ['身份证号', '姓名', '业绩条件', '业绩说明'];
    const bad = await upload(w.sessions.unitB, importUrl(), await makeXlsx([head, [w.b1.idNumber, '乙一', '获得国家专利', '专利一项'], [w.a2.idNumber, '甲二', '', ''], [w.b1.idNumber, '乙一', '不存在的条件', '']]), 'n.xlsx');
    expect(bad.statusCode, bad.body).toBe(400);
    const fields = bad.json().error.issues.map((i: { field: string }) => i.field);
    expect(fields).toEqual(['A3', 'C4']);
    expect(bad.json().error.message).toContain('第 3 行');
    expect((await call(env, w.sessions.unitB, 'GET', `/api/selection/rounds/${roundId}/nominations/mine`)).json()).toHaveLength(before);
    const ok = await upload(w.sessions.unitB, importUrl(), await makeXlsx([head, [w.b1.idNumber, '乙一', '获得国家专利', '专利一项']]), 'n.xlsx');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().nominated).toBe(1);
    const again = await upload(w.sessions.unitB, importUrl(), await makeXlsx([head, [w.b1.idNumber, '乙一', '', '']]), 'n.xlsx');
    expect(again.statusCode).toBe(400);
    expect(again.json().error.issues[0].field).toBe('A2');
    expect(again.json().error.message).toContain('不能重复推荐');
  });
});

describe('stage gates', () => {
  it('nomination waits for its closing date; eligibility waits for the queue; returned candidates become ineligible on close', async () => {
    const r = await makeRound(env, w.sessions.admin, campaignId, -2, 2);
    const c1 = (await nominate(w.sessions.unitA, { personId: w.a1.id }, r.id)).json().candidateId;
    const c2 = (await nominate(w.sessions.unitA, { personId: w.a2.id }, r.id)).json().candidateId;
    let round = (await call(env, w.sessions.admin, 'GET', `/api/selection/rounds/${r.id}`)).json();
    expect(round.stages[0].count).toBe(2);
    expect(round.stages[0].blockers[0]).toMatch(/^推荐报名截止于 \d{4}-\d{2}-\d{2}$/);
    // The window passes: its closing date moved to yesterday (sessions would not outlive a moved clock).
    const [row] = await env.database.db.select().from(selectionRounds).where(eq(selectionRounds.id, r.id));
    const rules = structuredClone(row!.rules);
    if (rules.stages[0]!.kind === 'nomination') rules.stages[0]!.closesOn = dayOffset(env, -1);
    await env.database.db.update(selectionRounds).set({ rules }).where(eq(selectionRounds.id, r.id));
    {
      const adv = await call(env, w.sessions.admin, 'POST', `/api/selection/rounds/${r.id}/advance`, { version: round.version, expectStage: 'nomination' });
      expect(adv.statusCode, adv.body).toBe(200);
      round = adv.json();
      expect(round.stages[1].blockers).toEqual(['待审查 2 人']);
      const v1 = await view(w.sessions.admin, c1);
      await call(env, w.sessions.admin, 'POST', `/api/selection/candidates/${c1}/verify`, { decision: 'returned', reason: '材料不全', version: v1.version });
      const v2 = await view(w.sessions.admin, c2);
      await call(env, w.sessions.admin, 'POST', `/api/selection/candidates/${c2}/verify`, { decision: 'ineligible', reason: '非本市单位', version: v2.version });
      round = (await call(env, w.sessions.admin, 'GET', `/api/selection/rounds/${r.id}`)).json();
      expect(round.stages[1].blockers).toEqual([]);
      // The nomination window has passed: a new nomination is refused, a correction still allowed.
      expect((await nominate(w.sessions.unitA, { personId: w.a3.id }, r.id)).statusCode).toBe(409);
      const closed = await call(env, w.sessions.admin, 'POST', `/api/selection/rounds/${r.id}/advance`, { version: round.version, expectStage: 'eligibility' });
      expect(closed.statusCode, closed.body).toBe(200);
      const after = await view(w.sessions.admin, c1);
      expect(after.status).toBe('ineligible');
      expect(after.returnReason).toBe('退回后未在期限内重新提交');
      expect((await call(env, w.sessions.unitA, 'POST', `/api/selection/candidates/${c1}/resubmit`, { version: after.version })).statusCode).toBe(409);
    }
  });
});

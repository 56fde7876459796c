import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCompetition, type CompetitionWorld } from '../../test/competition-fixture.js';
import { buildPerson, buildTrade, call, makeTestEnv, type Session, type TestEnv } from '../../test/harness.js';
import { makeXlsx, multipart } from '../../test/xlsx.js';

let env: TestEnv;
let w: CompetitionWorld;
const url = (p = '') => `/api/competitions/${w.competitionId}/entries${p}`;

beforeAll(async () => {
  env = await makeTestEnv();
  w = await buildCompetition(env, 'registration', 2);
});
afterAll(() => env.close());

describe('registration (报名)', () => {
  it('shows a unit only its own entries, never a drawn code', async () => {
    const mine = (await call(env, w.unitA.session, 'GET', url())).json();
    expect(mine.map((e: { id: number }) => e.id).sort()).toEqual([...w.entriesA].sort());
    expect(mine[0]).not.toHaveProperty('code');
    expect(mine[0].idNumberMasked).toMatch(/^\d{3}\*+\d{3}[\dX]$/);
    const seen = (await call(env, w.unitA.session, 'GET', `/api/competitions/${w.competitionId}`)).json().entryCounts;
    expect(seen).toEqual({ submitted: w.entriesA.length });
  });

  it('refuses, all or none, another unit\'s person, a person of another trade, and someone already entered', async () => {
    const otherTrade = await buildTrade(env);
    const foreign = await buildPerson(env, w.unitB.id, { tradeId: w.tradeId, name: '外单位' });
    const wrongTrade = await buildPerson(env, w.unitA.id, { tradeId: otherTrade.id, name: '电工甲' });
    const fine = await buildPerson(env, w.unitA.id, { tradeId: w.tradeId, name: '车工乙' });
    const res = await call(env, w.unitA.session, 'POST', url(), { personIds: [fine.id, foreign.id, wrongTrade.id] });
    expect(res.statusCode).toBe(400);
    const messages = res.json().error.issues.map((i: { message: string }) => i.message).join('\n');
    expect(messages).toContain('不属于本单位');
    expect(messages).toContain('与竞赛工种不符');
    expect((await call(env, w.unitA.session, 'GET', url())).json()).toHaveLength(w.entriesA.length);
    const entered = (await call(env, w.admin, 'GET', url())).json()[0].personId;
    const again = await call(env, w.admin, 'POST', url(), { personIds: [entered] });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.message).toContain('已报名');
  });

  it('holds each unit to its quota', async () => {
    const c = (await call(env, w.admin, 'GET', `/api/competitions/${w.competitionId}`)).json();
    const { id: _id, tradeName: _t, status: _s, entryCounts: _e, campaignId: _c, version, ...input } = c;
    const put = await call(env, w.admin, 'PUT', `/api/competitions/${w.competitionId}`, { ...input, unitQuotas: { [String(w.unitB.id)]: 3 }, version });
    expect(put.statusCode, put.body).toBe(200);
    const p1 = await buildPerson(env, w.unitB.id, { tradeId: w.tradeId });
    const p2 = await buildPerson(env, w.unitB.id, { tradeId: w.tradeId });
    const over = await call(env, w.unitB.session, 'POST', url(), { personIds: [p1.id, p2.id] });
    expect(over.statusCode).toBe(400);
    expect(over.json().error.message).toContain('名额 3 人');
    expect((await call(env, w.unitB.session, 'POST', url(), { personIds: [p1.id] })).statusCode).toBe(200);
  });

  it('refuses a unit outside the registration window, with the window in the message', async () => {
    const p = await buildPerson(env, w.unitA.id, { tradeId: w.tradeId });
    const closes = new Date(env.clock.now().getTime() - 60_000).toISOString();
    await env.database.db.execute(`update competitions set registration_closes_at = '${closes}' where id = ${w.competitionId}`);
    try {
      const res = await call(env, w.unitA.session, 'POST', url(), { personIds: [p.id] });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.message).toContain('不在报名时间内');
      // The organizer may still register late, until the draw.
      expect((await call(env, w.admin, 'POST', url(), { personIds: [p.id] })).statusCode).toBe(200);
    } finally {
      await env.database.db.execute(`update competitions set registration_closes_at = now() + interval '1 day' where id = ${w.competitionId}`);
    }
  });

  it('lets the organizer reject with a reason (required) and the unit resubmit', async () => {
    const id = w.entriesA[0]!;
    expect((await call(env, w.admin, 'POST', url('/decide'), { entryIds: [id], decision: 'rejected' })).statusCode).toBe(400);
    expect((await call(env, w.unitA.session, 'POST', url('/decide'), { entryIds: [id], decision: 'approved' })).statusCode).toBe(403);
    expect((await call(env, w.admin, 'POST', url('/decide'), { entryIds: [id], decision: 'rejected', reason: '工龄不足' })).statusCode).toBe(200);
    const rejected = (await call(env, w.unitA.session, 'GET', url())).json().find((e: { id: number }) => e.id === id);
    expect(rejected).toMatchObject({ status: 'rejected', reason: '工龄不足' });
    const res = await call(env, w.unitA.session, 'POST', url(), { personIds: [rejected.personId] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().entryIds).toEqual([id]);
    expect((await call(env, w.admin, 'POST', url('/decide'), { entryIds: [id], decision: 'approved' })).statusCode).toBe(200);
    const approved = (await call(env, w.admin, 'GET', url())).json().find((e: { id: number }) => e.id === id);
    expect(approved.examNumber).toMatch(/^C\d{6}$/);
  });

  it('records a withdrawal with its reason; a unit cannot withdraw another unit\'s entry', async () => {
    const id = w.entriesB[0]!;
    expect((await call(env, w.unitA.session, 'POST', url(`/${id}/withdraw`), { reason: '生病' })).statusCode).toBe(404);
    expect((await call(env, w.unitB.session, 'POST', url(`/${id}/withdraw`), { reason: '生病' })).statusCode).toBe(200);
    const audit = (await call(env, w.admin, 'GET', '/api/audit?action=entry.withdraw')).json();
    expect(audit.items[0].after).toMatchObject({ status: 'withdrawn', reason: '生病' });
    expect((await call(env, w.unitB.session, 'POST', url(`/${id}/withdraw`), { reason: '再次' })).statusCode).toBe(409);
  });

  it('registers from Excel by ID number, refusing each bad row by cell and registering none until all are right', async () => {
    const upload = (sess: Session, file: Buffer) => {
      const m = multipart(file);
      return env.app.inject({ method: 'POST', url: url('/import'), payload: m.payload, headers: { cookie: sess.cookie, 'x-csrf-token': sess.csrf, 'content-type': m.contentType } });
    };
    const good = await buildPerson(env, w.unitA.id, { tradeId: w.tradeId, name: '表格甲' });
    const foreign = await buildPerson(env, w.unitB.id, { tradeId: w.tradeId, name: '表格乙' });
    const badCheck = good.idNumber.slice(0, 17) + (good.idNumber[17] === '1' ? '2' : '1');
    const before = (await call(env, w.unitA.session, 'GET', url())).json().length;
    const refused = await upload(w.unitA.session, await makeXlsx([['身份证号', '姓名'], [good.idNumber, '表格甲'], [badCheck, ''], [foreign.idNumber, ''], [good.idNumber, '别人']]));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.issues.map((i: { field: string }) => i.field)).toEqual(['A3', 'A4', 'B5']);
    expect((await call(env, w.unitA.session, 'GET', url())).json()).toHaveLength(before);
    const ok = await upload(w.unitA.session, await makeXlsx([['身份证号', '姓名'], [good.idNumber, '表格甲']]));
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await call(env, w.unitA.session, 'GET', url())).json()).toHaveLength(before + 1);
  });
});

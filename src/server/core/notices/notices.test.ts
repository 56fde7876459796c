import { eq, inArray, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAccount } from '../accounts/service.js';
import { auditLog } from '../audit/tables.js';
import { inTx } from '../../context.js';
import { entries } from '../../competition/entries/tables.js';
import { writeOutcomes } from '../../competition/outcomes/service.js';
import { decode, expectOk, lockedWorld } from '../../competition/outcomes/test-world.js';
import { people, qualificationRecords } from '../people/tables.js';
import type { CompetitionWorld } from '../../test/competition-fixture.js';
import { call, login, makeTestEnv, PASSWORD, sessionAs, type Session, type TestEnv } from '../../test/harness.js';
import { finalizeDueNotices } from './finality.js';

let env: TestEnv;
let w: CompetitionWorld;
let admin: Session;
let noticeId: number;
let version: number;
const url = (p: string) => `/api/competitions/${w.competitionId}${p}`;
const status = async () => (await call(env, admin, 'GET', url(''))).json().status;
const finalize = () => finalizeDueNotices(env.database.db, env.clock, env.pii);
const objection = (id: number, over: object = {}) =>
  call(env, null, 'POST', `/api/public/notices/${id}/objections`, { name: '李四', contact: '13900001234', content: '第3名选手的实操成绩与现场情况明显不符。', ...over });
/** Later days need fresh sessions (12 hours): a new organizer account each time. */
const travel = async (iso: string) => {
  env.clock.t = new Date(iso);
  admin = await sessionAs(env, 'admin');
};
async function committee(body: 'supervision' | 'publicity'): Promise<Session> {
  const username = `committee_${body}_${Math.random().toString(36).slice(2, 8)}`;
  await insertAccount(env.database.db, env, { username, displayName: username, role: 'committee', committeeBody: body, password: PASSWORD });
  return login(env, username);
}
const entryPeople = async () => env.database.db.select({ entryId: entries.id, personId: entries.personId, level: people.level, idNumberEnc: people.idNumberEnc, phoneEnc: people.phoneEnc })
  .from(entries).innerJoin(people, eq(people.id, entries.personId)).where(eq(entries.competitionId, w.competitionId));

beforeAll(async () => {
  env = await makeTestEnv();
  env.clock.t = new Date('2009-05-22T01:00:00Z'); // Friday 09:00 in Beijing
  w = await lockedWorld(env, 3);
  admin = w.admin;
  // A contestant who already holds 高级技师 (level 1) must keep it.
  const [a1] = await env.database.db.select({ personId: entries.personId }).from(entries).where(eq(entries.id, w.entriesA[1]!));
  await env.database.db.update(people).set({ level: 1 }).where(eq(people.id, a1!.personId));
});
afterAll(() => env.close());

describe('public notice (公示) of competition results', () => {
  it('is refused before decoding, during the appeal window and while an appeal waits', async () => {
    expect((await call(env, admin, 'POST', url('/notice'), { workingDays: 5 })).json().error.message).toContain('解密');
    await decode(env, w);
    const early = await call(env, admin, 'POST', url('/notice'), { workingDays: 5 });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('申诉期');
    const appeal = await expectOk(await call(env, w.unitA.session, 'POST', url('/appeals'), { entryId: w.entriesA[0], content: '请求复核理论成绩的登分记录。' }), 'appeal');
    env.clock.advance(3 * 3_600_000); // 12:00 in Beijing
    expect((await call(env, admin, 'POST', url('/notice'), { workingDays: 5 })).json().error.message).toContain('待仲裁');
    await expectOk(await call(env, admin, 'POST', url(`/appeals/${appeal.id}/decision`), { outcome: 'dismissed', reason: '登分记录与答卷一致' }), 'dismiss');
  });

  it('counts the period in working days on the calendar: holidays skipped, a make-up Sunday counted', async () => {
    for (const [day, kind, name] of [['2009-05-28', 'holiday', '端午节'], ['2009-05-29', 'holiday', '端午节'], ['2009-05-31', 'workday', '端午调休上班']]) {
      await expectOk(await call(env, admin, 'PUT', `/api/calendar/${day}`, { kind, name }), 'calendar');
    }
    expect((await call(env, admin, 'PUT', '/api/calendar/2009-05-30', { kind: 'holiday', name: '端午节' })).statusCode).toBe(400);
    const res = await call(env, admin, 'POST', url('/notice'), { workingDays: 5 });
    expect(res.statusCode, res.body).toBe(200);
    // Fri 22, Mon 25, Tue 26, Wed 27, (Thu 28 – Sat 30 off) Sun 31.
    expect(res.json()).toMatchObject({ round: 1, status: 'open', startsOn: '2009-05-22', endsOn: '2009-05-31', endsAt: '2009-05-31T16:00:00.000Z', workingDays: 5 });
    expect(await status()).toBe('notice');
    expect((await call(env, admin, 'POST', url('/notice'), { workingDays: 5 })).statusCode).toBe(409);
    noticeId = res.json().id;
    version = res.json().version;
  });

  it('is withdrawn by the organizer (taken off the public site), then published again as round 2', async () => {
    expect((await call(env, admin, 'POST', `/api/notices/${noticeId}/withdraw`, { reason: '名单格式有误', version: version + 1 })).statusCode).toBe(409);
    expect((await call(env, w.unitA.session, 'POST', `/api/notices/${noticeId}/withdraw`, { reason: '名单格式有误', version })).statusCode).toBe(403);
    const res = await call(env, admin, 'POST', `/api/notices/${noticeId}/withdraw`, { reason: '名单格式有误', version });
    expect(res.json()).toMatchObject({ status: 'withdrawn', closedReason: '名单格式有误' });
    expect(await status()).toBe('decoded');
    expect((await call(env, null, 'GET', `/api/public/notices/${noticeId}`)).statusCode).toBe(404);
    const again = await expectOk(await call(env, admin, 'POST', url('/notice'), { workingDays: 5 }), 'publish');
    expect(again).toMatchObject({ round: 2, endsOn: '2009-05-31' });
    noticeId = again.id;
  });

  it('shows the public the list with names and nothing personal unmasked', async () => {
    const list = (await call(env, null, 'GET', '/api/public/notices')).json();
    expect(list.map((n: { id: number }) => n.id)).toEqual([noticeId]);
    expect(list[0].rows).toBeUndefined();
    const res = await call(env, null, 'GET', `/api/public/notices/${noticeId}`);
    expect(res.statusCode).toBe(200);
    const n = res.json();
    expect(n.columns.map((c: { title: string }) => c.title)).toEqual(['名次', '姓名', '单位', '身份证号', '理论', '实操', '总成绩', '奖项', '拟认定']);
    expect(n.rows).toHaveLength(6);
    expect(n.rows[0]).toMatchObject({ rank: 1, name: expect.stringContaining('选手'), idNumber: expect.stringMatching(/^\d{3}\*{11}[\dX]{4}$/) });
    expect(res.body).not.toMatch(/\d{17}[\dXx]/);
    expect(res.body).not.toMatch(/1[3-9]\d{9}/);
    for (const p of await entryPeople()) {
      expect(res.body).not.toContain(env.pii.decrypt(p.idNumberEnc));
      if (p.phoneEnc) expect(res.body).not.toContain(env.pii.decrypt(p.phoneEnc));
    }
  });

  it('takes objections from anyone by real name, confidentially', async () => {
    expect((await objection(noticeId, { contact: '123' })).statusCode).toBe(400);
    const res = await objection(noticeId);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ ok: true, reference: expect.stringMatching(/^YY\d{6}$/) });
    const list = (await call(env, admin, 'GET', `/api/notices/${noticeId}/objections`)).json();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ name: '李四', contactMasked: '139****1234', status: 'open' });
    expect(JSON.stringify(list)).not.toContain('13900001234');
    expect((await call(env, await committee('supervision'), 'GET', `/api/notices/${noticeId}/objections`)).statusCode).toBe(200);
    expect((await call(env, await committee('publicity'), 'GET', `/api/notices/${noticeId}/objections`)).statusCode).toBe(403);
    expect((await call(env, w.unitA.session, 'GET', `/api/notices/${noticeId}/objections`)).statusCode).toBe(403);
    const audit = await env.database.db.select().from(auditLog).where(like(auditLog.action, 'notice.objection%'));
    expect(JSON.stringify(audit)).not.toContain('1390000');
    expect((await call(env, admin, 'GET', `/api/notices/${noticeId}`)).json().objections).toEqual({ open: 1, total: 1 });
  });

  it('an objection still open when the period ends holds the results back; new objections are refused', async () => {
    await travel('2009-06-01T01:00:00Z');
    expect(await finalize()).toEqual([]);
    expect((await call(env, admin, 'GET', `/api/notices/${noticeId}`)).json().status).toBe('open');
    const late = await objection(noticeId);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toContain('2009-05-31 24:00');
  });

  it('an upheld objection suspends the notice; the restart is the next round with a new period', async () => {
    const [o] = (await call(env, admin, 'GET', `/api/notices/${noticeId}/objections`)).json();
    expect((await call(env, admin, 'POST', `/api/notices/${noticeId}/objections/${o.id}/resolve`, { status: 'investigating', resolution: '已调取现场录像核查' })).statusCode).toBe(200);
    expect(await finalize()).toEqual([]);
    const upheld = await call(env, admin, 'POST', `/api/notices/${noticeId}/objections/${o.id}/resolve`, { status: 'upheld', resolution: '经核查异议属实，成绩需更正' });
    expect(upheld.json()).toMatchObject({ status: 'upheld' });
    const n = (await call(env, admin, 'GET', `/api/notices/${noticeId}`)).json();
    expect(n).toMatchObject({ status: 'suspended', closedReason: expect.stringContaining('异议成立') });
    expect(await status()).toBe('decoded');
    expect((await call(env, null, 'GET', `/api/public/notices/${noticeId}`)).statusCode).toBe(404);
    expect((await call(env, admin, 'POST', `/api/notices/${noticeId}/objections/${o.id}/resolve`, { status: 'dismissed', resolution: '重复处理' })).statusCode).toBe(409);
    expect((await call(env, admin, 'GET', url('/outcomes'))).json()).toEqual([]);

    expect((await call(env, admin, 'POST', `/api/notices/${noticeId}/restart`, { version: n.version - 1 })).statusCode).toBe(409);
    const res = await call(env, admin, 'POST', `/api/notices/${noticeId}/restart`, { version: n.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ round: 3, status: 'open', startsOn: '2009-06-01', endsOn: '2009-06-05', workingDays: 5 });
    expect((await call(env, admin, 'POST', `/api/notices/${noticeId}/restart`, { version: n.version + 1 })).statusCode).toBe(409);
    noticeId = res.json().id;
    expect(await status()).toBe('notice');
    expect((await call(env, null, 'GET', '/api/public/notices')).json().map((x: { id: number }) => x.id)).toEqual([noticeId]);
  });

  it('becomes final when the period ends with every objection decided; outcomes are written once; no level is lowered', async () => {
    const ref = await expectOk(await objection(noticeId, { contact: 'lisi@example.com' }), 'objection');
    expect(ref.reference).toMatch(/^YY/);
    const [o] = (await call(env, admin, 'GET', `/api/notices/${noticeId}/objections`)).json();
    expect(o.contactMasked).toBe('lis*********.com');
    await expectOk(await call(env, admin, 'POST', `/api/notices/${noticeId}/objections/${o.id}/resolve`, { status: 'dismissed', resolution: '经核查成绩无误' }), 'dismiss');
    expect(await finalize()).toEqual([]); // the period still runs
    const before = new Map((await entryPeople()).map((p) => [p.personId, p.level]));

    await travel('2009-06-06T00:00:00Z');
    // Two sweeps at once (the timer and a read): exactly one makes it final.
    const [first, second] = await Promise.all([finalize(), finalize()]);
    expect([...first, ...second]).toEqual([noticeId]);
    expect(await finalize()).toEqual([]);
    const n = (await call(env, admin, 'GET', `/api/notices/${noticeId}`)).json();
    expect(n).toMatchObject({ status: 'final', closedAt: '2009-06-05T16:00:00.000Z' });
    expect(await status()).toBe('final');
    expect((await objection(noticeId)).statusCode).toBe(409);
    expect((await call(env, null, 'GET', `/api/public/notices/${noticeId}`)).json().status).toBe('final');

    const outcomes = (await call(env, admin, 'GET', url('/outcomes'))).json();
    const kinds = (k: string) => outcomes.filter((x: { kind: string }) => x.kind === k);
    expect(kinds('award')).toHaveLength(6);
    expect(kinds('promotion')).toEqual([expect.objectContaining({ rank: 1, level: 2, title: '晋升技师', personName: expect.any(String), decidedOn: '2009-06-05' })]);
    expect(kinds('title')).toEqual([expect.objectContaining({ rank: 1, title: '市技术能手' })]);
    expect(kinds('team').map((t: { title: string }) => t.title).sort()).toEqual(['团体第1名', '团体第2名']);
    expect(kinds('organization')).toHaveLength(2);
    for (const x of [...kinds('promotion'), ...kinds('level')]) expect(x.qualificationRecordId).toEqual(expect.any(Number));
    const records = await env.database.db.select().from(qualificationRecords)
      .where(inArray(qualificationRecords.id, [...kinds('promotion'), ...kinds('level')].map((x: { qualificationRecordId: number }) => x.qualificationRecordId)));
    expect(records.every((r) => r.obtainedOn === '2009-06-05' && r.source.includes('竞赛') && r.tradeId === w.tradeId)).toBe(true);

    for (const p of await entryPeople()) {
      const was = before.get(p.personId)!;
      if (was != null) expect(p.level!).toBeLessThanOrEqual(was);
    }
    const levels = new Map((await entryPeople()).map((p) => [p.entryId, p.level]));
    expect(levels.get(w.entriesA[1]!)).toBe(1);
    expect(levels.get(w.entriesB[2]!)).toBe(2);

    const system = { db: env.database.db, actor: null, clock: env.clock, pii: env.pii };
    const again = await env.database.db.transaction((tx) => writeOutcomes(tx, inTx(system, tx), w.competitionId));
    expect(again).toEqual({ written: 0 });
    expect((await call(env, admin, 'GET', url('/outcomes'))).json()).toHaveLength(outcomes.length);
    expect((await call(env, admin, 'POST', url('/notice'), { workingDays: 5 })).statusCode).toBe(409);
  });

  it('limits objections per client address', async () => {
    const send = () => env.app.inject({ method: 'POST', url: '/api/public/notices/999999/objections', remoteAddress: '10.9.9.9', payload: { name: '王五', contact: '13900001111', content: '这是一条用于测试频率限制的异议内容。' } });
    for (let i = 0; i < 5; i++) expect((await send()).statusCode).toBe(404);
    const res = await send();
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toBeDefined();
  });
});

import { execFileSync } from 'node:child_process';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnit, call, makeTestEnv, sessionAs, type Session, type TestEnv } from '../../test/harness.js';
import { makeXlsx, multipart } from '../../test/xlsx.js';
import { selectionMarkEvents } from '../review/tables.js';
import { addCandidates, advanceTo, buildRound } from '../review/fixture.js';
import { selectionScores } from './tables.js';
import { ticketValid } from './tickets.js';

/** 统一考试: numbering, tickets, scores (import and keyed) in a chained log, the ranked list, the gate. */
let env: TestEnv;
let admin: Session;
let roundId: number;
let cands: Awaited<ReturnType<typeof addCandidates>>;
const base = () => `/api/selection/rounds/${roundId}/exam/exam`;

const upload = (s: Session, url: string, file: Buffer) => {
  const { payload, contentType } = multipart(file);
  return env.app.inject({ method: 'POST', url, payload, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': contentType } });
};

beforeAll(async () => {
  env = await makeTestEnv();
  admin = await sessionAs(env, 'admin');
  const b = await buildUnit(env, { name: '乙厂' });
  const a = await buildUnit(env, { name: '甲厂' });
  roundId = (await buildRound(env, admin)).id;
  cands = await addCandidates(env, roundId, [
    { unitId: b.id, name: '王五' }, { unitId: a.id, name: '李四' }, { unitId: a.id, name: '张三' }, { unitId: b.id, name: '赵六' }, { unitId: a.id, name: '陈七' },
  ]);
});
afterAll(() => env.close());

describe('exam stage', () => {
  it('refuses numbering before the exam stage opens, naming the open stage', async () => {
    const res = await call(env, admin, 'POST', `${base()}/numbers`, { roomSize: 2 });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('推荐报名');
  });

  it('numbers the candidates by unit then name into rooms of the given size, the same every time', async () => {
    await advanceTo(env, admin, roundId, 'exam');
    const first = await call(env, admin, 'POST', `${base()}/numbers`, { roomSize: 2 });
    expect(first.json()).toEqual({ candidates: 5, rooms: 3 });
    const list1 = (await call(env, admin, 'GET', base())).json().rows;
    await call(env, admin, 'POST', `${base()}/numbers`, { roomSize: 2 });
    const list2 = (await call(env, admin, 'GET', base())).json().rows;
    expect(list2).toEqual(list1);
    const ordered = [...list1].sort((x: { examNumber: string }, y: { examNumber: string }) => x.examNumber.localeCompare(y.examNumber));
    // By unit name, then name, by code point (乙 U+4E59 before 甲 U+7532).
    const expected = [...cands].sort((x, y) => {
      const u = (c: typeof x) => (c.unitId === cands[1]!.unitId ? '甲厂' : '乙厂');
      return u(x) < u(y) ? -1 : u(x) > u(y) ? 1 : x.name < y.name ? -1 : x.name > y.name ? 1 : 0;
    });
    expect(ordered.map((r: { name: string }) => r.name)).toEqual(expected.map((c) => c.name));
    expect(ordered.map((r: { examNumber: string }) => r.examNumber)).toEqual(['2009J0001', '2009J0002', '2009J0003', '2009J0004', '2009J0005']);
    expect(ordered.map((r: { examRoom: string; examSeat: number }) => `${r.examRoom}/${r.examSeat}`)).toEqual(['第01考场/1', '第01考场/2', '第02考场/1', '第02考场/2', '第03考场/1']);
  });

  it('prints a ticket PDF with the exam number and a QR check value; all tickets in one file', async () => {
    const one = await call(env, admin, 'GET', `${base()}/tickets?candidateId=${cands[2]!.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.headers['content-type']).toContain('application/pdf');
    const text = execFileSync('pdftotext', ['-', '-'], { input: one.rawPayload }).toString();
    const row = (await call(env, admin, 'GET', base())).json().rows.find((r: { candidateId: number }) => r.candidateId === cands[2]!.id);
    expect(text).toContain(row.examNumber);
    expect(text).toContain('张三');
    const all = await call(env, admin, 'GET', `${base()}/tickets`);
    const allText = execFileSync('pdftotext', ['-', '-'], { input: all.rawPayload }).toString();
    for (let i = 1; i <= 5; i++) expect(allText).toContain(`2009J000${i}`);
    const { ticketCheck } = await import('./tickets.js');
    const check = ticketCheck(env, roundId, row.examNumber);
    expect(ticketValid(env, `SMX:${roundId}:${row.examNumber}:${check}`)).toBe(true);
    expect(ticketValid(env, `SMX:${roundId}:2009J0009:${check}`)).toBe(false);
  });

  it('refuses a bad sheet row by row and column, and writes nothing', async () => {
    const file = await makeXlsx([
      ['准考证号', '姓名', '理论成绩', '实操成绩'],
      ['2009J0001', '', 80, 90],
      ['2009J0099', '', 70, 70],
      ['2009J0001', '', 60, 60],
      ['2009J0002', '', 101, 80.555],
    ]);
    const res = await upload(admin, `${base()}/import`, file);
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.issues.map((i: { field: string }) => i.field);
    expect(fields).toEqual(['A4', 'C5', 'D5']);
    const unknown = await upload(admin, `${base()}/import`, await makeXlsx([['准考证号', '姓名', '理论成绩', '实操成绩'], ['2009J0001', '', 80, 90], ['2009J0099', '', 70, 70]]));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.issues).toEqual([{ field: 'A3', message: expect.stringContaining('准考证号 2009J0099 不存在') }]);
    expect(await env.database.db.select().from(selectionScores)).toEqual([]);
  });

  it('imports scores and 缺考, keys a change only with a reason, ranks the list', async () => {
    const file = await makeXlsx([
      ['准考证号', '姓名', '理论成绩', '实操成绩'],
      ['2009J0001', '', 80, 90], ['2009J0002', '', 90.5, 70], ['2009J0003', '', '缺考', null], ['2009J0004', '', 60, 60],
    ]);
    const res = await upload(admin, `${base()}/import`, file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ lines: 7, changed: 7 });
    const noReason = await call(env, admin, 'PUT', `${base()}/scores`, { examNumber: '2009J0001', theory: 85 });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.issues[0].field).toBe('reason');
    const ok = await call(env, admin, 'PUT', `${base()}/scores`, { examNumber: '2009J0001', theory: 85, reason: '复核加分' });
    expect(ok.json()).toEqual({ lines: 1, changed: 1 });
    const bad = await call(env, admin, 'PUT', `${base()}/scores`, { examNumber: '2009J0005', theory: 100.001 });
    expect(bad.statusCode).toBe(400);
    const list = (await call(env, admin, 'GET', base())).json();
    const scores = list.rows.map((r: { examNumber: string; score: number | null; rank: number | null }) => [r.examNumber, r.score, r.rank]);
    // 40/60: J0001 85·0.4 + 90·0.6 = 88; J0002 90.5·0.4 + 70·0.6 = 78.2; J0004 60; J0003 缺考; J0005 none.
    expect(scores).toEqual([['2009J0001', 88, 1], ['2009J0002', 78.2, 2], ['2009J0004', 60, 3], ['2009J0003', null, null], ['2009J0005', null, null]]);
    const events = await env.database.db.select().from(selectionMarkEvents).where(eq(selectionMarkEvents.roundId, roundId));
    expect(events).toHaveLength(8);
    expect(events.find((e) => e.seq === 8)).toMatchObject({ kind: 'exam_score', part: 'theory', value: 85, previousValue: 80, source: 'amendment', reason: '复核加分' });
  });

  it('keeps the gate closed until every candidate has both scores or 缺考', async () => {
    const r = (await call(env, admin, 'GET', `/api/selection/rounds/${roundId}`)).json();
    const exam = r.stages.find((s: { key: string }) => s.key === 'exam');
    expect(exam.count).toBe(3);
    expect(exam.blockers).toEqual(['1 名候选人成绩未录全（理论、实操或缺考）']);
    const adv = await call(env, admin, 'POST', `/api/selection/rounds/${roundId}/advance`, { version: r.version, expectStage: 'exam' });
    expect(adv.statusCode).toBe(409);
    expect((await call(env, admin, 'POST', `${base()}/numbers`, { roomSize: 2 })).statusCode).toBe(409);
  });

  it('verifies the score log, and names the first event edited in SQL', async () => {
    const ok = await call(env, admin, 'GET', `/api/selection/rounds/${roundId}/mark-log/verify`);
    expect(ok.json()).toEqual({ ok: true, checked: 8, firstBroken: null });
    // The log refuses a change (append-only trigger); an attacker with the database owner's rights can lift it.
    await expect(env.database.db.execute(sql`update selection_mark_events set value = 99 where round_id = ${roundId} and seq = 3`)).rejects.toThrow();
    await env.database.db.execute(sql`alter table selection_mark_events disable trigger selection_mark_events_append_only`);
    await env.database.db.execute(sql`update selection_mark_events set value = 99 where round_id = ${roundId} and seq = 3`);
    await env.database.db.execute(sql`alter table selection_mark_events enable trigger selection_mark_events_append_only`);
    const broken = (await call(env, admin, 'GET', `/api/selection/rounds/${roundId}/mark-log/verify`)).json();
    expect(broken).toMatchObject({ ok: false, checked: 2, firstBroken: { seq: 3, reason: 'content does not match its hash' } });
  });

  it('lets only the office in; the public is asked to sign in', async () => {
    for (const role of ['unit', 'judge', 'person'] as const) {
      const s = await sessionAs(env, role);
      for (const [m, url, body] of [['GET', base()], ['POST', `${base()}/numbers`, { roomSize: 2 }], ['GET', `${base()}/tickets`], ['PUT', `${base()}/scores`, { examNumber: '2009J0005', theory: 1 }], ['GET', `/api/selection/rounds/${roundId}/mark-log/verify`]] as const) {
        expect((await call(env, s, m, url, body)).statusCode, `${role} ${m} ${url}`).toBe(403);
        expect((await call(env, null, m, url, body)).statusCode, `anonymous ${m} ${url}`).toBe(401);
      }
    }
    const committee = await sessionAs(env, 'committee');
    expect((await call(env, committee, 'GET', base())).statusCode).toBe(200);
  });
});

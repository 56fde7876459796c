import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijingTime } from '../../../shared/beijing-time.js';
import { entries } from '../entries/tables.js';
import { decode, expectOk, personSession } from '../outcomes/test-world.js';
import { buildCompetition, enterTheory, fillAllMarks, type CompetitionWorld } from '../../test/competition-fixture.js';
import { call, makeTestEnv, sessionAs, type Session, type TestEnv } from '../../test/harness.js';

let env: TestEnv;
let w: CompetitionWorld;
let personA0: Session;
const url = (p: string) => `/api/competitions/${w.competitionId}${p}`;
const appealFor = (s: Session, entryId: number) => call(env, s, 'POST', url('/appeals'), { entryId, content: '实操评分与现场情况不符，请求复核评分记录。' });
const ids: Record<string, number> = {};

beforeAll(async () => {
  env = await makeTestEnv();
  env.clock.t = new Date('2009-05-22T01:00:00Z');
  w = await buildCompetition(env, 'marking', 3);
  const [a0] = await env.database.db.select({ personId: entries.personId }).from(entries).where(eq(entries.id, w.entriesA[0]!));
  personA0 = await personSession(env, a0!.personId);
});
afterAll(() => env.close());

describe('appeals (申诉)', () => {
  it('refuses an appeal before the competition ends (marks not locked)', async () => {
    const res = await appealFor(personA0, w.entriesA[0]!);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'APPEAL_CLOSED', message: expect.stringContaining('尚未') });
    expect((await call(env, personA0, 'GET', url('/appeal-window'))).json()).toEqual({ endedAt: null, deadline: null, open: false });
  });

  it('opens the window when the marks are locked, for the configured hours', async () => {
    await fillAllMarks(env, w);
    await enterTheory(env, w, (i) => 60 + 3 * i);
    await expectOk(await call(env, w.chief.session, 'POST', url('/signoff'), { criterionCode: '*' }), 'lock');
    const win = (await call(env, w.unitA.session, 'GET', url('/appeal-window'))).json();
    expect(win.open).toBe(true);
    expect(Date.parse(win.deadline) - Date.parse(win.endedAt)).toBe(2 * 3_600_000);
  });

  it('takes a contestant\'s appeal for their own entry and a unit\'s for its own entrants only', async () => {
    const own = await appealFor(personA0, w.entriesA[0]!);
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json()).toMatchObject({ status: 'lodged', lodgerKind: 'person', entryId: w.entriesA[0] });
    ids.person = own.json().id;
    expect((await appealFor(personA0, w.entriesB[0]!)).statusCode).toBe(403);
    expect((await appealFor(w.unitA.session, w.entriesB[0]!)).statusCode).toBe(403);
    const unit = await appealFor(w.unitA.session, w.entriesA[1]!);
    expect(unit.statusCode, unit.body).toBe(200);
    ids.unit = unit.json().id;
    expect((await appealFor(w.unitA.session, w.entriesA[1]!)).statusCode).toBe(409);
    expect((await appealFor(w.judges[0]!.session, w.entriesA[1]!)).statusCode).toBe(403);
  });

  it('lists appeals by scope; before decoding the organizers see codes, not names', async () => {
    const mine = (await call(env, w.unitA.session, 'GET', url('/appeals'))).json();
    expect(mine.map((a: { id: number }) => a.id)).toEqual([ids.person, ids.unit]);
    expect(mine[0].name).toEqual(expect.any(String));
    expect((await call(env, w.unitB.session, 'GET', url('/appeals'))).json()).toEqual([]);
    expect((await call(env, personA0, 'GET', url('/appeals'))).json().map((a: { id: number }) => a.id)).toEqual([ids.person]);
    const all = (await call(env, w.admin, 'GET', url('/appeals'))).json();
    expect(all).toHaveLength(2);
    expect(all[0]).toMatchObject({ name: null, unitName: null, lodgedByName: '选手本人', code: expect.stringMatching(/^C\d+$/) });
    expect((await call(env, w.judges[0]!.session, 'GET', url('/appeals'))).statusCode).toBe(403);
  });

  it('records a dismissal with its reason, once', async () => {
    expect((await call(env, w.unitA.session, 'POST', url(`/appeals/${ids.unit}/decision`), { outcome: 'dismissed', reason: '评分记录无误' })).statusCode).toBe(403);
    const res = await call(env, w.admin, 'POST', url(`/appeals/${ids.unit}/decision`), { outcome: 'dismissed', reason: '经核查评分记录与现场录像，评分无误' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'dismissed', decision: '经核查评分记录与现场录像，评分无误', amendmentId: null });
    expect((await call(env, w.admin, 'POST', url(`/appeals/${ids.unit}/decision`), { outcome: 'dismissed', reason: '再次驳回' })).statusCode).toBe(409);
  });

  it('an upheld appeal files an amendment; once a second person approves it, the results re-rank', async () => {
    const before = (await call(env, w.admin, 'GET', url('/results'))).json();
    // Before decoding the organizers' results are by code alone (no entry id next to a code).
    const [a0] = await env.database.db.select({ code: entries.code }).from(entries).where(eq(entries.id, w.entriesA[0]!));
    const rankOf = (r: { rows: { code: string; rank: number }[] }) => r.rows.find((x) => x.code === a0!.code)!.rank;
    expect(rankOf(before)).toBe(6);
    const bad = await call(env, w.admin, 'POST', url(`/appeals/${ids.person}/decision`), { outcome: 'upheld', reason: '理论成绩登分错误', amendment: { part: 'theory', newValue: 101 } });
    expect(bad.statusCode).toBe(400);
    expect((await call(env, w.admin, 'GET', url('/appeals'))).json()[0].status).toBe('lodged');
    const res = await call(env, w.admin, 'POST', url(`/appeals/${ids.person}/decision`), { outcome: 'upheld', reason: '理论成绩登分错误，答卷实得 100 分', amendment: { part: 'theory', newValue: 100 } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'upheld', amendmentId: expect.any(Number), amendmentStatus: 'pending' });
    const amendmentId = res.json().amendmentId;
    expect((await call(env, w.admin, 'POST', url(`/amendments/${amendmentId}/decide`), { approve: true })).statusCode).toBe(403);
    const second = await sessionAs(env, 'admin');
    expect((await call(env, second, 'POST', url(`/amendments/${amendmentId}/decide`), { approve: true, note: '核对答卷无误' })).statusCode).toBe(200);
    expect(rankOf((await call(env, w.admin, 'GET', url('/results'))).json())).toBe(1);
    expect((await call(env, personA0, 'GET', url('/appeals'))).json()[0]).toMatchObject({ status: 'upheld', amendmentStatus: 'approved' });
  });

  it('shows names to the organizers once decoded', async () => {
    await decode(env, w);
    const all = (await call(env, w.admin, 'GET', url('/appeals'))).json();
    expect(all[0]).toMatchObject({ name: expect.any(String), unitName: expect.any(String) });
  });

  it('refuses a late appeal, showing the deadline in Beijing time', async () => {
    const win = (await call(env, w.admin, 'GET', url('/appeal-window'))).json();
    env.clock.t = new Date(Date.parse(win.deadline) + 60_000);
    const res = await appealFor(w.unitB.session, w.entriesB[0]!);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('APPEAL_CLOSED');
    expect(res.json().error.message).toContain(beijingTime(new Date(win.deadline)));
  });
});

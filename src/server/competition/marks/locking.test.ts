import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawLots, seedCommitment } from '../../../shared/competition/draw.js';
import { entries } from '../entries/tables.js';
import { buildCompetition, enterTheory, fillAllMarks, type CompetitionWorld } from '../../test/competition-fixture.js';
import { call, makeTestEnv, sessionAs, type TestEnv } from '../../test/harness.js';
import { verifyDraw } from '../../cli/draw-verify.js';
import { verifyMarkChain } from './chain.js';
import { markEvents, marks } from './tables.js';

let env: TestEnv;
let w: CompetitionWorld;
const url = (path: string) => `/api/competitions/${w.competitionId}${path}`;
const codeOf = async (entryId: number) => (await env.database.db.select({ code: entries.code }).from(entries).where(eq(entries.id, entryId)))[0]!.code!;

beforeAll(async () => {
  env = await makeTestEnv();
  w = await buildCompetition(env);
  await fillAllMarks(env, w);
});
afterAll(() => env.close());

describe('sign-off, locking, amendments and decoding', () => {
  it('signs off a criterion only when complete, then refuses any change to it', async () => {
    const a = w.aspects.find((x) => x.code === 'A1.1')!;
    const code = await codeOf(w.entriesB[0]!);
    expect((await call(env, w.judges[0]!.session, 'POST', url('/signoff'), { criterionCode: 'A' })).statusCode).toBe(403);
    const signed = await call(env, w.chief.session, 'POST', url('/signoff'), { criterionCode: 'A' });
    expect(signed.statusCode).toBe(200);
    const res = await call(env, w.judges[0]!.session, 'POST', url('/marks'), { code, aspectId: a.id, value: 10, expectedVersion: 1 });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('LOCKED');
  });

  it('refuses the whole sign-off while theory scores are missing, naming what is missing', async () => {
    const res = await call(env, w.chief.session, 'POST', url('/signoff'), { criterionCode: '*' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('理论');
  });

  it('refuses part scores with an unknown exam number or an out-of-range score, naming the row', async () => {
    const res = await call(env, w.admin, 'PUT', url('/part-scores'), { rows: [{ examNumber: 'NOPE', part: 'theory', value: 80 }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('第 1 行');
    expect((await call(env, w.admin, 'PUT', url('/part-scores'), { rows: [{ examNumber: 'NOPE', part: 'theory', value: 101 }] })).statusCode).toBe(400);
  });

  it('locks the whole competition once everything is in', async () => {
    await enterTheory(env, w);
    const res = await call(env, w.chief.session, 'POST', url('/signoff'), { criterionCode: '*' });
    expect(res.statusCode, res.body).toBe(200);
    expect((await call(env, w.admin, 'GET', url(''))).json().status).toBe('locked');
    expect((await call(env, w.admin, 'PUT', url('/part-scores'), { rows: [{ examNumber: 'X', part: 'theory', value: 80 }] })).statusCode).toBe(409);
  });

  it('changes a locked mark only through an amendment approved by a second person, keeping the original in the log', async () => {
    const a = w.aspects.find((x) => x.code === 'B1.1')!;
    const code = await codeOf(w.entriesB[1]!);
    const judgeId = w.judges[1]!.id;
    const [entry] = await env.database.db.select({ id: entries.id }).from(entries).where(and(eq(entries.competitionId, w.competitionId), eq(entries.code, code)));
    const req = await call(env, w.chief.session, 'POST', url('/amendments'), { code, part: 'practical', aspectId: a.id, judgeId, newValue: 3, reason: '录入错误，纸质评分表为 3 分' });
    expect(req.statusCode, req.body).toBe(200);
    const id = req.json().id;
    expect((await call(env, w.chief.session, 'POST', url(`/amendments/${id}/decide`), { approve: true })).statusCode).toBe(403);
    expect((await call(env, w.unitA.session, 'POST', url(`/amendments/${id}/decide`), { approve: true })).statusCode).toBe(403);
    const ok = await call(env, w.admin, 'POST', url(`/amendments/${id}/decide`), { approve: true, note: '核对无误' });
    expect(ok.statusCode, ok.body).toBe(200);
    const [m] = await env.database.db.select().from(marks).where(and(eq(marks.entryId, entry!.id), eq(marks.aspectId, a.id), eq(marks.judgeId, judgeId)));
    expect(m).toMatchObject({ value: 3, version: 2, source: 'amendment' });
    const history = await env.database.db.select().from(markEvents).where(and(eq(markEvents.entryId, entry!.id), eq(markEvents.aspectId, a.id), eq(markEvents.judgeId, judgeId)));
    expect(history.map((e) => [e.kind, e.value])).toEqual([['mark', 2], ['amendment_request', 3], ['amendment_decision', 3]]);
    expect((await call(env, w.admin, 'POST', url(`/amendments/${id}/decide`), { approve: false })).statusCode).toBe(409);
  });

  it('decodes only for the granted decoder, audits it, and opens the draw to re-running', async () => {
    const other = await sessionAs(env, 'admin');
    expect((await call(env, other, 'POST', url('/decode'))).statusCode).toBe(403);
    const res = await call(env, w.admin, 'POST', url('/decode'));
    expect(res.statusCode, res.body).toBe(200);
    const mapping = res.json();
    expect(mapping).toHaveLength(w.entriesA.length + w.entriesB.length);
    expect(mapping[0]).toMatchObject({ code: expect.stringMatching(/^C\d{3}$/), name: expect.any(String), idNumberMasked: expect.stringContaining('*') });
    const audit = (await call(env, w.admin, 'GET', '/api/audit?action=competition.decode')).json();
    expect(audit.total).toBe(1);

    const draw = (await call(env, w.admin, 'GET', url('/draw'))).json();
    expect(seedCommitment(draw.verification.seed)).toBe(draw.seedCommitment);
    const again = drawLots({ entryIds: draw.verification.entryIds, seedHex: draw.verification.seed, stations: draw.stations, codePrefix: draw.codePrefix });
    expect(again).toEqual(draw.verification.result);
    for (const m of mapping) expect(again.find((l) => l.entryId === m.entryId)?.code).toBe(m.code);
    // The documented command (npm run draw:verify -- draw.json) agrees, and catches a forged result or seed.
    expect(verifyDraw(draw)).toMatchObject({ commitmentOk: true, resultOk: true });
    const forged = structuredClone(draw);
    [forged.verification.result[0].code, forged.verification.result[1].code] = [forged.verification.result[1].code, forged.verification.result[0].code];
    expect(verifyDraw(forged).resultOk).toBe(false);
    expect(verifyDraw({ ...draw, verification: { ...draw.verification, seed: 'ab'.repeat(32) } }).commitmentOk).toBe(false);
  });

  it('keeps an unbroken hash chain, and names the first event edited by hand', async () => {
    expect(await verifyMarkChain(env.database.db, w.competitionId)).toMatchObject({ ok: true });
    const db = env.database.db;
    await db.execute(`alter table mark_events disable trigger mark_events_append_only`);
    await db.execute(`update mark_events set value = 0 where competition_id = ${w.competitionId} and seq = 5`);
    await db.execute(`alter table mark_events enable trigger mark_events_append_only`);
    expect(await verifyMarkChain(db, w.competitionId)).toMatchObject({ ok: false, firstBroken: { seq: 5 } });
    await expect(db.execute(`delete from mark_events where competition_id = ${w.competitionId}`)).rejects.toSatisfy((e: Error) => /append-only/.test(String((e as { cause?: unknown }).cause ?? e)));
  });
});

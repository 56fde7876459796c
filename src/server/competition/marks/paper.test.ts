import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entries } from '../entries/tables.js';
import { buildCompetition, type CompetitionWorld } from '../../test/competition-fixture.js';
import { buildAccount, call, login, makeTestEnv, type Session, type TestEnv } from '../../test/harness.js';
import { marks } from './tables.js';

let env: TestEnv;
let w: CompetitionWorld;
let op1: Session;
let op2: Session;
const url = (p: string) => `/api/competitions/${w.competitionId}${p}`;
const codeOf = async (entryId: number) => (await env.database.db.select({ code: entries.code }).from(entries).where(eq(entries.id, entryId)))[0]!.code!;
const markOf = async (entryId: number, aspectId: number, judgeId: number) =>
  (await env.database.db.select().from(marks).where(and(eq(marks.entryId, entryId), eq(marks.aspectId, aspectId), eq(marks.judgeId, judgeId))))[0];

beforeAll(async () => {
  env = await makeTestEnv();
  w = await buildCompetition(env);
  // Score-entry clerks: committee accounts outside the competition committee, granted 'operator' only.
  const clerk = async () => {
    const a = await buildAccount(env, 'committee');
    await env.database.db.execute(`update accounts set committee_body = 'supervision' where id = ${a.id}`);
    return login(env, a.username);
  };
  op1 = await clerk();
  op2 = await clerk();
  for (const op of [op1, op2]) expect((await call(env, w.admin, 'POST', url('/staff'), { accountId: op.accountId, role: 'operator' })).statusCode).toBe(200);
});
afterAll(() => env.close());

describe('double entry of paper score sheets (双人录入)', () => {
  it('turns two matching blind keyings by two operators into the judge\'s mark', async () => {
    const a = w.aspects.find((x) => x.code === 'B1.2')!;
    const code = await codeOf(w.entriesB[0]!);
    const body = { code, aspectId: a.id, judgeId: w.judges[1]!.id, value: 2 };
    const first = await call(env, op1, 'POST', url('/paper-marks'), { ...body, slot: 1 });
    expect(first.json()).toEqual({ status: 'waiting' });
    expect(await markOf(w.entriesB[0]!, a.id, w.judges[1]!.id)).toBeUndefined();
    const second = await call(env, op2, 'POST', url('/paper-marks'), { ...body, slot: 2 });
    expect(second.json()).toMatchObject({ status: 'matched', version: 1 });
    expect(await markOf(w.entriesB[0]!, a.id, w.judges[1]!.id)).toMatchObject({ value: 2, source: 'paper' });
  });

  it('lists a mismatch for reconciliation without showing either operator the other value', async () => {
    const a = w.aspects.find((x) => x.code === 'A1.1')!;
    const code = await codeOf(w.entriesB[1]!);
    const body = { code, aspectId: a.id, judgeId: w.judges[0]!.id };
    await call(env, op1, 'POST', url('/paper-marks'), { ...body, slot: 1, value: 28 });
    const res = await call(env, op2, 'POST', url('/paper-marks'), { ...body, slot: 2, value: 23 });
    expect(res.json()).toEqual({ status: 'mismatch' });
    expect(res.body).not.toContain('28');
    expect((await call(env, op2, 'GET', url('/paper-marks/mismatches'))).statusCode).toBe(403);
    expect((await call(env, op2, 'POST', url('/paper-marks/reconcile'), { ...body, value: 23, reason: '我录的是对的' })).statusCode).toBe(403);
    const list = (await call(env, w.chief.session, 'GET', url('/paper-marks/mismatches'))).json();
    expect(list).toEqual([expect.objectContaining({ code, aspectId: a.id, values: [28, 23] })]);
    const settled = await call(env, w.chief.session, 'POST', url('/paper-marks/reconcile'), { ...body, value: 28, reason: '核对原始评分表为 28' });
    expect(settled.statusCode, settled.body).toBe(200);
    expect((await call(env, w.chief.session, 'GET', url('/paper-marks/mismatches'))).json()).toEqual([]);
    expect(await markOf(w.entriesB[1]!, a.id, w.judges[0]!.id)).toMatchObject({ value: 28, source: 'paper' });
  });

  it('refuses one operator keying both passes, someone who is not an operator, and a judge not on the panel', async () => {
    const a = w.aspects.find((x) => x.code === 'B1.1')!;
    const code = await codeOf(w.entriesB[2]!);
    const body = { code, aspectId: a.id, judgeId: w.judges[2]!.id, value: 1 };
    expect((await call(env, op1, 'POST', url('/paper-marks'), { ...body, slot: 1 })).statusCode).toBe(200);
    expect((await call(env, op1, 'POST', url('/paper-marks'), { ...body, slot: 2 })).statusCode).toBe(403);
    expect((await call(env, w.admin, 'POST', url('/paper-marks'), { ...body, slot: 2 })).statusCode).toBe(403);
    const codeA = await codeOf(w.entriesA[0]!);
    const recused = await call(env, op2, 'POST', url('/paper-marks'), { ...body, code: codeA, judgeId: w.judges[0]!.id, slot: 1 });
    expect(recused.statusCode).toBe(400);
    expect(recused.json().error.issues[0].field).toBe('judgeId');
  });
});

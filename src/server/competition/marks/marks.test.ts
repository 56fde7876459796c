import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entries } from '../entries/tables.js';
import { buildCompetition, sheetCodes, type CompetitionWorld } from '../../test/competition-fixture.js';
import { call, makeTestEnv, type TestEnv } from '../../test/harness.js';
import { NOT_ON_SHEET_MESSAGE } from './policy.js';
import { markEvents } from './tables.js';

let env: TestEnv;
let w: CompetitionWorld;
const codeOf = async (entryId: number) => (await env.database.db.select({ code: entries.code }).from(entries).where(eq(entries.id, entryId)))[0]!.code!;
const aspect = (code: string) => w.aspects.find((a) => a.code === code)!;
const mark = (judge: { session: any }, body: { code: string; aspectId: number; value: number; expectedVersion?: number }) =>
  call(env, judge.session, 'POST', `/api/competitions/${w.competitionId}/marks`, { expectedVersion: 0, ...body });

beforeAll(async () => {
  env = await makeTestEnv();
  w = await buildCompetition(env);
});
afterAll(() => env.close());

describe('recusal (回避): a judge never scores a contestant of a conflicting unit or a declared conflict', () => {
  it('refuses a judge marking a contestant of their own unit — as any code off their panel, without the reason — and leaves the code off their sheet', async () => {
    const codeA = await codeOf(w.entriesA[0]!);
    const res = await mark(w.judges[0]!, { code: codeA, aspectId: aspect('B1.1').id, value: 2 });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'NOT_ON_SHEET', message: NOT_ON_SHEET_MESSAGE });
    expect(await sheetCodes(env, w.judges[0]!.session, w.competitionId, aspect('B1.1').id)).not.toContain(codeA);
    expect((await sheetCodes(env, w.judges[0]!.session, w.competitionId, aspect('B1.1').id)).length).toBe(w.entriesB.length);
  });

  it('seats the substitute in the recused judge\'s place, and only there', async () => {
    const codeA = await codeOf(w.entriesA[0]!);
    const codeB = await codeOf(w.entriesB[0]!);
    const subCodes = await sheetCodes(env, w.substitute.session, w.competitionId, aspect('B1.1').id);
    expect(subCodes).toContain(codeA);
    expect(subCodes).not.toContain(codeB);
    expect((await mark(w.substitute, { code: codeB, aspectId: aspect('B1.1').id, value: 2 })).statusCode).toBe(404);
  });

  it('refuses a person conflict declared after the draw (it would name the code); the judge reports the code instead', async () => {
    const codeB = await codeOf(w.entriesB[1]!);
    const [e] = await env.database.db.select({ personId: entries.personId }).from(entries).where(eq(entries.id, w.entriesB[1]!));
    const decl = await call(env, w.judges[1]!.session, 'POST', `/api/judges/${w.judges[1]!.id}/conflicts`, { kind: 'person', personId: e!.personId, reason: 'master_apprentice' });
    expect(decl.statusCode).toBe(409);
    expect(decl.json().error.code).toBe('CONFLICTS_FIXED');
    expect((await call(env, w.judges[1]!.session, 'POST', `/api/competitions/${w.competitionId}/marks/report-conflict`, { code: codeB })).statusCode).toBe(200);
    const res = await mark(w.judges[1]!, { code: codeB, aspectId: aspect('B1.2').id, value: 3 });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toBe(NOT_ON_SHEET_MESSAGE);
    // A judge may not declare on another judge's behalf.
    expect((await call(env, w.judges[2]!.session, 'POST', `/api/judges/${w.judges[1]!.id}/conflicts`, { kind: 'unit', unitId: w.unitA.id, reason: 'other' })).statusCode).toBe(404);
  });

  it('shows organizers every recusal with its reason, by name (not by code)', async () => {
    const view = (await call(env, w.admin, 'GET', `/api/competitions/${w.competitionId}/assignments`)).json();
    const own = view.recusals.filter((r: { judgeId: number }) => r.judgeId === w.judges[0]!.id);
    expect(own).toHaveLength(w.entriesA.length);
    expect(own[0].reason).toContain('同属一个单位');
    expect(JSON.stringify(view)).not.toMatch(/"C\d{3}"/);
  });
});

describe('anonymity (加密): no identity reaches a judge before decoding', () => {
  it('keeps names, ID numbers and units out of every response a judge can get', async () => {
    const names = (await env.database.db.execute(`select p.name, p.id_number_masked, u.name as unit from entries e join people p on p.id = e.person_id join units u on u.id = e.unit_id where e.competition_id = ${w.competitionId}`) as unknown as { rows: { name: string; id_number_masked: string; unit: string }[] }).rows;
    expect(names.length).toBe(w.entriesA.length + w.entriesB.length);
    const codeB = await codeOf(w.entriesB[0]!);
    const judgeGets = env.app.accessTable.filter((r) => r.method === 'GET' && Array.isArray(r.access) && (r.access as string[]).includes('judge'));
    expect(judgeGets.length).toBeGreaterThanOrEqual(5);
    for (const r of judgeGets) {
      const url = r.url.replace(':id', String(w.competitionId)) + (r.url.endsWith('/marks/panel') ? `?code=${codeB}&aspectId=${aspect('A1.1').id}` : '');
      const res = await call(env, w.judges[2]!.session, 'GET', url.replace('/api/judges/:id', `/api/judges/${w.judges[2]!.id}`));
      for (const n of names) {
        expect(res.body, `${url} leaks a name`).not.toContain(n.name);
        expect(res.body, `${url} leaks an ID`).not.toContain(n.id_number_masked);
        expect(res.body, `${url} leaks a unit`).not.toContain(n.unit);
      }
    }
    for (const url of [`/api/competitions/${w.competitionId}/entries`, '/api/people', `/api/competitions/${w.competitionId}/assignments`]) {
      expect((await call(env, w.judges[2]!.session, 'GET', url)).statusCode, url).toBe(403);
    }
    expect((await call(env, w.judges[2]!.session, 'POST', `/api/competitions/${w.competitionId}/decode`)).statusCode).toBe(403);
  });

  it('refuses decoding before the marks are locked, even to the granted decoder', async () => {
    const res = await call(env, w.admin, 'POST', `/api/competitions/${w.competitionId}/decode`);
    expect(res.statusCode).toBe(409);
    const draw = (await call(env, w.admin, 'GET', `/api/competitions/${w.competitionId}/draw`)).json();
    expect(draw.verification).toBeNull();
    expect(draw.seedCommitment).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('mark entry', () => {
  it('shows a judge the panel\'s marks only after submitting their own', async () => {
    const codeB = await codeOf(w.entriesB[2]!);
    const a = aspect('B1.1').id;
    expect((await mark(w.judges[1]!, { code: codeB, aspectId: a, value: 3 })).statusCode).toBe(200);
    const before = await call(env, w.judges[2]!.session, 'GET', `/api/competitions/${w.competitionId}/marks/panel?code=${codeB}&aspectId=${a}`);
    expect(before.statusCode).toBe(403);
    expect(before.body).not.toContain('"value":3');
    expect((await mark(w.judges[2]!, { code: codeB, aspectId: a, value: 1 })).statusCode).toBe(200);
    const after = (await call(env, w.judges[2]!.session, 'GET', `/api/competitions/${w.competitionId}/marks/panel?code=${codeB}&aspectId=${a}`)).json();
    expect(after.panel.map((p: { value: number | null }) => p.value).sort()).toEqual([1, 3, null].sort());
  });

  it('flags a spread over 1 until the chief judge confirms it with a reason', async () => {
    const codeB = await codeOf(w.entriesB[2]!);
    const a = aspect('B1.1').id;
    const third = await mark(w.judges[0]!, { code: codeB, aspectId: a, value: 3 });
    expect(third.json()).toMatchObject({ complete: true, flagged: true });
    let progress = (await call(env, w.chief.session, 'GET', `/api/competitions/${w.competitionId}/marking/progress`)).json();
    expect(progress.flags).toContainEqual(expect.objectContaining({ code: codeB, aspectId: a }));
    expect((await call(env, w.chief.session, 'POST', `/api/competitions/${w.competitionId}/marks/confirm-spread`, { code: codeB, aspectId: a, reason: '' })).statusCode).toBe(400);
    expect((await call(env, w.judges[1]!.session, 'POST', `/api/competitions/${w.competitionId}/marks/confirm-spread`, { code: codeB, aspectId: a, reason: '复核录像后确认' })).statusCode).toBe(403);
    expect((await call(env, w.chief.session, 'POST', `/api/competitions/${w.competitionId}/marks/confirm-spread`, { code: codeB, aspectId: a, reason: '复核录像后确认' })).statusCode).toBe(200);
    progress = (await call(env, w.chief.session, 'GET', `/api/competitions/${w.competitionId}/marking/progress`)).json();
    expect(progress.flags).not.toContainEqual(expect.objectContaining({ code: codeB, aspectId: a }));
    // A re-score after the confirmation voids it.
    const again = await mark(w.judges[2]!, { code: codeB, aspectId: a, value: 0, expectedVersion: 1 });
    expect(again.json()).toMatchObject({ flagged: true, version: 2 });
  });

  it('refuses a stale write with a conflict and answers a replay without a second event', async () => {
    const codeB = await codeOf(w.entriesB[0]!);
    const a = aspect('A1.1').id;
    const judge = w.judges[0]!;
    const first = await mark(judge, { code: codeB, aspectId: a, value: 25.5 });
    expect(first.json()).toMatchObject({ version: 1, replayed: false });
    const replay = await mark(judge, { code: codeB, aspectId: a, value: 25.5 });
    expect(replay.json()).toMatchObject({ version: 1, replayed: true });
    const stale = await mark(judge, { code: codeB, aspectId: a, value: 20 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE');
    const events = await env.database.db.select().from(markEvents).where(and(eq(markEvents.competitionId, w.competitionId), eq(markEvents.aspectId, a), eq(markEvents.judgeId, judge.id)));
    expect(events.filter((e) => e.kind === 'mark')).toHaveLength(1);
  });

  it('refuses values outside the aspect\'s rule, with the field and the reason', async () => {
    const codeB = await codeOf(w.entriesB[1]!);
    const cases = [
      { aspectId: aspect('B1.1').id, value: 2.5 },
      { aspectId: aspect('B1.1').id, value: 4 },
      { aspectId: aspect('A1.1').id, value: 30.5 },
      { aspectId: aspect('A1.2').id, value: 20 },
    ];
    for (const c of cases) {
      const res = await mark(w.judges[0]!, { code: codeB, ...c });
      expect(res.statusCode, JSON.stringify(c)).toBe(400);
      expect(res.json().error.issues[0].field).toBe('value');
    }
    expect((await mark(w.judges[0]!, { code: 'Z999', aspectId: aspect('A1.1').id, value: 1 })).statusCode).toBe(404);
  });
});

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../core/audit/tables.js';
import { entries } from '../entries/tables.js';
import { buildCompetition, sheetCodes, type CompetitionWorld } from '../../test/competition-fixture.js';
import { call, makeTestEnv, type Session, type TestEnv } from '../../test/harness.js';

/**
 * Conflicts are fixed before the draw; after it a judge can only report "认识该选手" on a code they
 * mark; and any code not on a judge's panel gets one answer, whatever the reason — recused for
 * their own unit, a reported conflict, not seated, unknown — so a refusal never says whose it is.
 */

let env: TestEnv;
let w: CompetitionWorld;
const url = (p: string) => `/api/competitions/${w.competitionId}${p}`;
const codeOf = async (entryId: number) => (await env.database.db.select({ code: entries.code }).from(entries).where(eq(entries.id, entryId)))[0]!.code!;
const aspect = (code: string) => w.aspects.find((a) => a.code === code)!;
async function ok(res: { statusCode: number; body: string; json(): any }, what: string) {
  expect(res.statusCode, `${what}: ${res.body}`).toBe(200);
  return res.json();
}
/** What a refusal shows: status and body (the request id, if any, aside). */
const answer = (res: { statusCode: number; json(): any }) => {
  const body = res.json();
  if (body?.error) delete body.error.requestId;
  return { status: res.statusCode, body };
};

beforeAll(async () => {
  env = await makeTestEnv();
  w = await buildCompetition(env, 'approved', 3);
  // Before the draw a judge declares a conflict with a person as before.
  const [b2] = await env.database.db.select({ personId: entries.personId }).from(entries).where(eq(entries.id, w.entriesB[2]!));
  await ok(await call(env, w.judges[2]!.session, 'POST', `/api/judges/${w.judges[2]!.id}/conflicts`, { kind: 'person', personId: b2!.personId, reason: 'relative' }), 'declare before the draw');
  const cur = await ok(await call(env, w.admin, 'GET', url('')), 'get');
  await ok(await call(env, w.admin, 'POST', url('/registration'), { to: 'closed', version: cur.version }), 'close');
  await ok(await call(env, w.admin, 'POST', url('/draw/commit')), 'commit');
  await ok(await call(env, w.admin, 'POST', url('/draw/run')), 'draw');
}, 300_000);
afterAll(() => env.close());

describe('conflicts (回避) are fixed at the draw', () => {
  it('refuses a unit or person conflict after the draw, from the judge or an organizer, with the reason', async () => {
    const [b0] = await env.database.db.select({ personId: entries.personId }).from(entries).where(eq(entries.id, w.entriesB[0]!));
    for (const [who, s] of [['judge', w.judges[1]!.session], ['organizer', w.admin]] as [string, Session][]) {
      const unit = await call(env, s, 'POST', `/api/judges/${w.judges[1]!.id}/conflicts`, { kind: 'unit', unitId: w.unitB.id, reason: 'former_employer' });
      expect(unit.statusCode, `${who}: ${unit.body}`).toBe(409);
      expect(unit.json().error).toMatchObject({ code: 'CONFLICTS_FIXED', message: expect.stringContaining('抽签前申报') });
      const person = await call(env, s, 'POST', `/api/judges/${w.judges[1]!.id}/conflicts`, { kind: 'person', personId: b0!.personId, reason: 'relative' });
      expect(person.statusCode).toBe(409);
    }
  });

  it('lets a judge report "认识该选手" on a code on their own panel: a substitute takes the seat, the report is audited, progress shows the code alone', async () => {
    await ok(await call(env, w.admin, 'POST', url('/marking/start')), 'start');
    const b11 = aspect('B1.1').id;
    const codeB0 = await codeOf(w.entriesB[0]!);
    expect(await sheetCodes(env, w.judges[1]!.session, w.competitionId, b11)).toContain(codeB0);
    expect(await sheetCodes(env, w.substitute.session, w.competitionId, b11)).not.toContain(codeB0);
    const res = await call(env, w.judges[1]!.session, 'POST', url('/marks/report-conflict'), { code: codeB0 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ ok: true, code: codeB0 });
    expect(await sheetCodes(env, w.judges[1]!.session, w.competitionId, b11)).not.toContain(codeB0);
    expect(await sheetCodes(env, w.substitute.session, w.competitionId, b11)).toContain(codeB0);
    const progress = await ok(await call(env, w.chief.session, 'GET', url('/marking/progress')), 'progress');
    expect(progress.reportedConflicts).toEqual([{ code: codeB0, reportedAt: expect.any(String) }]);
    expect(progress.shortPanels).toBe(0);
    const audit = await env.database.db.select().from(auditLog).where(eq(auditLog.action, 'judge.conflict.report'));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toEqual({ code: codeB0 });
    // The organizers' assignment view (by name) shows that the judge reported one, with neither code nor person.
    const view = await ok(await call(env, w.admin, 'GET', url('/assignments')), 'assignments');
    const row = view.recusals.find((r: { judgeId: number; entryId: number | null }) => r.judgeId === w.judges[1]!.id && r.entryId === null);
    expect(row).toMatchObject({ contestant: null, unitName: null, reason: '裁判报告认识该选手，须回避' });
    expect(JSON.stringify(view)).not.toMatch(/"C\d{3}"/);
    // The judge's own list names the code, not the person.
    const mine = await ok(await call(env, w.judges[1]!.session, 'GET', `/api/judges/${w.judges[1]!.id}/conflicts`), 'conflicts');
    expect(mine).toEqual([expect.objectContaining({ kind: 'entry', code: codeB0, personId: null, personName: null })]);
    const theirs = await ok(await call(env, w.admin, 'GET', `/api/judges/${w.judges[1]!.id}/conflicts`), 'conflicts');
    expect(theirs).toEqual([expect.objectContaining({ kind: 'entry', code: null, personId: null, personName: null })]);
  });
});

describe('one answer for every code not on a judge\'s panel', () => {
  it('is the same status and body for own-unit recusal, a declared or reported conflict, not seated, unknown', async () => {
    const b11 = aspect('B1.1').id;
    const a11 = aspect('A1.1').id;
    const codeA0 = await codeOf(w.entriesA[0]!);
    const codeB0 = await codeOf(w.entriesB[0]!); // judges[1] reported it
    const codeB1 = await codeOf(w.entriesB[1]!);
    const codeB2 = await codeOf(w.entriesB[2]!); // judges[2] declared a relative before the draw
    // judges[0] is of unit A; on A1.1 (measured by one judge) a unit B code is judges[0]'s alone.
    const cases: [string, Session, string, number][] = [
      ['own unit', w.judges[0]!.session, codeA0, b11],
      ['reported', w.judges[1]!.session, codeB0, b11],
      ['declared before the draw', w.judges[2]!.session, codeB2, b11],
      ['not seated', w.judges[1]!.session, codeB1, a11],
      ['unknown code', w.judges[1]!.session, 'C999', b11],
      ['unknown aspect', w.judges[1]!.session, codeB1, 999_999],
    ];
    const marks = [];
    const panels = [];
    for (const [why, s, code, aspectId] of cases) {
      const m = answer(await call(env, s, 'POST', url('/marks'), { code, aspectId, value: 2, expectedVersion: 0 }));
      const p = answer(await call(env, s, 'GET', url(`/marks/panel?code=${code}&aspectId=${aspectId}`)));
      marks.push([why, m] as const);
      panels.push([why, p] as const);
    }
    for (const [why, m] of marks) expect(m, `mark: ${why}`).toEqual(marks[0]![1]);
    for (const [why, p] of panels) expect(p, `panel: ${why}`).toEqual(marks[0]![1]);
    expect(marks[0]![1].status).toBe(404);
    expect(JSON.stringify(marks[0]![1].body)).not.toMatch(/回避|单位|师徒|亲属|C\d{3}/);
  });

  it('answers a report on a code not on the judge\'s panel the same way', async () => {
    const codeA1 = await codeOf(w.entriesA[1]!);
    const codeB0 = await codeOf(w.entriesB[0]!);
    const codeB1 = await codeOf(w.entriesB[1]!);
    const report = async (s: Session, code: string) => answer(await call(env, s, 'POST', url('/marks/report-conflict'), { code }));
    const own = await report(w.judges[0]!.session, codeA1);
    expect(own.status).toBe(404);
    for (const [why, a] of [
      ['already reported', await report(w.judges[1]!.session, codeB0)],
      ['not seated (a substitute, unit B code)', await report(w.substitute.session, codeB1)],
      ['unknown', await report(w.judges[1]!.session, 'C999')],
    ] as const) expect(a, why).toEqual(own);
    const mark = answer(await call(env, w.judges[0]!.session, 'POST', url('/marks'), { code: codeA1, aspectId: aspect('B1.1').id, value: 2, expectedVersion: 0 }));
    expect(own).toEqual(mark);
  });

  it('hides who sits on a code\'s panel before decoding (seats only, the reader\'s own marked)', async () => {
    const b11 = aspect('B1.1').id;
    const codeB1 = await codeOf(w.entriesB[1]!);
    await ok(await call(env, w.judges[1]!.session, 'POST', url('/marks'), { code: codeB1, aspectId: b11, value: 2, expectedVersion: 0 }), 'mark');
    const p = await ok(await call(env, w.judges[1]!.session, 'GET', url(`/marks/panel?code=${codeB1}&aspectId=${b11}`)), 'panel');
    expect(p.panel.map((x: { judgeId: number | null; judgeName: string | null }) => [x.judgeId, x.judgeName])).toEqual([[null, null], [null, null], [null, null]]);
    expect(p.panel.filter((x: { mine: boolean }) => x.mine)).toHaveLength(1);
  });
});

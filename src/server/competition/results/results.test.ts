import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompetitionResults, EntryExplanation } from '../../../shared/contracts/results.js';
import { insertAccount } from '../../core/accounts/service.js';
import { competitions } from '../competitions/tables.js';
import { entries } from '../entries/tables.js';
import { rowsOf } from '../../db/sql-helpers.js';
import { call, login, makeTestEnv, PASSWORD, sessionAs, type TestEnv } from '../../test/harness.js';
import { computeResults, forgetResults } from './compute.js';
import { HAND, markedCompetition, lockAndDecode, type MarkedWorld } from './results-fixture.js';
import { resetEntryScores } from './scores.js';

let env: TestEnv;
let w: MarkedWorld;
beforeAll(async () => {
  env = await makeTestEnv();
  w = await markedCompetition(env);
}, 120_000);
afterAll(() => env.close());

const results = async (s = w.admin) => {
  const res = await call(env, s, 'GET', `/api/competitions/${w.competitionId}/results`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as CompetitionResults;
};
// By code: before decoding a row has no entry id (a code travels alone); after, both.
const rowOfK = (r: CompetitionResults, k: number) => r.rows.find((x) => x.code === w.byK[k]!.code)!;

describe('results from the marks (hand-computed example)', () => {
  it('while marking: provisional, by code, the practical summed from aspect marks (half-up) and weighted 30/70', async () => {
    const r = await results();
    expect(r.status).toBe('provisional');
    expect(r.decoded).toBe(false);
    for (let k = 0; k < 6; k++) {
      const row = rowOfK(r, k);
      expect(row.parts.find((p) => p.key === 'practical')!.score, `k${k} practical`).toBe(HAND.practical[k]);
      expect(row.parts.find((p) => p.key === 'theory')!.score).toBe(HAND.theory[k]);
      expect(row.total, `k${k} total`).toBe(HAND.total[k]);
      expect(row.name).toBeNull();
      expect(row.unitId).toBeNull();
      expect(row.entryId).toBeNull();
      expect(row.examNumber).toBeNull();
      expect(row.completionSeconds).toBe(HAND.seconds[k]);
    }
    expect(r.teams).toEqual([]);
  });

  it('ranks by total, then the chain: practical decides 77.00 vs 77.00, the shorter time decides 44.17 vs 44.17', async () => {
    const r = await results();
    expect(r.rows.map((x) => x.code)).toEqual([0, 1, 2, 3, 5, 4].map((k) => w.byK[k]!.code));
    expect(r.rows.map((x) => x.rank)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(r.rows.map((x) => x.decidedBy)).toEqual([null, 'total', 'total', 'practical', 'total', 'time']);
    expect(rowOfK(r, 4).passedAll).toBe(false);
    expect(rowOfK(r, 0).passedAll).toBe(true);
    // standardized: 700 + 100 × (x − median) / population sd
    const totals = HAND.total;
    const median = 77;
    const mean = totals.reduce((a, b) => a + b, 0) / totals.length;
    const sd = Math.sqrt(totals.reduce((a, b) => a + (b - mean) ** 2, 0) / totals.length);
    expect(rowOfK(r, 0).standardized).toBe(Math.round(700 + (100 * (97 - median)) / sd));
    expect(rowOfK(r, 2).standardized).toBe(700);
  });

  it('records completion times only for known codes and only while marking; each is a chain event', async () => {
    const bad = await call(env, w.admin, 'PUT', `/api/competitions/${w.competitionId}/completion-times`, { items: [{ code: 'NOPE', seconds: 10 }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('NOPE');
    const unit = await call(env, w.unitA.session, 'PUT', `/api/competitions/${w.competitionId}/completion-times`, { items: [{ code: w.byK[0]!.code, seconds: 10 }] });
    expect(unit.statusCode).toBe(403);
    const [ev] = await rowsOf<{ n: number }>(env.database.db, sql`select count(*)::int as n from mark_events where competition_id = ${w.competitionId} and kind = 'completion_time'`);
    expect(ev!.n).toBe(2);
  });

  it('after locking and decoding: names, units, awards, teams by the best 3, organization award, outcome proposals', async () => {
    await lockAndDecode(env, w);
    const late = await call(env, w.admin, 'PUT', `/api/competitions/${w.competitionId}/completion-times`, { items: [{ code: w.byK[0]!.code, seconds: 10 }] });
    expect(late.statusCode).toBe(409);
    const r = await results();
    expect(r.decoded).toBe(true);
    expect(r.awardsWithheld).toBeNull();
    const top = rowOfK(r, 0);
    expect(top.name).toMatch(/^选手/);
    expect(top.idNumberMasked).toMatch(/\*/);
    expect(top.award).toBe('第1名');
    expect(top.outcomes.map((o) => o.kind)).toEqual(expect.arrayContaining(['award', 'promotion', 'title']));
    expect(rowOfK(r, 1).outcomes.map((o) => o.kind)).toEqual(expect.arrayContaining(['award', 'level']));
    expect(rowOfK(r, 4).outcomes.map((o) => o.kind)).toEqual(['award']);
    // teams: each unit's best 3 totals (both units have exactly 3)
    for (const unitId of [w.unitA.id, w.unitB.id]) {
      const mine = w.byK.map((e, k) => ({ e, t: HAND.total[k]! })).filter((x) => x.e.unitId === unitId).map((x) => x.t);
      const sum = Math.round(mine.reduce((a, b) => a + b, 0) * 100) / 100;
      expect(r.teams.find((t) => t.unitId === unitId)!.sum).toBe(sum);
    }
    expect(r.teams[0]!.rank).toBe(1);
    expect(r.teams[0]!.award).toBe('团体第1名');
    // organization: 3 entrants × 1 + 3 honoured × 5 = 18 for each unit, shared first place
    expect(r.organizations.map((o) => [o.score, o.rank, o.award])).toEqual([[18, 1, true], [18, 1, true]]);
    expect(r.formulas.total).toContain('30%');
  });

  it('shows the chief judge codes only, and a unit only its own entrants', async () => {
    const chief = await results(w.chief.session);
    expect(chief.rows).toHaveLength(6);
    expect(chief.rows.every((x) => x.name === null && x.unitId === null && x.idNumberMasked === null && x.outcomes.length === 0)).toBe(true);
    expect(chief.teams).toEqual([]);
    const unit = await results(w.unitA.session);
    expect(unit.rows.length).toBe(3);
    expect(unit.rows.every((x) => x.unitId === w.unitA.id)).toBe(true);
    expect(unit.teams.every((t) => t.unitId === w.unitA.id)).toBe(true);
    const judge = await call(env, w.judges[1]!.session, 'GET', `/api/competitions/${w.competitionId}/results`);
    expect(judge.statusCode).toBe(403);
    const stranger = await call(env, await sessionAs(env, 'unit'), 'GET', `/api/competitions/${w.competitionId}/results`);
    expect((stranger.json() as CompetitionResults).rows).toEqual([]);
  });

  it('explains a contestant: each aspect\'s marks with judges named, the sums, and the deciding tie-break', async () => {
    const k3 = w.byK[3]!;
    const res = await call(env, w.admin, 'GET', `/api/competitions/${w.competitionId}/results/${k3.entryId}`);
    expect(res.statusCode, res.body).toBe(200);
    const x = res.json() as EntryExplanation;
    expect(x.aspects.map((a) => a.mark)).toEqual([28.34, 15, 13.33, 13.33]);
    expect(x.aspects[2]!.marks).toHaveLength(3);
    expect(x.aspects[2]!.marks[0]!.judge).not.toMatch(/^裁判\d/);
    expect(x.practicalSum).toContain('= 70.00');
    expect(x.totalFormula).toContain('77.00');
    expect(x.rankText).toContain('实操');
    // In English mode the console's language reaches the server (a lang cookie, or Accept-Language).
    const en = await env.app.inject({ method: 'GET', url: `/api/competitions/${w.competitionId}/results/${k3.entryId}`, headers: { cookie: `${w.admin.cookie}; lang=en` } });
    const xe = en.json() as EntryExplanation;
    expect(xe.rankText).toMatch(/^Place \d+ of \d+ ranked: .*practical/);
    expect(xe.totalFormula).toMatch(/^Theory .* \+ Practical .*77\.00 \(rounded half up to 0\.01\)$/);
    expect(xe.totalFormula + xe.rankText).not.toMatch(/[\u4e00-\u9fff]/);
    const above = x.neighbours.find((n) => n.position === 'above')!;
    expect(above.entryId).toBe(w.byK[2]!.entryId);
    expect(above.steps.find((s) => s.decisive)?.key).toBe('practical');
    // another unit's entry: refused; own: allowed
    const otherUnit = w.byK.find((e) => e.unitId !== w.unitA.id)!;
    expect((await call(env, w.unitA.session, 'GET', `/api/competitions/${w.competitionId}/results/${otherUnit.entryId}`)).statusCode).toBe(403);
    const own = w.byK.find((e) => e.unitId === w.unitA.id)!;
    expect((await call(env, w.unitA.session, 'GET', `/api/competitions/${w.competitionId}/results/${own.entryId}`)).statusCode).toBe(200);
  });

  it('gives a contestant (role person) their own results and explanation, with the appeal deadline', async () => {
    const [e] = await env.database.db.select({ personId: entries.personId }).from(entries).where(eq(entries.id, w.byK[0]!.entryId));
    const username = `person_${w.competitionId}`;
    await insertAccount(env.database.db, env, { username, displayName: username, role: 'person', password: PASSWORD, personId: e!.personId });
    const me = await login(env, username);
    const mine = await call(env, me, 'GET', '/api/me/results');
    expect(mine.statusCode, mine.body).toBe(200);
    const list = mine.json();
    expect(list).toHaveLength(1);
    expect(list[0].row.rank).toBe(1);
    expect(list[0].appealDeadline).toMatch(/T/);
    expect((await call(env, me, 'GET', `/api/competitions/${w.competitionId}/results/${w.byK[0]!.entryId}`)).statusCode).toBe(200);
    expect((await call(env, me, 'GET', `/api/competitions/${w.competitionId}/results/${w.byK[1]!.entryId}`)).statusCode).toBe(403);
  });

  it('keeps entry scores current incrementally: an approved amendment re-ranks, and equals a full recompute', async () => {
    const k5 = w.byK[5]!;
    const req = await call(env, w.admin, 'POST', `/api/competitions/${w.competitionId}/amendments`, { code: k5.code, part: 'theory', newValue: 95, reason: '理论试卷复核漏计分' });
    expect(req.statusCode, req.body).toBe(200);
    const dec = await call(env, w.chief.session, 'POST', `/api/competitions/${w.competitionId}/amendments/${req.json().id}/decide`, { approve: true });
    expect(dec.statusCode, dec.body).toBe(200);
    const r = await results();
    // 95 × 30% + 41.67 × 70% = 28.5 + 29.169 = 57.669 → 57.67
    expect(rowOfK(r, 5).total).toBe(57.67);
    expect(rowOfK(r, 5).rank).toBe(5);
    expect(rowOfK(r, 4).decidedBy).toBe('total');
    const [done] = await rowsOf<{ s: number; last: number }>(env.database.db, sql`select chain_seq as s, (select max(seq) from mark_events where competition_id = ${w.competitionId}) as last from score_computations where competition_id = ${w.competitionId}`);
    expect(done!.s).toBe(done!.last);
    await resetEntryScores(env.database.db, w.competitionId);
    forgetResults(env.database.db, w.competitionId);
    const full = await computeResults(env.database.db, w.competitionId);
    expect(full.rows).toEqual(r.rows);
  });

  it('publishes team and organization rankings only during the notice and after, without personal fields but names', async () => {
    const url = `/api/public/competitions/${w.competitionId}/rankings`;
    expect((await call(env, null, 'GET', url)).statusCode).toBe(404);
    await env.database.db.update(competitions).set({ status: 'notice' }).where(eq(competitions.id, w.competitionId));
    const res = await call(env, null, 'GET', url);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.teams).toHaveLength(2);
    expect(body.teams[0].counted[0].name).toMatch(/^选手/);
    expect(res.body).not.toMatch(/\d{17}[\dXx]/);
    expect(res.body).not.toMatch(/1[3-9]\d{9}/);
    expect(res.body).not.toContain('idNumber');
    await env.database.db.update(competitions).set({ status: 'decoded' }).where(eq(competitions.id, w.competitionId));
  });
});

import { asc, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { entries } from '../entries/tables.js';
import { buildCompetition, type CompetitionWorld } from '../../test/competition-fixture.js';
import { call, type TestEnv } from '../../test/harness.js';

/**
 * A small competition marked by hand (TEST_SCHEME: A1.1 measured /30, A1.2 banded 30/15/0,
 * B1.1 and B1.2 judged /20 by panels of three), so that the tests can check the results against
 * figures worked out on paper. Codes in draw order C001…C006 are k = 0…5:
 *
 *   k  A1.1   A1.2  B1.1 scores → mark   B1.2 scores → mark   practical  theory  total (30/70)
 *   0  30     30    3,3,3 → 20           3,3,3 → 20           100.00     90      27 + 70        = 97.00
 *   1  28.5   30    2,2,3 → 15.56        2,2,2 → 13.33         87.39     80      24 + 61.173    = 85.17
 *   2  30     30    1,1,1 → 6.67         2,2,2 → 13.33         80.00     70      21 + 56        = 77.00
 *   3  28.34  15    2,2,2 → 13.33        2,2,2 → 13.33         70.00     93.33   27.999 + 49    = 77.00 (tie: practical lower → 4th)
 *   4  20     15    1,1,1 → 6.67         0,0,0 → 0             41.67     50      15 + 29.169    = 44.17
 *   5  20     15    1,1,1 → 6.67         0,0,0 → 0             41.67     50      = 44.17 (tie with 4: same practical, faster → 5th)
 *
 * Completion times: k4 5400 s, k5 5000 s. (2 × 7 ÷ 9 × 20 = 15.555… → 15.56: half-up on hundredths.)
 */
export const HAND = {
  a11: [30, 28.5, 30, 28.34, 20, 20],
  a12: [30, 30, 30, 15, 15, 15],
  b11: [[3, 3, 3], [2, 2, 3], [1, 1, 1], [2, 2, 2], [1, 1, 1], [1, 1, 1]],
  b12: [[3, 3, 3], [2, 2, 2], [2, 2, 2], [2, 2, 2], [0, 0, 0], [0, 0, 0]],
  theory: [90, 80, 70, 93.33, 50, 50],
  practical: [100, 87.39, 80, 70, 41.67, 41.67],
  total: [97, 85.17, 77, 77, 44.17, 44.17],
  seconds: [null, null, null, null, 5400, 5000],
};

export interface MarkedWorld extends CompetitionWorld {
  /** By k (code order): entry id, code, exam number, unit id. */
  byK: { entryId: number; code: string; examNumber: string; unitId: number }[];
}

async function ok(res: { statusCode: number; body: string; json(): any }, what: string) {
  expect(res.statusCode, `${what}: ${res.body}`).toBe(200);
  return res.json();
}

/** The hand example marked, scored and timed (still 'marking'); `lock` signs it off and decodes it. */
export async function markedCompetition(env: TestEnv, opts: { lock?: boolean } = {}): Promise<MarkedWorld> {
  const w = await buildCompetition(env, 'marking', 3);
  const list = await env.database.db.select({ entryId: entries.id, code: entries.code, examNumber: entries.examNumber, unitId: entries.unitId })
    .from(entries).where(eq(entries.competitionId, w.competitionId)).orderBy(asc(entries.code));
  const byK = list.map((e) => ({ entryId: e.entryId, code: e.code!, examNumber: e.examNumber!, unitId: e.unitId }));
  const k = new Map(byK.map((e, i) => [e.code, i]));
  const used = new Map<string, number>();
  for (const j of [...w.judges, w.substitute]) {
    const sheet = await ok(await call(env, j.session, 'GET', `/api/competitions/${w.competitionId}/marking/sheet`), 'sheet');
    for (const a of sheet.aspects) {
      for (const c of a.contestants) {
        const i = k.get(c.code)!;
        let value: number;
        if (a.code === 'A1.1') value = HAND.a11[i]!;
        else if (a.code === 'A1.2') value = HAND.a12[i]!;
        else {
          const key = `${c.code}:${a.code}`;
          const seat = used.get(key) ?? 0;
          used.set(key, seat + 1);
          value = (a.code === 'B1.1' ? HAND.b11 : HAND.b12)[i]![seat]!;
        }
        await ok(await call(env, j.session, 'POST', `/api/competitions/${w.competitionId}/marks`, { code: c.code, aspectId: a.aspectId, value, expectedVersion: 0 }), 'mark');
      }
    }
  }
  await ok(await call(env, w.admin, 'PUT', `/api/competitions/${w.competitionId}/part-scores`, {
    rows: byK.map((e, i) => ({ examNumber: e.examNumber, part: 'theory', value: HAND.theory[i] })),
  }), 'theory');
  await ok(await call(env, w.admin, 'PUT', `/api/competitions/${w.competitionId}/completion-times`, {
    items: [{ code: byK[4]!.code, seconds: 5400 }, { code: byK[5]!.code, seconds: 5000 }],
  }), 'times');
  if (opts.lock) await lockAndDecode(env, w);
  return { ...w, byK };
}

export async function lockAndDecode(env: TestEnv, w: CompetitionWorld) {
  await ok(await call(env, w.chief.session, 'POST', `/api/competitions/${w.competitionId}/signoff`, { criterionCode: '*' }), 'signoff');
  await ok(await call(env, w.admin, 'POST', `/api/competitions/${w.competitionId}/decode`), 'decode');
}

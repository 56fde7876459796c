import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCompetition, type CompetitionWorld } from '../../test/competition-fixture.js';
import { call, makeTestEnv, type TestEnv } from '../../test/harness.js';

let env: TestEnv;
let w: CompetitionWorld;
beforeAll(async () => {
  env = await makeTestEnv();
  w = await buildCompetition(env, 'marking');
});
afterAll(() => env.close());

describe('saved theory scores are read back', () => {
  it('lists what was saved by exam number (the console showed "不修改" on every row)', async () => {
    const url = `/api/competitions/${w.competitionId}/part-scores`;
    const entries = (await call(env, w.admin, 'GET', `/api/competitions/${w.competitionId}/entries`)).json() as { examNumber: string | null }[];
    const exams = entries.map((e) => e.examNumber).filter((x): x is string => !!x).sort();
    expect((await call(env, w.admin, 'GET', url)).json()).toEqual([]);
    const saved = await call(env, w.admin, 'PUT', url, { rows: [{ examNumber: exams[0], part: 'theory', value: 86.5 }, { examNumber: exams[1], part: 'theory', value: 72 }] });
    expect(saved.statusCode, saved.body).toBe(200);
    const res = await call(env, w.admin, 'GET', url);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([{ examNumber: exams[0], part: 'theory', value: 86.5 }, { examNumber: exams[1], part: 'theory', value: 72 }]);
    // Nobody outside the organizers and the competition's operators reads them.
    expect((await call(env, w.unitA.session, 'GET', url)).statusCode).toBe(403);
    expect((await call(env, w.judges[0]!.session, 'GET', url)).statusCode).toBe(403);
  });
});

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCompetition, type CompetitionWorld } from '../../test/competition-fixture.js';
import { call, makeTestEnv, type TestEnv } from '../../test/harness.js';
import { verifyMarkChain } from './chain.js';
import { markEvents, marks } from './tables.js';

let env: TestEnv;
let w: CompetitionWorld;
beforeAll(async () => {
  env = await makeTestEnv();
  w = await buildCompetition(env, 'marking', 15);
});
afterAll(() => env.close());

describe('concurrent mark entry', () => {
  it('loses none and duplicates none of 200 concurrent mark writes (and a replayed copy of each)', async () => {
    const jobs: { session: (typeof w.judges)[number]['session']; body: object }[] = [];
    for (const j of [...w.judges, w.substitute]) {
      const sheet = (await call(env, j.session, 'GET', `/api/competitions/${w.competitionId}/marking/sheet`)).json();
      for (const a of sheet.aspects) for (const c of a.contestants) jobs.push({ session: j.session, body: { code: c.code, aspectId: a.aspectId, value: a.kind === 'judgement' ? 2 : 15, expectedVersion: 0 } });
    }
    const batch = jobs.slice(0, 200);
    expect(batch).toHaveLength(200);
    // Every write twice, all at once: a retry storm must not double anything.
    const res = await Promise.all([...batch, ...batch].map((j) => call(env, j.session, 'POST', `/api/competitions/${w.competitionId}/marks`, j.body)));
    expect(res.filter((r) => r.statusCode !== 200).map((r) => r.body)).toEqual([]);
    expect(res.filter((r) => r.json().replayed === false)).toHaveLength(200);
    const stored = await env.database.db.select().from(marks).where(eq(marks.competitionId, w.competitionId));
    expect(stored).toHaveLength(200);
    const events = await env.database.db.select().from(markEvents).where(eq(markEvents.competitionId, w.competitionId));
    expect(events.filter((e) => e.kind === 'mark')).toHaveLength(200);
    expect(await verifyMarkChain(env.database.db, w.competitionId)).toMatchObject({ ok: true, checked: events.length });
  });
});

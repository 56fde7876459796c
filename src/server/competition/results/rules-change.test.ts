import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Competition } from '../../../shared/contracts/competitions.js';
import type { CompetitionResults } from '../../../shared/contracts/results.js';
import { competitions } from '../competitions/tables.js';
import { call, makeTestEnv, type TestEnv } from '../../test/harness.js';
import { HAND, markedCompetition, type MarkedWorld } from './results-fixture.js';

let env: TestEnv;
let w: MarkedWorld;
beforeAll(async () => {
  env = await makeTestEnv();
  w = await markedCompetition(env, { lock: true });
}, 120_000);
afterAll(() => env.close());

const results = async () => (await call(env, w.admin, 'GET', `/api/competitions/${w.competitionId}/results`)).json() as CompetitionResults;
const rowOfK = (r: CompetitionResults, k: number) => r.rows.find((x) => x.entryId === w.byK[k]!.entryId)!;

/** PUT the competition back with some of its fields changed. */
async function update(change: (c: Competition) => Partial<Competition>) {
  const c = (await call(env, w.admin, 'GET', `/api/competitions/${w.competitionId}`)).json() as Competition;
  const next = { ...c, ...change(c) };
  const body = {
    tradeId: next.tradeId, level: next.level, name: next.name, startsOn: next.startsOn, endsOn: next.endsOn, venue: next.venue, stations: next.stations,
    codePrefix: next.codePrefix, registrationOpensAt: next.registrationOpensAt, registrationClosesAt: next.registrationClosesAt,
    defaultQuota: next.defaultQuota, unitQuotas: next.unitQuotas, parts: next.parts, rules: next.rules, version: c.version,
  };
  return call(env, w.admin, 'PUT', `/api/competitions/${w.competitionId}`, body);
}

describe('changing the rules before the results are final recomputes them', () => {
  it('weights 20/80 change the totals and who the practical tie-break decides', async () => {
    const before = await results();
    expect(rowOfK(before, 3).decidedBy).toBe('practical');
    const res = await update((c) => ({ parts: c.parts.map((p) => ({ ...p, weight: p.key === 'theory' ? 20 : 80 })) }));
    expect(res.statusCode, res.body).toBe(200);
    const after = await results();
    expect(after.competitionVersion).toBeGreaterThan(before.competitionVersion);
    // k2: 70 × 20% + 80 × 80% = 14 + 64 = 78.00; k3: 93.33 × 20% + 70 × 80% = 18.666 + 56 = 74.67
    expect(rowOfK(after, 2).total).toBe(78);
    expect(rowOfK(after, 3).total).toBe(74.67);
    expect(rowOfK(after, 3).decidedBy).toBe('total');
    expect(after.formulas.total).toContain('20%');
  });

  it('top 5 leaves the 6th without an award; k = 2 sums each unit\'s best two', async () => {
    const res = await update((c) => ({ rules: { ...c.rules, topN: 5, teamBestK: 2 } }));
    expect(res.statusCode, res.body).toBe(200);
    const r = await results();
    const sixth = r.rows.find((x) => x.rank === 6)!;
    expect(sixth.award).toBeNull();
    expect(r.rows.find((x) => x.rank === 5)!.award).toBe('第5名');
    for (const t of r.teams) {
      expect(t.counted).toHaveLength(2);
      const best2 = r.rows.filter((x) => x.unitId === t.unitId).map((x) => x.total!).sort((a, b) => b - a).slice(0, 2);
      expect(t.sum).toBe(Math.round((best2[0]! + best2[1]!) * 100) / 100);
    }
    // organization: honoured now counts only the top 5
    expect(r.organizations.reduce((a, o) => a + o.honoured, 0)).toBe(5);
  });

  it('k = 4 with 3 per unit: units are left out by default, ranked on their 3 when the rule says so', async () => {
    expect((await update((c) => ({ rules: { ...c.rules, teamBestK: 4 } }))).statusCode).toBe(200);
    const left = await results();
    expect(left.teams.map((t) => [t.sum, t.rank, t.award])).toEqual([[null, null, null], [null, null, null]]);
    expect(left.formulas.team).toContain('不足 4 人的单位不参加团体排名');
    const res = await update((c) => ({ rules: { ...c.rules, teamBelowK: 'ranked' } }));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().rules.teamBelowK).toBe('ranked');
    const ranked = await results();
    for (const t of ranked.teams) {
      const mine = ranked.rows.filter((x) => x.unitId === t.unitId).map((x) => x.total!);
      expect(t.counted).toHaveLength(3);
      expect(t.sum).toBe(Math.round(mine.reduce((a, b) => a + b, 0) * 100) / 100);
    }
    expect(ranked.teams.map((t) => t.rank).sort()).toEqual([1, 2]);
    expect(ranked.formulas.team).toContain('不足 4 人的单位按已有选手的总成绩之和参加团体排名');
    expect((await update((c) => ({ rules: { ...c.rules, teamBestK: 3, teamBelowK: 'excluded' } }))).statusCode).toBe(200);
  });

  it('a tie-break chain without time shares the 5th place of two equal contestants', async () => {
    const res = await update((c) => ({ parts: c.parts.map((p) => ({ ...p, weight: p.key === 'theory' ? 30 : 70 })), rules: { ...c.rules, tieBreak: ['practical', 'theory'] } }));
    expect(res.statusCode, res.body).toBe(200);
    const r = await results();
    expect(rowOfK(r, 4).total).toBe(HAND.total[4]);
    expect([rowOfK(r, 4).rank, rowOfK(r, 5).rank]).toEqual([5, 5]);
    expect(r.rows.filter((x) => x.rank === 5).map((x) => x.decidedBy)).toContain('shared');
  });

  it('refuses which parts there are after the draw, and any rule change during the notice and once final', async () => {
    const parts = await update(() => ({ parts: [{ key: 'practical', weight: 100, passMark: 60 }] }));
    expect(parts.statusCode).toBe(409);
    await env.database.db.update(competitions).set({ status: 'notice' }).where(eq(competitions.id, w.competitionId));
    const notice = await update((c) => ({ rules: { ...c.rules, topN: 3 } }));
    expect(notice.statusCode).toBe(409);
    expect(notice.json().error.message).toBe('公示期间不能修改规则，请先撤回公示');
    const venue = await update(() => ({ venue: '市技师学院东校区' }));
    expect(venue.statusCode, venue.body).toBe(200);
    await env.database.db.update(competitions).set({ status: 'final' }).where(eq(competitions.id, w.competitionId));
    const final = await update((c) => ({ parts: c.parts.map((p) => ({ ...p, passMark: 50 })) }));
    expect(final.statusCode).toBe(409);
    // Once final nothing changes, the name and venue included (the console shows the set-up read-only);
    // saving it unchanged still passes.
    const renamed = await update(() => ({ venue: '市技师学院西校区' }));
    expect(renamed.statusCode, renamed.body).toBe(409);
    expect(renamed.json().error).toMatchObject({ message: '成绩已确定，不能再修改：地点', issues: [{ field: 'venue', message: '成绩已确定，不能再修改' }] });
    expect((await update(() => ({}))).statusCode).toBe(200);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, makeTestEnv, sessionAs, type Session, type TestEnv } from '../../test/harness.js';
import { campaigns } from '../../core/campaign/tables.js';

/** A selection round: its stages as data, advanced one at a time by the office, never skipped or rewound. */
let env: TestEnv;
let admin: Session;
let campaignId: number;

beforeAll(async () => {
  env = await makeTestEnv();
  admin = await sessionAs(env, 'admin');
  const [c] = await env.database.db.insert(campaigns).values({
    name: '2009年技能月', theme: '技能成才', startsOn: '2009-05-01', endsOn: '2009-05-31', organizer: '江川市劳动和社会保障局',
    coOrganizers: [], committeeBodies: [], contentAreas: [],
  }).returning();
  campaignId = c!.id;
});
afterAll(() => env.close());

const create = (s: Session | null, over: Record<string, unknown> = {}) =>
  call(env, s, 'POST', '/api/selection/rounds', { campaignId, name: '2009年市技术能手评选', nominationOpensOn: '2009-05-04', nominationClosesOn: '2009-05-15', ...over });

describe('selection rounds', () => {
  it('creates the default round: 12 stages from nomination to commendation, 200 → 50 → 20', async () => {
    const res = await create(admin);
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r.stages.map((s: { key: string }) => s.key)).toEqual(['nomination', 'eligibility', 'exam', 'cut200', 'review', 'retest', 'interview', 'cut50', 'cut20', 'approval', 'notice', 'commendation']);
    expect(r.stages[0].state).toBe('open');
    expect(r.stages[1].state).toBe('pending');
    expect(r.rules.stages.filter((s: { kind: string }) => s.kind === 'cut').map((s: { size: number }) => s.size)).toEqual([200, 50, 20]);
  });

  it('refuses every role but the office, and the public', async () => {
    for (const role of ['unit', 'judge', 'person'] as const) {
      const s = await sessionAs(env, role);
      expect((await create(s)).statusCode, role).toBe(403);
    }
    expect((await create(null)).statusCode).toBe(401);
  });

  it('refuses a window that closes before it opens, and a campaign that does not exist, by field', async () => {
    const a = await create(admin, { nominationClosesOn: '2009-05-01' });
    expect(a.statusCode).toBe(400);
    expect(a.json().error.issues[0].field).toBe('nominationClosesOn');
    const b = await create(admin, { campaignId: 999999 });
    expect(b.statusCode).toBe(400);
    expect(b.json().error.issues[0].field).toBe('campaignId');
  });

  it('advances one stage at a time; a stale or repeated request is refused, not applied twice', async () => {
    const r = (await create(admin)).json();
    const adv = await call(env, admin, 'POST', `/api/selection/rounds/${r.id}/advance`, { version: r.version, expectStage: 'nomination' });
    expect(adv.statusCode).toBe(200);
    expect(adv.json().stages[1].state).toBe('open');
    const again = await call(env, admin, 'POST', `/api/selection/rounds/${r.id}/advance`, { version: r.version, expectStage: 'nomination' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('资格审查');
  });

  it('fixes the rules of a stage once it opens; later stages may still change', async () => {
    const r = (await create(admin)).json();
    const rules = structuredClone(r.rules);
    rules.stages[0].closesOn = '2009-05-20';
    const a = await call(env, admin, 'PUT', `/api/selection/rounds/${r.id}/rules`, { rules, version: r.version });
    expect(a.statusCode).toBe(409);
    expect(a.json().error.message).toContain('推荐报名');
    const ok = structuredClone(r.rules);
    ok.stages[7].size = 60;
    const b = await call(env, admin, 'PUT', `/api/selection/rounds/${r.id}/rules`, { rules: ok, version: r.version });
    expect(b.statusCode, b.body).toBe(200);
    expect(b.json().rules.stages[7].size).toBe(60);
  });

  it('refuses rules whose weights do not sum to 100 or whose cut grows, naming the field', async () => {
    const r = (await create(admin)).json();
    const rules = structuredClone(r.rules);
    rules.stages[8].size = 80;
    const a = await call(env, admin, 'PUT', `/api/selection/rounds/${r.id}/rules`, { rules, version: r.version });
    expect(a.statusCode).toBe(400);
    expect(a.json().error.issues[0].field).toBe('rules.stages.8.size');
  });
});

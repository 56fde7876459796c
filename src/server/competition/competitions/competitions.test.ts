import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PARTS_20_80, PARTS_25_55_20 } from '../../../shared/competition/parts.js';
import { buildCompetition, TEST_SCHEME, type CompetitionWorld } from '../../test/competition-fixture.js';
import { buildAccount, call, login, makeTestEnv, sessionAs, type Session, type TestEnv } from '../../test/harness.js';

let env: TestEnv;
let w: CompetitionWorld;
let admin: Session;
let n = 0;
/** A new competition each time (the same campaign, trade, level and name twice is refused). */
const base = () => ({
  tradeId: w.tradeId, name: `车工竞赛${++n}`, startsOn: '2009-05-22', endsOn: '2009-05-24', venue: '实训中心', stations: 10,
  registrationOpensAt: '2009-05-01T00:00:00+08:00', registrationClosesAt: '2009-05-15T17:00:00+08:00',
});

beforeAll(async () => {
  env = await makeTestEnv();
  w = await buildCompetition(env, 'approved');
  admin = w.admin;
});
afterAll(() => env.close());

describe('setting up a competition', () => {
  it('defaults to theory 30 / practical 70 with pass mark 60 and the default rules', async () => {
    const res = await call(env, admin, 'POST', '/api/competitions', base());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'draft', parts: [{ key: 'theory', weight: 30, passMark: 60 }, { key: 'practical', weight: 70, passMark: 60 }],
      rules: { tieBreak: ['practical', 'time', 'theory'], topN: 6, teamBestK: 3, appealWindowHours: 2 },
    });
  });

  it('takes 20/80 and a three-part 25/55/20 split with an oral defence, and rules as data', async () => {
    for (const parts of [PARTS_20_80, PARTS_25_55_20]) {
      const res = await call(env, admin, 'POST', '/api/competitions', { ...base(), parts, rules: { topN: 5, teamBestK: 2 } });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().parts.map((p: { weight: number }) => p.weight)).toEqual(parts.map((p) => p.weight));
      expect(res.json().rules).toMatchObject({ topN: 5, teamBestK: 2 });
    }
  });

  it('refuses weights that do not total 100, a missing practical part, and reversed dates, naming the field', async () => {
    const bad = [
      [{ parts: [{ key: 'theory', weight: 40 }, { key: 'practical', weight: 70 }] }, 'parts', '100'],
      [{ parts: [{ key: 'theory', weight: 100 }] }, 'parts', '操作技能'],
      [{ endsOn: '2009-05-01' }, 'endsOn', '结束日期'],
      [{ codePrefix: 'a1' }, 'codePrefix', '大写字母'],
    ] as const;
    for (const [over, field, text] of bad) {
      const res = await call(env, admin, 'POST', '/api/competitions', { ...base(), ...over });
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(res.json().error.message).toContain(text);
      expect(res.json().error.issues.map((i: { field: string }) => i.field).join(' ')).toContain(field);
    }
  });

  it('lets only the organizers set up: another committee body, units and judges are refused', async () => {
    const publicity = await buildAccount(env, 'committee');
    await env.database.db.execute(`update accounts set committee_body = 'publicity' where id = ${publicity.id}`);
    const p = await login(env, publicity.username);
    expect((await call(env, p, 'POST', '/api/competitions', base())).statusCode).toBe(403);
    expect((await call(env, w.unitA.session, 'POST', '/api/competitions', base())).statusCode).toBe(403);
    const competitionCommittee = await sessionAs(env, 'committee'); // the harness gives committee accounts the competition body
    expect((await call(env, competitionCommittee, 'POST', '/api/competitions', base())).statusCode).toBe(200);
  });

  it('refuses a stale update and a jump the state machine does not allow', async () => {
    const c = (await call(env, admin, 'POST', '/api/competitions', base())).json();
    const ok = await call(env, admin, 'PUT', `/api/competitions/${c.id}`, { ...base(), name: '改名', version: c.version });
    expect(ok.statusCode, ok.body).toBe(200);
    const stale = await call(env, admin, 'PUT', `/api/competitions/${c.id}`, { ...base(), name: '又改名', version: c.version });
    expect(stale.statusCode).toBe(409);
    const jump = await call(env, admin, 'POST', `/api/competitions/${c.id}/registration`, { to: 'closed', version: ok.json().version });
    expect(jump.statusCode).toBe(409);
    expect(jump.json().error.code).toBe('INVALID_TRANSITION');
  });

  it('shows a judge only the competitions whose staff names them', async () => {
    const outsider = await sessionAs(env, 'judge');
    expect((await call(env, outsider, 'GET', '/api/competitions')).json()).toEqual([]);
    expect((await call(env, outsider, 'GET', `/api/competitions/${w.competitionId}`)).statusCode).toBe(404);
    const mine = (await call(env, w.judges[1]!.session, 'GET', '/api/competitions')).json();
    expect(mine.map((c: { id: number }) => c.id)).toEqual([w.competitionId]);
  });
});

describe('the marking scheme', () => {
  it('refuses a scheme that does not total 100, with the total in the message', async () => {
    const broken = structuredClone(TEST_SCHEME);
    broken.criteria[0]!.subCriteria[0]!.aspects[0]!.maxMark = 27.5;
    const res = await call(env, admin, 'PUT', `/api/competitions/${w.competitionId}/scheme`, broken);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('97.5');
  });

  it('refuses a judgement aspect without its four level descriptions, naming the path', async () => {
    const broken = structuredClone(TEST_SCHEME);
    delete broken.criteria[1]!.subCriteria[0]!.aspects[0]!.levels;
    const res = await call(env, admin, 'PUT', `/api/competitions/${w.competitionId}/scheme`, broken);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues[0].field).toBe('criteria[1].subCriteria[0].aspects[0].levels');
  });

  it('keeps every version and carries the marking teams over by aspect code', async () => {
    const before = (await call(env, admin, 'GET', `/api/competitions/${w.competitionId}/scheme`)).json();
    const next = structuredClone(TEST_SCHEME);
    next.criteria[0]!.name = '尺寸精度（修订）';
    const saved = (await call(env, admin, 'PUT', `/api/competitions/${w.competitionId}/scheme`, next)).json();
    expect(saved.version).toBe(before.version + 1);
    const view = (await call(env, admin, 'GET', `/api/competitions/${w.competitionId}/assignments`)).json();
    expect(view.aspects.every((a: { team: unknown[] }) => a.team.length === 3)).toBe(true);
    expect(view.aspects.map((a: { aspectId: number }) => a.aspectId)).toEqual(saved.aspects.map((a: { id: number }) => a.id));
  });
});

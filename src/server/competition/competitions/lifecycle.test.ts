import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../core/audit/tables.js';
import { buildCompetition, type CompetitionWorld } from '../../test/competition-fixture.js';
import { buildAccount, call, login, sessionAs, makeTestEnv, type Session, type TestEnv } from '../../test/harness.js';
import { competitions } from './tables.js';

/** Set-up in the competition's life: no identical twin, a draft can go, drafts are the organizers' alone, partial updates. */
let env: TestEnv;
let w: CompetitionWorld;
let admin: Session;
let organizer: Session;
let publicity: Session;
let unit: Session;
let judge: Session;
let person: Session;
let n = 0;
const base = (over: Record<string, unknown> = {}) => ({
  tradeId: w.tradeId, name: `焊工竞赛${++n}`, startsOn: '2009-05-22', endsOn: '2009-05-24', venue: '实训中心', stations: 10,
  registrationOpensAt: '2009-05-01T00:00:00+08:00', registrationClosesAt: '2009-05-15T17:00:00+08:00', ...over,
});
const create = async (over: Record<string, unknown> = {}) => {
  const res = await call(env, admin, 'POST', '/api/competitions', base(over));
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: number; version: number; name: string; status: string; rules: Record<string, unknown> };
};
const setStatus = (id: number, status: string) => env.database.db.update(competitions).set({ status: status as never }).where(eq(competitions.id, id));

beforeAll(async () => {
  env = await makeTestEnv();
  w = await buildCompetition(env, 'approved');
  admin = w.admin;
  organizer = await sessionAs(env, 'committee'); // the competition committee
  const p = await buildAccount(env, 'committee');
  await env.database.db.execute(`update accounts set committee_body = 'publicity' where id = ${p.id}`);
  publicity = await login(env, p.username);
  unit = w.unitA.session;
  judge = w.judges[0]!.session;
  person = await login(env, (await buildAccount(env, 'person')).username);
});
afterAll(() => env.close());

describe('an identical competition', () => {
  it('is refused the second time with a clear 409; another level or name is a different competition', async () => {
    const first = await create({ name: '焊工技能竞赛' });
    const again = await call(env, admin, 'POST', '/api/competitions', base({ name: '焊工技能竞赛' }));
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'DUPLICATE', issues: [{ field: 'name' }] });
    expect(again.json().error.message).toContain('焊工技能竞赛');
    expect((await call(env, admin, 'POST', '/api/competitions', base({ name: '焊工技能竞赛', level: 2 }))).statusCode).toBe(200);
    // Renaming another competition into the same one is refused too.
    const other = await create();
    const rename = await call(env, admin, 'PATCH', `/api/competitions/${other.id}`, { name: '焊工技能竞赛', version: other.version });
    expect(rename.statusCode).toBe(409);
    expect(rename.json().error.code).toBe('DUPLICATE');
    expect(first.id).toBeGreaterThan(0);
  });

  it('is refused by the database too (the unique index), not only by the service', async () => {
    const c = await create({ name: '索引检查' });
    const [row] = await env.database.db.select().from(competitions).where(eq(competitions.id, c.id));
    const { id: _id, ...copy } = row!;
    await expect(env.database.db.insert(competitions).values(copy)).rejects.toThrow();
  });
});

describe('deleting a competition', () => {
  it('removes a draft with its staff and scheme, audited', async () => {
    const c = await create();
    expect((await call(env, admin, 'POST', `/api/competitions/${c.id}/staff`, { accountId: w.judges[1]!.id, role: 'judge' })).statusCode).toBe(200);
    const stale = await call(env, admin, 'DELETE', `/api/competitions/${c.id}?version=${c.version - 1}`);
    expect(stale.statusCode).toBe(409);
    const res = await call(env, organizer, 'DELETE', `/api/competitions/${c.id}?version=${c.version}`);
    expect(res.statusCode, res.body).toBe(200);
    expect((await call(env, admin, 'GET', `/api/competitions/${c.id}`)).statusCode).toBe(404);
    const audit = await env.database.db.select().from(auditLog).where(eq(auditLog.action, 'competition.delete'));
    expect(audit.map((a) => a.entityId)).toContain(String(c.id));
    // The same name can be used again once the draft is gone.
    expect((await call(env, admin, 'POST', '/api/competitions', base({ name: c.name }))).statusCode).toBe(200);
  });

  it('refuses a competition past set-up, and anyone but the organizers', async () => {
    expect((await call(env, admin, 'DELETE', `/api/competitions/${w.competitionId}?version=1`)).statusCode).toBe(409);
    const c = await create();
    for (const [who, status] of [[publicity, 403], [unit, 403], [judge, 403], [person, 403], [null, 401]] as const) {
      expect((await call(env, who, 'DELETE', `/api/competitions/${c.id}?version=${c.version}`)).statusCode).toBe(status);
    }
    const open = await call(env, admin, 'POST', `/api/competitions/${c.id}/registration`, { to: 'registration', version: c.version });
    const refused = await call(env, admin, 'DELETE', `/api/competitions/${c.id}?version=${open.json().version}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('只能删除筹备中的竞赛');
  });
});

describe('a draft', () => {
  it('is seen only by the organizers: not by units, judges (even staffed), other committee bodies, contestants or the public', async () => {
    const c = await create();
    await call(env, admin, 'POST', `/api/competitions/${c.id}/staff`, { accountId: w.judges[0]!.id, role: 'judge' });
    const ids = async (who: Session) => (await call(env, who, 'GET', '/api/competitions')).json().map((x: { id: number }) => x.id);
    expect(await ids(admin)).toContain(c.id);
    expect(await ids(organizer)).toContain(c.id);
    for (const who of [unit, judge, publicity]) {
      expect(await ids(who)).not.toContain(c.id);
      expect((await call(env, who, 'GET', `/api/competitions/${c.id}`)).statusCode).toBe(404);
    }
    expect((await call(env, unit, 'GET', `/api/competitions/${c.id}/entries`)).statusCode).toBe(404);
    expect((await call(env, unit, 'POST', `/api/competitions/${c.id}/entries`, { personIds: [1] })).statusCode).toBe(404);
    expect((await call(env, person, 'GET', '/api/competitions')).statusCode).toBe(403);
    expect((await call(env, null, 'GET', '/api/competitions')).statusCode).toBe(401);
    // Opened for registration, the units see it.
    await call(env, admin, 'POST', `/api/competitions/${c.id}/registration`, { to: 'registration', version: c.version });
    expect(await ids(unit)).toContain(c.id);
    expect((await call(env, unit, 'GET', `/api/competitions/${c.id}`)).statusCode).toBe(200);
  });
});

describe('a partial update (PATCH)', () => {
  it('changes only the fields given; rules merge by key (closing the appeal window)', async () => {
    const c = await create({ rules: { topN: 5 } });
    const res = await call(env, admin, 'PATCH', `/api/competitions/${c.id}`, { venue: '东校区', rules: { appealWindowHours: 0 }, version: c.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ venue: '东校区', name: c.name, version: c.version + 1, rules: { topN: 5, appealWindowHours: 0, teamBestK: 3 } });
    const audit = await env.database.db.select().from(auditLog).where(eq(auditLog.action, 'competition.update'));
    expect(audit.at(-1)!.entityId).toBe(String(c.id));
  });

  it('refuses a stale version, an unknown field, and a change that breaks the whole (dates reversed), naming the field', async () => {
    const c = await create();
    expect((await call(env, admin, 'PATCH', `/api/competitions/${c.id}`, { venue: 'x', version: c.version - 1 })).statusCode).toBe(409);
    const status = await call(env, admin, 'PATCH', `/api/competitions/${c.id}`, { status: 'final', version: c.version });
    expect(status.statusCode).toBe(400);
    expect(status.json().error.message).toContain('不是可修改的竞赛字段：status');
    const dates = await call(env, admin, 'PATCH', `/api/competitions/${c.id}`, { endsOn: '2009-05-01', version: c.version });
    expect(dates.statusCode).toBe(400);
    expect(dates.json().error.issues[0]).toMatchObject({ field: 'endsOn', message: '结束日期不能早于开始日期' });
    const rule = await call(env, admin, 'PATCH', `/api/competitions/${c.id}`, { rules: { topN: 0 }, version: c.version });
    expect(rule.statusCode).toBe(400);
  });

  it('respects the state: the draw fixes the trade and stations, the notice fixes the rules, final fixes everything (409)', async () => {
    const c = await create();
    await setStatus(c.id, 'drawn');
    const stations = await call(env, admin, 'PATCH', `/api/competitions/${c.id}`, { stations: 20, version: c.version });
    expect(stations.statusCode).toBe(409);
    expect(stations.json().error).toMatchObject({ code: 'LOCKED', message: '抽签后不能再修改：工位数', issues: [{ field: 'stations' }] });
    const window = await call(env, admin, 'PATCH', `/api/competitions/${c.id}`, { rules: { appealWindowHours: 4 }, version: c.version });
    expect(window.statusCode, window.body).toBe(200);
    await setStatus(c.id, 'notice');
    const notice = await call(env, admin, 'PATCH', `/api/competitions/${c.id}`, { rules: { topN: 3 }, version: c.version + 1 });
    expect(notice.statusCode).toBe(409);
    expect(notice.json().error.message).toBe('公示期间不能修改规则，请先撤回公示');
    expect((await call(env, admin, 'PATCH', `/api/competitions/${c.id}`, { venue: '新场地', version: c.version + 1 })).statusCode).toBe(200);
    await setStatus(c.id, 'final');
    const final = await call(env, admin, 'PATCH', `/api/competitions/${c.id}`, { venue: '又一场地', version: c.version + 2 });
    expect(final.statusCode).toBe(409);
    expect(final.json().error.message).toBe('成绩已确定，不能再修改：地点');
    // An unchanged value is no change: allowed in any state.
    expect((await call(env, admin, 'PATCH', `/api/competitions/${c.id}`, { venue: '新场地', version: c.version + 2 })).statusCode).toBe(200);
  });

  it('is for the organizers only', async () => {
    const c = await create();
    for (const [who, status] of [[publicity, 403], [unit, 403], [judge, 403], [person, 403], [null, 401]] as const) {
      expect((await call(env, who, 'PATCH', `/api/competitions/${c.id}`, { venue: 'x', version: c.version })).statusCode).toBe(status);
    }
    expect((await call(env, organizer, 'PATCH', `/api/competitions/${c.id}`, { venue: 'x', version: c.version })).statusCode).toBe(200);
  });
});

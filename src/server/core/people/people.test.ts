import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, buildTrade, buildUnit, call, makeTestEnv, sessionAs, testIdNumber, type Session, type TestEnv } from '../../test/harness.js';

let env: TestEnv;
let admin: Session;
let unitA: Session;
let unitB: Session;
let committee: Session;
let idA: number;
let idB: number;
let personB: Awaited<ReturnType<typeof buildPerson>>;
beforeAll(async () => {
  env = await makeTestEnv();
  admin = await sessionAs(env, 'admin');
  committee = await sessionAs(env, 'committee');
  idA = (await buildUnit(env)).id;
  idB = (await buildUnit(env)).id;
  unitA = await sessionAs(env, 'unit', { unitId: idA });
  unitB = await sessionAs(env, 'unit', { unitId: idB });
  await buildPerson(env, idA, { name: '甲一' });
  personB = await buildPerson(env, idB, { name: '乙一', phone: '13912345678' });
});
afterAll(() => env.close());

describe('people: masked lists, unit scoping, audited reveal', () => {
  it('lists people with ID number and phone masked, never in full', async () => {
    const res = await call(env, admin, 'GET', '/api/people?pageSize=200');
    expect(res.statusCode).toBe(200);
    const b = res.json().items.find((p: { id: number }) => p.id === personB.id);
    expect(b.idNumberMasked).toBe(`${personB.idNumber.slice(0, 3)}***********${personB.idNumber.slice(-4)}`);
    expect(b.phoneMasked).toBe('139****5678');
    expect(res.body).not.toContain(personB.idNumber);
    expect(res.body).not.toContain('13912345678');
  });

  it('shows a unit account only its own people, and another unit\'s person is not found by id', async () => {
    const list = (await call(env, unitA, 'GET', '/api/people')).json();
    expect(list.items.every((p: { unitId: number }) => p.unitId === idA)).toBe(true);
    expect(list.total).toBe(1);
    const filtered = (await call(env, unitA, 'GET', `/api/people?unitId=${idB}`)).json();
    expect(filtered.total).toBe(0);
    expect((await call(env, unitA, 'GET', `/api/people/${personB.id}`)).statusCode).toBe(404);
    expect((await call(env, unitA, 'PATCH', `/api/people/${personB.id}`, { name: '改名' })).statusCode).toBe(404);
    expect((await call(env, unitB, 'GET', `/api/people/${personB.id}`)).statusCode).toBe(200);
    const units = (await call(env, unitA, 'GET', '/api/units')).json();
    expect(units.items.map((u: { id: number }) => u.id)).toEqual([idA]);
    expect((await call(env, unitA, 'GET', `/api/units/${idB}`)).statusCode).toBe(404);
  });

  it('lets a unit register a person only into its own unit', async () => {
    const own = await call(env, unitA, 'POST', '/api/people', { name: '甲二', idNumber: testIdNumber() });
    expect(own.statusCode).toBe(200);
    expect(own.json().unitId).toBe(idA);
    const other = await call(env, unitA, 'POST', '/api/people', { name: '越权', idNumber: testIdNumber(), unitId: idB });
    expect(other.statusCode).toBe(403);
  });

  it('refuses a wrong check character, naming the field', async () => {
    const id = testIdNumber();
    const bad = id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
    const res = await call(env, admin, 'POST', '/api/people', { name: '错号', idNumber: bad, unitId: idA });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues).toEqual([{ field: 'idNumber', message: expect.stringMatching(/校验位|出生日期/) }]);
  });

  it('refuses a duplicate ID number (also written differently: lower-case x, full-width digits)', async () => {
    const id = testIdNumber();
    expect((await call(env, admin, 'POST', '/api/people', { name: '甲', idNumber: id, unitId: idA })).statusCode).toBe(200);
    const fullWidth = id.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).toLowerCase();
    const dup = await call(env, admin, 'POST', '/api/people', { name: '乙', idNumber: fullWidth, unitId: idB });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.issues[0].field).toBe('idNumber');
  });

  it('refuses an unknown unit or trade with the field, not a 500', async () => {
    const noUnit = await call(env, admin, 'POST', '/api/people', { name: '丙', idNumber: testIdNumber(), unitId: 999999 });
    expect(noUnit.statusCode).toBe(400);
    expect(noUnit.json().error.issues[0].field).toBe('unitId');
    const noTrade = await call(env, admin, 'POST', '/api/people', { name: '丙', idNumber: testIdNumber(), unitId: idA, tradeId: 999999 });
    expect(noTrade.json().error.issues[0].field).toBe('tradeId');
  });

  it('reveals in full only to an admin, and logs every look', async () => {
    expect((await call(env, committee, 'POST', `/api/people/${personB.id}/reveal`)).statusCode).toBe(403);
    expect((await call(env, unitB, 'POST', `/api/people/${personB.id}/reveal`)).statusCode).toBe(403);
    const res = await call(env, admin, 'POST', `/api/people/${personB.id}/reveal`);
    expect(res.json()).toEqual({ id: personB.id, idNumber: personB.idNumber, phone: '13912345678' });
    const log = (await call(env, admin, 'GET', '/api/audit?action=person.reveal')).json();
    expect(log.items[0]).toMatchObject({ entity: 'person', entityId: String(personB.id), actorId: admin.accountId });
  });

  it('adds qualification records; the level rises, never falls', async () => {
    const trade = await buildTrade(env);
    const p = await buildPerson(env, idA, { tradeId: trade.id });
    const add = (level: number) => call(env, admin, 'POST', `/api/people/${p.id}/qualifications`, { level, tradeId: trade.id, obtainedOn: '2008-06-01', source: '2008年职业技能鉴定' });
    expect((await add(3)).json().level).toBe(3);
    const lower = (await add(4)).json();
    expect(lower.level).toBe(3);
    expect(lower.qualifications).toHaveLength(2);
    expect((await call(env, unitA, 'POST', `/api/people/${p.id}/qualifications`, { level: 1, obtainedOn: '2009-01-01', source: 'x' })).statusCode).toBe(403);
  });

  it('keeps the ID number and phone out of the database in clear', async () => {
    const rows = await env.database.db.execute(`select * from people where id = ${personB.id}`);
    const text = JSON.stringify((rows as unknown as { rows: unknown[] }).rows ?? rows);
    expect(text).not.toContain(personB.idNumber);
    expect(text).not.toContain('13912345678');
  });

  it('exports the list to Excel, masked', async () => {
    const res = await call(env, committee, 'GET', '/api/people/export');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});

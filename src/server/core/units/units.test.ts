import ExcelJS from '../../excel/exceljs.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, buildUnit, call, makeTestEnv, sessionAs, type Session, type TestEnv } from '../../test/harness.js';

let env: TestEnv;
let admin: Session;
let three: number;
let none: number;
beforeAll(async () => {
  env = await makeTestEnv();
  admin = await sessionAs(env, 'admin');
  three = (await buildUnit(env)).id;
  none = (await buildUnit(env)).id;
  for (let i = 0; i < 3; i++) await buildPerson(env, three);
});
afterAll(() => env.close());

describe('units: 人数 counts each unit’s people', () => {
  it('in the list (it read 1 for every unit)', async () => {
    const res = await call(env, admin, 'GET', '/api/units?pageSize=200');
    expect(res.statusCode).toBe(200);
    const byId = new Map(res.json().items.map((u: { id: number; peopleCount: number }) => [u.id, u.peopleCount]));
    expect(byId.get(three)).toBe(3);
    expect(byId.get(none)).toBe(0);
  });

  it('in the Excel export', async () => {
    const res = await call(env, admin, 'GET', '/api/units/export');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).map(String);
    const col = header.indexOf('人数');
    const counts: number[] = [];
    ws.eachRow((row, n) => {
      if (n > 1) counts.push(Number(row.getCell(col).value));
    });
    expect(counts.sort()).toEqual(expect.arrayContaining([0, 3]));
  });
});

describe('units: 所属行业组织 (the industry body that may nominate a unit\'s people)', () => {
  it('links an enterprise to an industry body, and refuses a unit that is not one, by field', async () => {
    const body = await call(env, admin, 'POST', '/api/units', { name: '江川市机械工业行业协会', kind: 'industry' });
    expect(body.statusCode).toBe(200);
    const member = await call(env, admin, 'POST', '/api/units', { name: '江川机床厂', kind: 'enterprise', industryId: body.json().id });
    expect(member.statusCode).toBe(200);
    expect(member.json().industryId).toBe(body.json().id);
    const wrong = await call(env, admin, 'POST', '/api/units', { name: '江川轴承厂', kind: 'enterprise', industryId: three });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.issues[0].field).toBe('industryId');
    const nested = await call(env, admin, 'POST', '/api/units', { name: '江川电力行业协会', kind: 'industry', industryId: body.json().id });
    expect(nested.statusCode).toBe(400);
  });
});

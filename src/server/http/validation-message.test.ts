import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnit, call, makeTestEnv, sessionAs, testIdNumber, type Session, type TestEnv } from '../test/harness.js';

let env: TestEnv;
let admin: Session;
let unitId: number;
beforeAll(async () => {
  env = await makeTestEnv();
  admin = await sessionAs(env, 'admin');
  unitId = (await buildUnit(env)).id;
});
afterAll(() => env.close());

describe('a refused request names its fields in Chinese', () => {
  it('says 身份证号, never "idNumber: 身份证号校验位错误"', async () => {
    const good = testIdNumber();
    const bad = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
    const res = await call(env, admin, 'POST', '/api/people', { name: '校验', idNumber: bad, unitId });
    expect(res.statusCode).toBe(400);
    const error = res.json().error as { message: string; issues: { field: string }[] };
    expect(error.issues[0]!.field).toBe('idNumber'); // the key stays for the form to place it
    expect(error.message).not.toMatch(/idNumber/);
    expect(error.message).toMatch(/身份证号/);
  });
});

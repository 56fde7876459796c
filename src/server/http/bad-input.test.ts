import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, buildTrade, buildUnit, call, makeTestEnv, sessionAs, type Session, type TestEnv } from '../test/harness.js';
import { installErrorHandler } from './error-handler.js';

/**
 * Bad input is a clear 4xx with the field and the reason, never a 500: one class per block, each of them
 * a 500 (or silently accepted) before the shared contracts got one id type, one date type and one text type.
 */
describe('bad input is a 4xx, never a 500', () => {
  let env: TestEnv;
  let admin: Session;
  const fieldsOf = (res: { json(): any }) => (res.json().error.issues ?? []).map((i: { field: string }) => i.field);

  beforeAll(async () => {
    env = await makeTestEnv();
    admin = await sessionAs(env, 'admin');
  });
  afterAll(async () => { await env.close(); });

  it('an id above 2³¹−1 on anonymous routes is a 400 naming the id', async () => {
    for (const [method, url, payload] of [
      ['GET', '/api/public/notices/3000000000', undefined],
      ['POST', '/api/public/notices/3000000000/objections', { name: '张三丰', contact: '13812345678', content: '名单中第三名的成绩有误，请核查。' }],
      ['GET', '/api/public/competitions/2147483648/rankings', undefined],
    ] as const) {
      const res = await call(env, null, method, url, payload);
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(400);
      expect(fieldsOf(res)).toContain('id');
    }
  });

  it('an id out of range, zero, negative or not a number is a 400 on staff routes (path, query and body)', async () => {
    for (const id of ['3000000000', '0', '-1', '1e300', 'abc']) {
      const res = await call(env, admin, 'GET', `/api/competitions/${id}`);
      expect(res.statusCode, `${id}: ${res.body}`).toBe(400);
    }
    const q = await call(env, admin, 'GET', '/api/people?unitId=3000000000');
    expect(q.statusCode).toBe(400);
    expect(fieldsOf(q)).toContain('unitId');
    const body = await call(env, admin, 'POST', '/api/competitions/1/entries', { personIds: [3000000000] });
    expect(body.statusCode).toBe(400);
  });

  it('a NUL in the anonymous login is a 400 naming the login', async () => {
    const res = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'adm\u0000in', password: 'whatever1' }, remoteAddress: '127.0.0.9' });
    expect(res.statusCode, res.body).toBe(400);
    expect(fieldsOf(res)).toContain('login');
  });

  it('a NUL in a search term is a 400 naming q', async () => {
    for (const url of ['/api/people?q=a%00b', '/api/units?q=a%00b', '/api/accounts?q=a%00b']) {
      const res = await call(env, admin, 'GET', url);
      expect(res.statusCode, `${url}: ${res.body}`).toBe(400);
      expect(fieldsOf(res)).toContain('q');
    }
  });

  it('impossible dates are a 400 naming the field', async () => {
    const unit = await buildUnit(env);
    const person = await buildPerson(env, unit.id);
    for (const obtainedOn of ['2009-02-30', '0000-00-00', '2009-13-45']) {
      const res = await call(env, admin, 'POST', `/api/people/${person.id}/qualifications`, { level: 3, obtainedOn, source: '职业技能鉴定' });
      expect(res.statusCode, `${obtainedOn}: ${res.body}`).toBe(400);
      expect(fieldsOf(res)).toContain('obtainedOn');
    }
    const day = await call(env, admin, 'PUT', '/api/calendar/2009-02-30', { kind: 'holiday', name: '假日' });
    expect(day.statusCode, day.body).toBe(400);
    expect(fieldsOf(day)).toContain('day');
    const trade = await buildTrade(env);
    const comp = await call(env, admin, 'POST', '/api/competitions', {
      tradeId: trade.id, name: '车工竞赛', startsOn: '2009-02-30', endsOn: '2009-03-01', venue: '市技师学院', stations: 4,
      registrationOpensAt: '0000-01-01T00:00:00Z', registrationClosesAt: '2009-05-01T00:00:00Z',
    });
    expect(comp.statusCode, comp.body).toBe(400);
    expect(fieldsOf(comp)).toEqual(expect.arrayContaining(['startsOn', 'registrationOpensAt']));
  });

  it('names refuse control, bidi-override and zero-width characters with a Chinese reason; free text keeps line breaks', async () => {
    for (const name of ['测试\u0000单位', '测试\u202E位单', '测试\u2066单位', '测试\u200B单位', '测试\uFEFF单位', '测试\u2060单位']) {
      const res = await call(env, admin, 'POST', '/api/units', { name, kind: 'enterprise' });
      expect(res.statusCode, `${JSON.stringify(name)}: ${res.body}`).toBe(400);
      expect(fieldsOf(res)).toContain('name');
      expect(res.json().error.message).toMatch(/字符/);
    }
    const trimmed = await call(env, admin, 'POST', '/api/units', { name: '  市第一机床厂  ', kind: 'enterprise' });
    expect(trimmed.statusCode, trimmed.body).toBe(200);
    expect(trimmed.json().name).toBe('市第一机床厂');
  });

  it('a cut-off multipart upload is a 400 about the file', async () => {
    const res = await env.app.inject({
      method: 'POST', url: '/api/imports/units', payload: '------x\r\nContent-Disposition: form-data; name="file"',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'multipart/form-data; boundary=----x' },
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(fieldsOf(res)).toContain('file');
  });
});

describe('the error handler: a database error caused by input is a 4xx (logged), a bug stays a 500', () => {
  const dbError = (code: string) => Object.assign(new Error('Failed query: select …'), { cause: Object.assign(new Error('db'), { code }) });
  const app = Fastify();
  installErrorHandler(app);
  app.get('/throw/:code', async (req) => {
    const { code } = req.params as { code: string };
    throw code === 'plain' ? new Error('a bug') : dbError(code);
  });

  it.each([
    ['22P02', 400], ['22003', 400], ['22007', 400], ['22008', 400], ['22021', 400], ['23505', 409], ['23503', 409], ['XX000', 500], ['plain', 500],
  ])('%s → %i', async (code, status) => {
    const res = await app.inject({ method: 'GET', url: `/throw/${code}` });
    expect(res.statusCode).toBe(status);
    expect(res.json().error.message).toMatch(/[\u4e00-\u9fff]/);
  });
});

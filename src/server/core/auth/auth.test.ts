import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, buildUnit, call, login, makeTestEnv, PASSWORD, sessionAs, type TestEnv } from '../../test/harness.js';

/** Strong enough for the estimator (score ≥ 3). */
const STRONG = 'Tiger-Lantern-73';

let env: TestEnv;
beforeAll(async () => {
  env = await makeTestEnv();
});
afterAll(() => env.close());

const post = (url: string, payload: unknown, headers: Record<string, string> = {}, remoteAddress = '10.0.0.1') =>
  env.app.inject({ method: 'POST', url, payload: payload as object, headers, remoteAddress });

describe('login, sessions and CSRF', () => {
  it('logs in by username or by phone, sets an HttpOnly SameSite cookie, and the session reads back', async () => {
    const unit = await buildUnit(env);
    const a = await buildAccount(env, 'unit', { unitId: unit.id, phone: '13900001111' });
    for (const loginName of [a.username, '139 0000 1111']) {
      const res = await post('/api/auth/login', { login: loginName, password: PASSWORD });
      expect(res.statusCode).toBe(200);
      const cookie = String(res.headers['set-cookie']);
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Lax/i);
      const me = await env.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: cookie.split(';')[0]! } });
      expect(me.json()).toMatchObject({ username: a.username, role: 'unit', unitId: unit.id });
    }
  });

  it('gives the same answer for an unknown username as for a wrong password', async () => {
    const a = await buildAccount(env, 'judge');
    const wrong = await post('/api/auth/login', { login: a.username, password: 'nope-nope-1' }, { 'x-forwarded-for': '1' });
    const unknown = await post('/api/auth/login', { login: 'nobody_here', password: 'nope-nope-1' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
  });

  it('rotates the session at login and kills it at logout', async () => {
    const a = await buildAccount(env, 'admin');
    const first = await login(env, a.username);
    const res = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: a.username, password: PASSWORD }, headers: { cookie: first.cookie } });
    const second = String(res.headers['set-cookie']).split(';')[0]!;
    expect(second).not.toBe(first.cookie);
    expect((await env.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: first.cookie } })).statusCode).toBe(401);
    await env.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: second } });
    expect((await env.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: second } })).statusCode).toBe(401);
  });

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const s = await sessionAs(env, 'admin');
    const payload = { name: '无令牌单位', kind: 'enterprise' };
    const noToken = await env.app.inject({ method: 'POST', url: '/api/units', payload, headers: { cookie: s.cookie } });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('CSRF');
    const wrongToken = await env.app.inject({ method: 'POST', url: '/api/units', payload, headers: { cookie: s.cookie, 'x-csrf-token': 'forged' } });
    expect(wrongToken.statusCode).toBe(403);
    expect((await call(env, s, 'POST', '/api/units', payload)).statusCode).toBe(200);
  });

  it('ends every session of an account when it is disabled, and refuses its login', async () => {
    const admin = await sessionAs(env, 'admin');
    const victim = await buildAccount(env, 'judge');
    const s = await login(env, victim.username);
    expect((await call(env, admin, 'POST', `/api/accounts/${victim.id}/disable`)).statusCode).toBe(200);
    expect((await call(env, s, 'GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await post('/api/auth/login', { login: victim.username, password: PASSWORD })).statusCode).toBe(401);
    expect((await call(env, admin, 'POST', `/api/accounts/${victim.id}/enable`)).statusCode).toBe(200);
    expect((await post('/api/auth/login', { login: victim.username, password: PASSWORD })).statusCode).toBe(200);
  });

  it('resets a password to a one-time password that must be changed', async () => {
    const admin = await sessionAs(env, 'admin');
    const a = await buildAccount(env, 'committee');
    const reset = await call(env, admin, 'POST', `/api/accounts/${a.id}/reset-password`);
    const otp = reset.json().oneTimePassword as string;
    expect((await post('/api/auth/login', { login: a.username, password: PASSWORD })).statusCode).toBe(401);
    const s = await login(env, a.username, otp);
    expect((await call(env, s, 'GET', '/api/auth/me')).json().mustChangePassword).toBe(true);
    const weak = await call(env, s, 'POST', '/api/auth/password', { currentPassword: otp, newPassword: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.issues[0].field).toBe('newPassword');
    const ok = await call(env, s, 'POST', '/api/auth/password', { currentPassword: otp, newPassword: STRONG });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().mustChangePassword).toBe(false);
    expect((await post('/api/auth/login', { login: a.username, password: STRONG })).statusCode).toBe(200);
  });

  it('refuses every other API call until a one-time password has been changed', async () => {
    const admin = await sessionAs(env, 'admin');
    const a = await buildAccount(env, 'admin');
    const otp = (await call(env, admin, 'POST', `/api/accounts/${a.id}/reset-password`)).json().oneTimePassword as string;
    const s = await login(env, a.username, otp);
    for (const [method, url, payload] of [['GET', '/api/accounts'], ['GET', '/api/units'], ['POST', '/api/units', { name: '改密前的单位', kind: 'enterprise' }], ['GET', '/api/audit']] as const) {
      const res = await call(env, s, method, url, payload);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().error).toMatchObject({ code: 'MUST_CHANGE_PASSWORD', message: expect.stringMatching(/请先修改初始密码/) });
    }
    expect((await call(env, s, 'GET', '/api/auth/me')).statusCode).toBe(200);
    expect((await call(env, s, 'GET', '/api/health')).statusCode).toBe(200);
    const changed = await call(env, s, 'POST', '/api/auth/password', { currentPassword: otp, newPassword: STRONG });
    expect(changed.statusCode).toBe(200);
    const after = { ...s, cookie: String(changed.headers['set-cookie']).split(';')[0]!, csrf: changed.json().csrfToken };
    expect((await call(env, after, 'GET', '/api/accounts')).statusCode).toBe(200);
    expect((await call(env, after, 'POST', '/api/auth/logout')).statusCode).toBe(200);
  });

  it('refuses a weak new password with the reason, when changing it and when an admin sets it', async () => {
    const a = await buildAccount(env, 'committee', { phone: '13900003333' });
    const s = await login(env, a.username);
    for (const [pw, reason] of [
      ['password1', /常见密码/],
      ['NewPassw0rd', /常见密码/],
      [`${a.username}1`, /不能包含用户名、姓名或手机号/],
      ['13900003333a', /不能包含用户名、姓名或手机号/],
      ['qwertyuiop1', /键盘|常见密码/],
    ] as const) {
      const res = await call(env, s, 'POST', '/api/auth/password', { currentPassword: PASSWORD, newPassword: pw });
      expect(res.statusCode, pw).toBe(400);
      expect(res.json().error.issues[0]).toMatchObject({ field: 'newPassword', message: expect.stringMatching(reason) });
    }
    const admin = await sessionAs(env, 'admin');
    const created = await call(env, admin, 'POST', '/api/accounts', { username: 'weak_pw_user', displayName: '弱密码', role: 'committee', committeeBody: 'office', password: 'password1' });
    expect(created.statusCode).toBe(400);
    expect(created.json().error.issues[0]).toMatchObject({ field: 'password', message: expect.stringMatching(/常见密码/) });
    const strong = await call(env, admin, 'POST', '/api/accounts', { username: 'strong_pw_user', displayName: '强密码', role: 'committee', committeeBody: 'office', password: STRONG });
    expect(strong.statusCode).toBe(200);
  });

  it('answers a malformed login with 400 and the field, never 500', async () => {
    const res = await post('/api/auth/login', { login: '', password: 1 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues.map((i: { field: string }) => i.field).sort()).toEqual(['login', 'password']);
    const junk = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: '{not json', headers: { 'content-type': 'application/json' } });
    expect(junk.statusCode).toBe(400);
  });
});

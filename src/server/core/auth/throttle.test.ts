import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { backoffMs, LoginThrottle } from './throttle.js';
import { buildAccount, buildUnit, makeTestEnv, PASSWORD, type TestEnv } from '../../test/harness.js';

// Small numbers so a test needs few attempts: 3 free per login+address (then 10 s, 20 s, … ≤ 60 s),
// 6 per login from anywhere (then 1 s … ≤ 8 s), 8 per address (then 1 s … ≤ 4 s).
const rules = {
  pair: { free: 3, baseMs: 10_000, maxMs: 60_000 },
  login: { free: 6, baseMs: 1_000, maxMs: 8_000 },
  address: { free: 8, baseMs: 1_000, maxMs: 4_000 },
  windowMs: 10 * 60_000,
};

let env: TestEnv;
beforeAll(async () => {
  env = await makeTestEnv({ throttle: new LoginThrottle(rules) });
});
afterAll(() => env.close());

let addr = 0;
/** A fresh client address for each test, so tests do not share the address budget. */
const freshIp = () => `10.77.${Math.floor(++addr / 250)}.${addr % 250}`;
const tryLogin = (login: string, password: string, ip: string, app = env.app) =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password }, remoteAddress: ip });

describe('backoffMs', () => {
  it('is zero within the free tries, then never shrinks and never passes the cap', () => {
    fc.assert(fc.property(
      fc.record({ free: fc.integer({ min: 0, max: 50 }), baseMs: fc.integer({ min: 1, max: 60_000 }), maxMs: fc.integer({ min: 1, max: 3_600_000 }) }),
      fc.integer({ min: 0, max: 10_000 }),
      (rule, n) => {
        if (n < rule.free) expect(backoffMs(rule, n)).toBe(0);
        expect(backoffMs(rule, n + 1)).toBeGreaterThanOrEqual(backoffMs(rule, n));
        expect(backoffMs(rule, n)).toBeLessThanOrEqual(rule.maxMs);
      },
    ));
  });
});

describe('sign-in throttle', () => {
  it('slows wrong passwords from one address without keeping the owner out from another', async () => {
    const a = await buildAccount(env, 'person');
    const attacker = freshIp();
    for (let i = 0; i < 3; i++) expect((await tryLogin(a.username, 'Wrong-guess-1', attacker)).statusCode).toBe(401);
    const refused = await tryLogin(a.username, PASSWORD, attacker);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('10');
    expect(refused.json().error).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: 10 });
    expect(refused.json().error.message).toMatch(/请 10 秒后再试/);
    // the owner, elsewhere, with the right password: in at once
    expect((await tryLogin(a.username, PASSWORD, freshIp())).statusCode).toBe(200);
    // and from the attacker's address once the back-off has passed
    env.clock.advance(10_000);
    expect((await tryLogin(a.username, PASSWORD, attacker)).statusCode).toBe(200);
  });

  it('doubles the back-off of one address on one login up to its cap, and does not count refused tries', async () => {
    const a = await buildAccount(env, 'person');
    const ip = freshIp();
    for (let i = 0; i < 3; i++) await tryLogin(a.username, 'Wrong-guess-1', ip);
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await tryLogin(a.username, 'Wrong-guess-1', ip);
      expect(r.statusCode).toBe(429);
      const wait = Number(r.headers['retry-after']);
      waits.push(wait);
      // hammering while refused does not lengthen the wait
      for (let k = 0; k < 3; k++) expect(Number((await tryLogin(a.username, 'Wrong-guess-1', ip)).headers['retry-after'])).toBe(wait);
      env.clock.advance(wait * 1000);
      expect((await tryLogin(a.username, 'Wrong-guess-1', ip)).statusCode).toBe(401);
    }
    expect(waits).toEqual([10, 20, 40, 60, 60]);
  });

  it('slows guesses spread over many addresses briefly, and the right password gets in after the short wait', async () => {
    const a = await buildAccount(env, 'person');
    for (let i = 0; i < 6; i++) expect((await tryLogin(a.username, 'Wrong-guess-1', freshIp())).statusCode).toBe(401);
    const refused = await tryLogin(a.username, PASSWORD, freshIp());
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(8);
    expect(refused.json().error.message).toMatch(/该账号近期登录失败次数过多/);
    env.clock.advance(Number(refused.headers['retry-after']) * 1000);
    expect((await tryLogin(a.username, PASSWORD, freshIp())).statusCode).toBe(200);
    // a success clears the login's count: the next slip is not slowed
    expect((await tryLogin(a.username, 'Wrong-guess-1', freshIp())).statusCode).toBe(401);
  });

  it('an address spraying many accounts is only spaced out: the right password from it still gets in', async () => {
    const a = await buildAccount(env, 'person');
    const proxy = freshIp(); // e.g. everyone behind one office proxy
    for (let i = 0; i < 8; i++) expect((await tryLogin(`spray_${addr}_${i}`, 'Wrong-guess-1', proxy)).statusCode).toBe(401);
    const refused = await tryLogin(a.username, PASSWORD, proxy);
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(4);
    expect(refused.json().error.message).toMatch(/本网络的登录尝试过于频繁/);
    expect((await tryLogin(a.username, PASSWORD, freshIp())).statusCode).toBe(200); // other addresses: untouched
    env.clock.advance(Number(refused.headers['retry-after']) * 1000);
    expect((await tryLogin(a.username, PASSWORD, proxy)).statusCode).toBe(200);
  });

  it('counts every spelling of one phone number against one budget, and each spelling signs in', async () => {
    const unit = await buildUnit(env);
    const a = await buildAccount(env, 'unit', { unitId: unit.id, phone: '13900002222' });
    const ip = freshIp();
    for (const spelling of ['139 0000 2222', '+86 139-0000-2222', '１３９００００２２２２']) {
      expect((await tryLogin(spelling, 'Wrong-guess-1', ip)).statusCode).toBe(401);
    }
    expect((await tryLogin('13900002222', PASSWORD, ip)).statusCode).toBe(429);
    env.clock.advance(10_000);
    expect((await tryLogin('+86 139-0000-2222', PASSWORD, ip)).statusCode).toBe(200);
    expect((await tryLogin(`  ${a.username.toUpperCase()} `, 'Wrong-guess-1', ip)).statusCode).toBe(401);
  });

  it('counts parallel guesses before checking them: at most the free tries are answered', async () => {
    const a = await buildAccount(env, 'person');
    const ip = freshIp();
    const answers = await Promise.all(Array.from({ length: 8 }, () => tryLogin(a.username, 'Wrong-guess-1', ip)));
    const codes = answers.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 401)).toHaveLength(3);
    expect(codes.filter((c) => c === 429)).toHaveLength(5);
  });

  it('keeps its counts in the database: a second instance on the same database sees them', async () => {
    const second = await buildApp({ database: env.database, pii: env.pii, clock: env.clock, throttle: new LoginThrottle(rules), serveClient: false });
    try {
      const a = await buildAccount(env, 'person');
      const ip = freshIp();
      for (let i = 0; i < 3; i++) expect((await tryLogin(a.username, 'Wrong-guess-1', ip)).statusCode).toBe(401);
      expect((await tryLogin(a.username, PASSWORD, ip, second)).statusCode).toBe(429);
    } finally {
      await second.close();
    }
  });
});

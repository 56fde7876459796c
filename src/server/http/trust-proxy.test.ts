import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoginThrottle } from '../core/auth/throttle.js';
import { loadConfig, parseTrustProxy } from '../config.js';
import { buildAccount, makeTestEnv, PASSWORD, type TestEnv } from '../test/harness.js';

const rules = { pair: { free: 2, baseMs: 60_000, maxMs: 60_000 } };

describe('TRUST_PROXY', () => {
  it('is off by default and reads a hop count or a list of addresses and CIDRs', () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy('')).toBe(false);
    expect(parseTrustProxy('0')).toBe(false);
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('127.0.0.1, 10.0.0.0/8,::1')).toEqual(['127.0.0.1', '10.0.0.0/8', '::1']);
    expect(parseTrustProxy('nginx')).toHaveProperty('error');
    expect(parseTrustProxy('10.0.0.0/33')).toHaveProperty('error');
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '127.0.0.1' }).trustProxy).toEqual(['127.0.0.1']);
    expect(() => loadConfig({ TRUST_PROXY: 'yes' })).toThrow(/TRUST_PROXY/);
  });
});

/** Two wrong passwords from one client address hold that address back; another address is not held back. */
async function clientAddressSeen(env: TestEnv): Promise<'forwarded' | 'connection'> {
  const a = await buildAccount(env, 'person');
  const send = (xff: string, password: string) => env.app.inject({
    method: 'POST', url: '/api/auth/login', payload: { login: a.username, password }, remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': xff },
  });
  await send('203.0.113.7', 'Wrong-guess-1');
  await send('203.0.113.7', 'Wrong-guess-1');
  const other = await send('198.51.100.9', PASSWORD);
  return other.statusCode === 200 ? 'forwarded' : 'connection';
}

describe('client address', () => {
  let plain: TestEnv;
  let proxied: TestEnv;
  let oneHop: TestEnv;
  beforeAll(async () => {
    plain = await makeTestEnv({ throttle: new LoginThrottle(rules) });
    proxied = await makeTestEnv({ throttle: new LoginThrottle(rules), trustProxy: ['127.0.0.1'] });
    oneHop = await makeTestEnv({ throttle: new LoginThrottle(rules), trustProxy: 1 });
  });
  afterAll(async () => {
    await plain.close();
    await proxied.close();
    await oneHop.close();
  });

  it('ignores X-Forwarded-For by default (a client cannot pick its own address)', async () => {
    expect(await clientAddressSeen(plain)).toBe('connection');
  });

  it('takes the address from X-Forwarded-For when the connection comes from a trusted proxy', async () => {
    expect(await clientAddressSeen(proxied)).toBe('forwarded');
    expect(await clientAddressSeen(oneHop)).toBe('forwarded'); // TRUST_PROXY=1
  });
});

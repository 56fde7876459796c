import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import type { App } from './types.js';
import { makeTestEnv, type TestEnv } from '../test/harness.js';

let env: TestEnv;
let secure: App;
beforeAll(async () => {
  env = await makeTestEnv();
  secure = await buildApp({ database: env.database, pii: env.pii, clock: env.clock, cookieSecure: true, serveClient: false });
});
afterAll(async () => {
  await secure.close();
  await env.close();
});

describe('security headers', () => {
  it('sends a CSP without eval or foreign scripts, and no HSTS on plain HTTP', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/health' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('upgrade-insecure-requests'); // an intranet install on http:// must keep working
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('sends HSTS when COOKIE_SECURE says the site is served over HTTPS', async () => {
    const res = await secure.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
  });
});

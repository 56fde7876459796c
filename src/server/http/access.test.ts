import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../shared/contracts/auth.js';
import { call, makeTestEnv, sessionAs, type Session, type TestEnv } from '../test/harness.js';

let env: TestEnv;
const sessions = {} as Record<Role, Session>;
beforeAll(async () => {
  env = await makeTestEnv();
  for (const r of ROLES) sessions[r] = await sessionAs(env, r);
});
afterAll(() => env.close());

const fill = (url: string) => url
  .replace(/:(batchId|jobId)\b/g, '00000000-0000-0000-0000-000000000000')
  .replace(/:(id|[a-z]+Id)\b/g, '1')
  .replace(/:kind\b/g, 'people')
  .replace(/:serial\b/g, 'NOSUCHSERIAL')
  .replace(/:day\b/g, '2009-05-01')
  .replace(/:file\b/g, 'results.xlsx');

describe('every /api route declares who may call it, and everyone else is refused', () => {
  it('has an access rule on every route (the server would not start otherwise)', () => {
    expect(env.app.accessTable.length).toBeGreaterThan(20);
  });

  it('refuses the anonymous public on every non-public route (401)', async () => {
    const closed = env.app.accessTable.filter((r) => r.access !== 'public');
    for (const r of closed) {
      const res = await call(env, null, r.method as 'GET', fill(r.url), r.method === 'GET' ? undefined : {});
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
    }
  });

  it('refuses every role a route does not name (403), before reading any input', async () => {
    let checked = 0;
    for (const r of env.app.accessTable) {
      if (r.access === 'public' || r.access === 'authenticated') continue;
      for (const role of ROLES.filter((x) => !(r.access as readonly Role[]).includes(x))) {
        const res = await call(env, sessions[role], r.method as 'GET', fill(r.url), r.method === 'GET' ? undefined : {});
        expect(res.statusCode, `${role} ${r.method} ${r.url}`).toBe(403);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(40);
  });

  it('lets each named role through the gate (then the service decides on the object)', async () => {
    for (const r of env.app.accessTable) {
      if (r.access === 'public' || r.method !== 'GET') continue;
      const roles = r.access === 'authenticated' ? ROLES : (r.access as readonly Role[]);
      for (const role of roles) {
        const res = await call(env, sessions[role], 'GET', fill(r.url));
        expect([401, 403].includes(res.statusCode), `${role} ${r.url} → ${res.statusCode} ${res.body.slice(0, 200)}`).toBe(false);
      }
    }
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const res = await call(env, null, 'GET', '/api/no-such-thing');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });

  it('serves health and the OpenAPI document to the public', async () => {
    expect((await call(env, null, 'GET', '/api/health')).json()).toMatchObject({ status: 'ok', db: expect.stringMatching(/pglite|postgres/) });
    const doc = (await call(env, null, 'GET', '/api/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3/);
    expect(Object.keys(doc.paths)).toContain('/api/people/{id}');
  });
});

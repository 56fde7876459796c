import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, makeTestEnv, sessionAs, type Session, type TestEnv } from '../../test/harness.js';
import { verifyAuditChain } from './service.js';

let env: TestEnv;
let admin: Session;
beforeAll(async () => {
  env = await makeTestEnv();
  admin = await sessionAs(env, 'admin');
  for (let i = 0; i < 5; i++) await call(env, admin, 'POST', '/api/units', { name: `审计单位${i}`, kind: 'enterprise' });
});
afterAll(() => env.close());

describe('the hash-chained audit log', () => {
  it('records who did what, with before and after', async () => {
    const u = (await call(env, admin, 'GET', '/api/units?q=审计单位0')).json().items[0];
    await call(env, admin, 'PUT', `/api/units/${u.id}`, { name: '审计单位0改', kind: 'school' });
    const log = (await call(env, admin, 'GET', '/api/audit?action=unit.update')).json();
    expect(log.items[0]).toMatchObject({ actorId: admin.accountId, entity: 'unit', entityId: String(u.id), before: { name: '审计单位0', kind: 'enterprise' }, after: { name: '审计单位0改', kind: 'school' } });
  });

  it('is searched by the actions’ and entities’ labels, in Chinese or English (证书 found nothing)', async () => {
    const zh = (await call(env, admin, 'GET', `/api/audit?action=${encodeURIComponent('修改单位')}`)).json();
    expect(zh.total).toBeGreaterThan(0);
    expect(new Set(zh.items.map((e: { action: string }) => e.action))).toEqual(new Set(['unit.update']));
    const added = (await call(env, admin, 'GET', `/api/audit?action=${encodeURIComponent('新增单位')}`)).json();
    expect(added.items.map((e: { action: string }) => e.action)).toContain('unit.create');
    const en = (await call(env, admin, 'GET', '/api/audit?action=unit%20added')).json();
    expect(en.total).toBe(added.total);
    const entity = (await call(env, admin, 'GET', `/api/audit?entity=${encodeURIComponent('单位')}`)).json();
    expect(entity.total).toBeGreaterThanOrEqual(6);
    expect((await call(env, admin, 'GET', `/api/audit?action=${encodeURIComponent('证书')}`)).json().total).toBe(0);
  });

  it('verifies on an untouched database', async () => {
    const r = (await call(env, admin, 'GET', '/api/audit/verify')).json();
    expect(r).toMatchObject({ ok: true, firstBroken: null });
    expect(r.checked).toBeGreaterThanOrEqual(7);
  });

  it('keeps the chain unforked under concurrent writes', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => call(env, admin, 'POST', '/api/units', { name: `并发单位${i}`, kind: 'enterprise' })));
    expect((await verifyAuditChain(env.database.db)).ok).toBe(true);
  });

  it('refuses UPDATE and DELETE from the database itself', async () => {
    await expect(env.database.db.execute(`update audit_log set action = 'x' where id = 1`)).rejects.toSatisfy((e: Error) => /append-only/.test(String((e as { cause?: unknown }).cause ?? e)));
    await expect(env.database.db.execute(`delete from audit_log where id = 1`)).rejects.toSatisfy((e: Error) => /append-only/.test(String((e as { cause?: unknown }).cause ?? e)));
  });

  it('detects a row edited by hand in SQL and names the first broken link', async () => {
    const db = env.database.db;
    await db.execute(`alter table audit_log disable trigger audit_log_append_only`);
    await db.execute(`update audit_log set after = '{"name":"篡改"}' where id = 3`);
    await db.execute(`alter table audit_log enable trigger audit_log_append_only`);
    const r = (await call(env, admin, 'GET', '/api/audit/verify')).json();
    expect(r).toMatchObject({ ok: false, firstBroken: { id: 3, reason: expect.stringContaining('hash') } });
    expect(r.checked).toBe(2);
  });
});

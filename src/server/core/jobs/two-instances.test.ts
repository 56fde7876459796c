import { and, count, eq } from 'drizzle-orm';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../audit/tables.js';
import { notices } from '../notices/tables.js';
import { decode, expectOk, lockedWorld } from '../../competition/outcomes/test-world.js';
import type { CompetitionWorld } from '../../test/competition-fixture.js';
import { backend, call, login, buildAccount, makeTwinEnvs, sessionAs, type Session, type TestEnv } from '../../test/harness.js';
import { NOTICE_SWEEP_KIND } from './install.js';
import { jobFiles, jobs } from './tables.js';

/**
 * Two instances (two apps, two pools, two job workers) on one PostgreSQL database, the way a
 * second server process would run. On PGlite this file is skipped: the embedded database belongs
 * to one process (its data folder is locked), so there is no second instance to test.
 */
const onPostgres = backend === 'postgres';
const SWEEP_MS = 200;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until<T>(what: string, fn: () => Promise<T | null | undefined | false>, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

describe.skipIf(!onPostgres)('two instances on one PostgreSQL database (skipped on PGlite: run with TEST_DB=postgres)', () => {
  let twins: Awaited<ReturnType<typeof makeTwinEnvs>>;
  let a: TestEnv;
  let b: TestEnv;
  let w: CompetitionWorld;
  let adminA: Session;

  beforeAll(async () => {
    twins = await makeTwinEnvs({ pollMs: 50, noticeSweepMs: SWEEP_MS });
    ({ a, b } = twins);
    a.clock.t = new Date('2009-05-22T01:00:00Z'); // Friday 09:00 in Beijing (the clock is shared)
    w = await lockedWorld(a, 2);
    await decode(a, w);
  }, 120_000);
  afterAll(() => twins?.close());

  it('a session opened on one instance works on the other, and a logout on one ends it on both', async () => {
    const acc = await buildAccount(a, 'admin');
    const s = await login(a, acc.username);
    const me = await call(b, s, 'GET', '/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ id: acc.id, username: acc.username });
    expect((await call(b, s, 'POST', '/api/auth/logout')).statusCode).toBeLessThan(300);
    expect((await call(a, s, 'GET', '/api/auth/me')).statusCode).toBe(401);
  });

  let noticeId: number;
  it('makes a due notice final exactly once, by the scheduled sweep, with both workers running', async () => {
    a.clock.advance(24 * 3_600_000); // past the appeal window
    adminA = await sessionAs(a, 'admin');
    const n = await expectOk(await call(a, adminA, 'POST', `/api/competitions/${w.competitionId}/notice`, { workingDays: 1 }), 'publish');
    noticeId = n.id;
    a.clock.t = new Date(new Date(n.endsAt).getTime() + 3_600_000); // the period is over; nobody reads the notice
    const db = a.database.db;
    const statusOf = async () => (await db.select({ s: notices.status }).from(notices).where(eq(notices.id, noticeId)))[0]!.s;
    await until('the notice to become final', async () => (await statusOf()) === 'final');
    await sleep(SWEEP_MS * 4); // more sweeps by both workers
    const [finals] = await db.select({ n: count() }).from(auditLog).where(and(eq(auditLog.action, 'notice.final'), eq(auditLog.entityId, String(noticeId))));
    expect(finals!.n).toBe(1);
    // Each period's sweep was added once and run once, whichever worker took it.
    const sweeps = await db.select().from(jobs).where(eq(jobs.kind, NOTICE_SWEEP_KIND));
    expect(sweeps.length).toBeGreaterThanOrEqual(2);
    expect(new Set(sweeps.map((j) => j.key)).size).toBe(sweeps.length);
    for (const j of sweeps.filter((x) => x.status === 'done')) expect(j.attempts).toBe(1);
  });

  let serial: string;
  let certificateId: number;
  it('downloads from one instance a ZIP started on the other (job and file in the database)', async () => {
    adminA = await sessionAs(a, 'admin');
    const issued = await expectOk(await call(a, adminA, 'POST', `/api/competitions/${w.competitionId}/certificates`, {}), 'issue');
    expect(issued.issued).toBeGreaterThan(0);
    const job = await expectOk(await call(a, adminA, 'POST', `/api/competitions/${w.competitionId}/certificates/zip`), 'zip');
    const done = await until('the ZIP', async () => {
      const v = (await call(b, adminA, 'GET', `/api/certificate-jobs/${job.id}`)).json();
      return v.status !== 'running' && v;
    }, 60_000);
    expect(done).toMatchObject({ status: 'done', done: job.total, total: job.total, error: null });
    const res = await call(b, adminA, 'GET', `/api/certificate-jobs/${job.id}/download`);
    expect(res.statusCode).toBe(200);
    expect(Object.keys(unzipSync(new Uint8Array(res.rawPayload)))).toHaveLength(job.total);
    expect(await b.database.db.select({ bytes: jobFiles.bytes }).from(jobFiles).where(eq(jobFiles.jobId, job.id))).toEqual([{ bytes: res.rawPayload.length }]);
    const list = (await call(b, adminA, 'GET', `/api/competitions/${w.competitionId}/certificates`)).json();
    serial = list[0].serial;
    certificateId = list[0].id;
  });

  it('shows a change made on one instance on the other at once (public cache dropped on both)', async () => {
    const verify = () => call(b, null, 'GET', `/api/public/certificates/${serial}`);
    expect((await verify()).json().status).toBe('valid'); // now cached on B
    expect((await verify()).json().status).toBe('valid');
    await expectOk(await call(a, adminA, 'POST', `/api/certificates/${certificateId}/revoke`, { reason: '信息有误，收回重发' }), 'revoke');
    // Well inside the cache's 5 s time limit: only the invalidation from A can explain the change.
    const seen = await until('B to see the revocation', async () => (await verify()).json().status === 'revoked', 1_500);
    expect(seen).toBe(true);
  });
});

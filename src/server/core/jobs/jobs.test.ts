import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestEnv, type TestEnv } from '../../test/harness.js';
import { Semaphore } from './heavy.js';
import { claimJobs, completeJob, deleteExpiredJobs, enqueueJob, failJob, findJob, jobFile, scheduleOnce, settledJob } from './service.js';
import { jobFiles, jobs } from './tables.js';
import { JobWorker, PermanentJobError } from './worker.js';

// On PGlite and, with TEST_DB=postgres, on PostgreSQL (the app's own worker only takes its own kinds).
let env: TestEnv;
beforeAll(async () => {
  env = await makeTestEnv();
});
afterAll(() => env.close());
const db = () => env.database.db;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the job queue', () => {
  it('gives a job to one worker only, and to another once the first one\'s lease has run out', async () => {
    const job = (await enqueueJob(db(), { kind: 't.lease', total: 1 }))!;
    const [a] = await claimJobs(db(), 'A', ['t.lease'], 5, 1_000);
    expect(a?.id).toBe(job.id);
    expect(await claimJobs(db(), 'B', ['t.lease'], 5, 1_000)).toEqual([]);
    await sleep(1_100); // A has died: its lease runs out
    const [b] = await claimJobs(db(), 'B', ['t.lease'], 5, 60_000);
    expect(b).toMatchObject({ id: job.id, attempts: 2, lockedBy: 'B' });
    expect(await completeJob(db(), job.id, 'A', null)).toBe(false); // A comes back too late
    expect(await completeJob(db(), job.id, 'B', { ok: 1 }, { fileName: 'x.zip', contentType: 'application/zip', body: new Uint8Array([1, 2, 3]) })).toBe(true);
    expect(await findJob(db(), job.id)).toMatchObject({ status: 'done', result: { ok: 1 } });
    expect([...(await jobFile(db(), job.id))!.body]).toEqual([1, 2, 3]);
  });

  it('retries a failed attempt until maxAttempts, then fails with the message', async () => {
    const job = (await enqueueJob(db(), { kind: 't.retry', maxAttempts: 2 }))!;
    await claimJobs(db(), 'A', ['t.retry'], 1, 60_000);
    await failJob(db(), job.id, 'A', 'boom', { retry: true, retryInMs: 0 });
    expect(await findJob(db(), job.id)).toMatchObject({ status: 'queued', attempts: 1, error: 'boom' });
    await claimJobs(db(), 'A', ['t.retry'], 1, 60_000);
    await failJob(db(), job.id, 'A', 'boom again', { retry: true, retryInMs: 0 });
    expect(await findJob(db(), job.id)).toMatchObject({ status: 'failed', attempts: 2, error: 'boom again' });
    expect(await claimJobs(db(), 'A', ['t.retry'], 1, 60_000)).toEqual([]);
  });

  it('adds a scheduled run once per period, however many workers ask', async () => {
    const added = await Promise.all([1, 2, 3, 4].map(() => scheduleOnce(db(), 't.scheduled', 3_600_000)));
    expect(added.filter(Boolean)).toHaveLength(1);
    expect(await db().select().from(jobs).where(eq(jobs.kind, 't.scheduled'))).toHaveLength(1);
  });

  it('deletes expired jobs with their files', async () => {
    const job = (await enqueueJob(db(), { kind: 't.expire', ttlMs: 1 }))!;
    await claimJobs(db(), 'A', ['t.expire'], 1, 60_000);
    await completeJob(db(), job.id, 'A', null, { fileName: 'f', contentType: 'x', body: new Uint8Array(10) });
    await sleep(5);
    expect(await deleteExpiredJobs(db())).toBeGreaterThanOrEqual(1);
    expect(await findJob(db(), job.id)).toBeNull();
    expect(await db().select().from(jobFiles).where(eq(jobFiles.jobId, job.id))).toEqual([]);
  });
});

describe('the worker', () => {
  it('runs heavy jobs no more at once than the semaphore allows, and fails a permanent error at once', async () => {
    let now = 0;
    let peak = 0;
    const worker = new JobWorker(db(), {
      't.heavy': { heavy: true, run: async ({ progress }) => { peak = Math.max(peak, ++now); await sleep(30); await progress(1); now--; return { result: 'ok' }; } },
      't.bad': { run: async () => { throw new PermanentJobError('任务内容无效'); } },
    }, { pollMs: 20, heavy: new Semaphore(1), log: { error: () => {} } });
    worker.start();
    try {
      const ids = await Promise.all([1, 2, 3, 4].map(async () => (await enqueueJob(db(), { kind: 't.heavy', total: 1 }))!.id));
      const bad = (await enqueueJob(db(), { kind: 't.bad' }))!.id;
      for (const id of ids) expect(await settledJob(db(), id, 5_000)).toMatchObject({ status: 'done', done: 1, result: 'ok' });
      expect(peak).toBe(1);
      expect(await settledJob(db(), bad, 5_000)).toMatchObject({ status: 'failed', attempts: 1, error: '任务内容无效' });
    } finally {
      await worker.stop();
    }
  });

  it('gives a running job back when it stops, so another instance takes it up', async () => {
    const worker = new JobWorker(db(), {
      't.long': { run: async ({ signal }) => { while (!signal.aborted) await sleep(5); throw new Error('stopping'); } },
    }, { pollMs: 20, log: { error: () => {} } });
    worker.start();
    const job = (await enqueueJob(db(), { kind: 't.long' }))!;
    while ((await findJob(db(), job.id))!.status !== 'running') await sleep(5);
    await worker.stop();
    expect(await findJob(db(), job.id)).toMatchObject({ status: 'queued', attempts: 0, lockedBy: null });
  });
});

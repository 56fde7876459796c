import { and, asc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { rowsOf } from '../../db/sql-helpers.js';
import { jobFiles, jobs, type JobStatus } from './tables.js';

/**
 * The job queue: a `jobs` table claimed with `FOR UPDATE SKIP LOCKED`.
 *
 * Why not pg-boss or graphile-worker: both open their own connections to a PostgreSQL server from a
 * connection string or a `pg` pool (graphile-worker also keeps one connection in LISTEN), install
 * their own schema outside our migrations, and cannot be handed the embedded PGlite database, which
 * is one in-process connection. A table of our own runs the same SQL, from the same migrations, on
 * PGlite (a single process: SKIP LOCKED never skips) and on PostgreSQL (several instances: each
 * claim takes rows no other worker holds), with nothing new to install or operate.
 *
 * A claim is one statement: it picks due rows (queued, or running with an expired lease: the worker
 * that held it has died), skipping rows another worker is claiming at that moment, and marks them
 * running under this worker's id with a lease it renews while the job runs. Completion and failure
 * only apply while the worker still holds the lease. A failed attempt is retried later until
 * `maxAttempts`; then the job is failed with its message.
 */
export type JobRow = typeof jobs.$inferSelect;

export const HOUR_MS = 3_600_000;

export interface EnqueueInput {
  kind: string;
  payload?: Record<string, unknown>;
  accountId?: number | null;
  total?: number;
  /** At most one job per key, ever (until it expires): the second enqueue returns null. */
  key?: string;
  maxAttempts?: number;
  /** Deleted with its file this long after it is created. */
  ttlMs?: number;
}

/** Local workers to wake when a job is added (the other instances find it at their next poll). */
const wakers = new WeakMap<object, Set<() => void>>();
export function onJobAdded(db: object, wake: () => void): () => void {
  let set = wakers.get(db);
  if (!set) wakers.set(db, (set = new Set()));
  set.add(wake);
  return () => set.delete(wake);
}

export async function enqueueJob(db: DbOrTx, input: EnqueueInput): Promise<JobRow | null> {
  const [row] = await db.insert(jobs).values({
    kind: input.kind, payload: input.payload ?? {}, accountId: input.accountId ?? null, total: input.total ?? 0,
    key: input.key ?? null, maxAttempts: input.maxAttempts ?? 3,
    expiresAt: sql`now() + ${input.ttlMs ?? HOUR_MS} * interval '1 millisecond'`,
  }).onConflictDoNothing({ target: jobs.key }).returning();
  if (row) for (const wake of wakers.get(db) ?? []) wake();
  return row ?? null;
}

/**
 * Adds the run of `kind` for the current period of `everyMs` (by the database's clock, the same
 * for every instance) unless some instance already has: scheduled work runs once per period.
 */
export async function scheduleOnce(db: Db, kind: string, everyMs: number): Promise<boolean> {
  const rows = await rowsOf<{ id: string }>(db, sql`
    insert into ${jobs} (kind, key, expires_at)
    values (${kind}, ${kind} || '@' || floor(extract(epoch from now()) * 1000 / ${everyMs})::bigint, now() + interval '1 day')
    on conflict (key) do nothing returning id`);
  if (rows.length > 0) for (const wake of wakers.get(db) ?? []) wake();
  return rows.length > 0;
}

/** Takes up to `limit` due jobs of these kinds for `workerId`, with a lease of `leaseMs`. */
export async function claimJobs(db: Db, workerId: string, kinds: string[], limit: number, leaseMs: number): Promise<JobRow[]> {
  if (limit <= 0 || kinds.length === 0) return [];
  const due = db.select({ id: jobs.id }).from(jobs)
    .where(and(
      inArray(jobs.kind, kinds),
      sql`${jobs.attempts} < ${jobs.maxAttempts}`,
      sql`((${jobs.status} = 'queued' and ${jobs.runAt} <= now()) or (${jobs.status} = 'running' and ${jobs.lockedUntil} < now()))`,
    ))
    .orderBy(asc(jobs.runAt), asc(jobs.createdAt)).limit(limit)
    .for('update', { skipLocked: true });
  return db.update(jobs).set({
    status: 'running', attempts: sql`${jobs.attempts} + 1`, lockedBy: workerId,
    lockedUntil: sql`now() + ${leaseMs} * interval '1 millisecond'`, startedAt: sql`coalesce(${jobs.startedAt}, now())`, error: null,
  }).where(inArray(jobs.id, due)).returning();
}

const held = (id: string, workerId: string) => and(eq(jobs.id, id), eq(jobs.lockedBy, workerId), eq(jobs.status, 'running'));

/** Renews the lease; false when the job is no longer this worker's (taken over after a stall). */
export async function renewLease(db: Db, id: string, workerId: string, leaseMs: number): Promise<boolean> {
  const r = await db.update(jobs).set({ lockedUntil: sql`now() + ${leaseMs} * interval '1 millisecond'` })
    .where(held(id, workerId)).returning({ id: jobs.id });
  return r.length > 0;
}

export async function setProgress(db: Db, id: string, workerId: string, done: number): Promise<void> {
  await db.update(jobs).set({ done }).where(held(id, workerId));
}

export interface JobFile {
  fileName: string;
  contentType: string;
  body: Uint8Array;
}

export async function completeJob(db: Db, id: string, workerId: string, result: unknown, file?: JobFile): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx.update(jobs).set({ status: 'done', result: result ?? null, lockedBy: null, lockedUntil: null, finishedAt: sql`now()` })
      .where(held(id, workerId)).returning({ id: jobs.id });
    if (!row) return false;
    if (file) {
      const body = Buffer.isBuffer(file.body) ? file.body : Buffer.from(file.body.buffer, file.body.byteOffset, file.body.byteLength);
      await tx.insert(jobFiles).values({ jobId: id, fileName: file.fileName, contentType: file.contentType, bytes: body.length, body });
    }
    return true;
  });
}

/** A failed attempt: retried after `retryInMs` while attempts remain (and `retry`), else failed with `message`. */
export async function failJob(db: Db, id: string, workerId: string, message: string, opts: { retry: boolean; retryInMs: number }): Promise<void> {
  await db.update(jobs).set({
    status: opts.retry ? sql`case when ${jobs.attempts} < ${jobs.maxAttempts} then 'queued' else 'failed' end` : 'failed',
    runAt: sql`now() + ${opts.retryInMs} * interval '1 millisecond'`,
    finishedAt: opts.retry ? sql`case when ${jobs.attempts} < ${jobs.maxAttempts} then null else now() end` : sql`now()`,
    error: message, lockedBy: null, lockedUntil: null,
  }).where(held(id, workerId));
}

/** Gives a job back unfinished (the worker is stopping): the attempt does not count. */
export async function releaseJob(db: Db, id: string, workerId: string): Promise<void> {
  await db.update(jobs).set({ status: 'queued', attempts: sql`greatest(${jobs.attempts} - 1, 0)`, lockedBy: null, lockedUntil: null })
    .where(held(id, workerId));
}

/** Jobs whose lease ran out on their last attempt: failed (nobody will take them again). */
export async function failAbandoned(db: Db): Promise<number> {
  const r = await db.update(jobs).set({ status: 'failed', error: '任务中断次数过多，已停止', finishedAt: sql`now()`, lockedBy: null, lockedUntil: null })
    .where(and(eq(jobs.status, 'running'), lt(jobs.lockedUntil, sql`now()`), sql`${jobs.attempts} >= ${jobs.maxAttempts}`))
    .returning({ id: jobs.id });
  return r.length;
}

/** Deletes expired jobs and their files. */
export async function deleteExpiredJobs(db: Db): Promise<number> {
  const r = await db.delete(jobs).where(lt(jobs.expiresAt, sql`now()`)).returning({ id: jobs.id });
  return r.length;
}

export async function findJob(db: DbOrTx, id: string): Promise<JobRow | null> {
  const [row] = await db.select().from(jobs).where(eq(jobs.id, id));
  return row ?? null;
}

export async function jobFile(db: DbOrTx, id: string) {
  const [f] = await db.select().from(jobFiles).where(eq(jobFiles.jobId, id));
  return f ?? null;
}

/** Waits until the job is done or failed (tests, benches). */
export async function settledJob(db: Db, id: string, timeoutMs = 30_000): Promise<JobRow | null> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const row = await findJob(db, id);
    if (!row || row.status === 'done' || row.status === 'failed' || Date.now() > until) return row;
    await new Promise((r) => setTimeout(r, 20));
  }
}

export type { JobStatus };

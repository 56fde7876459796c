import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../http/errors.js';
import { backend, makeTestEnv, type TestEnv } from '../test/harness.js';
import { openDatabase, type Database } from './client.js';
import { BoundedQueue, OuterHandleInTransaction, rootCause, transactionGuardViolations } from './guard.js';

/** Settles within `ms` or fails: a hang is the defect these guards exist for. */
const within = <T>(ms: number, p: Promise<T>) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms))]);

let env: TestEnv;
beforeAll(async () => {
  env = await makeTestEnv();
});
afterAll(() => env.close());

describe('the outer database handle inside a transaction', () => {
  it('is refused at once (not a hang), is recorded, and the database keeps answering', async () => {
    const db = env.database.db;
    const attempt = db.transaction(async (tx) => {
      await tx.execute(sql`select 1`);
      await db.execute(sql`select 2`); // the mistake: the outer handle
    });
    expect(rootCause(await within(2000, attempt).catch((e: unknown) => e))).toBeInstanceOf(OuterHandleInTransaction);
    expect(transactionGuardViolations.splice(0)).toHaveLength(1);
    const [row] = ((await within(2000, db.execute(sql`select 3 as n`))) as { rows: { n: number }[] }).rows;
    expect(Number(row!.n)).toBe(3);
  });

  it('refuses a nested transaction opened on the outer handle', async () => {
    const db = env.database.db;
    expect(rootCause(await within(2000, db.transaction(async () => db.transaction(async () => 1))).catch((e: unknown) => e))).toBeInstanceOf(OuterHandleInTransaction);
    transactionGuardViolations.splice(0);
  });

  it('allows work after the transaction ended, and concurrent requests from outside', async () => {
    const db = env.database.db;
    let later: Promise<unknown> = Promise.resolve();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const tx = db.transaction(async (t) => {
      await t.execute(sql`select 1`);
      later = gate.then(() => db.execute(sql`select 4`)); // runs after the transaction closed
    });
    await within(2000, tx);
    release();
    await within(2000, later);
    // Another request (its own async context) waits its turn instead of being refused.
    const [a, b] = await within(5000, Promise.all([
      db.transaction(async (t) => ((await t.execute(sql`select 5 as n`)) as { rows: unknown[] }).rows),
      db.execute(sql`select 6 as n`),
    ]));
    expect(a).toHaveLength(1);
    expect((b as { rows: unknown[] }).rows).toHaveLength(1);
    expect(transactionGuardViolations).toHaveLength(0);
  });
});

describe('a bounded wait for the database', () => {
  it('answers 503 when the connection is held longer than the bound, then serves again', async () => {
    if (backend !== 'pglite') return; // PostgreSQL: the pool's connectionTimeoutMillis, tested below
    const small: Database = await openDatabase({ pgliteDir: 'memory://', waitMs: 300 });
    try {
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const holder = small.db.transaction(async (t) => {
        await t.execute(sql`select 1`);
        await gate; // e.g. a slow transaction
      });
      const t0 = Date.now();
      const waiting = small.db.execute(sql`select 2`);
      const err = rootCause(await within(3000, waiting).catch((e: unknown) => e));
      release();
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).status).toBe(503);
      expect((err as AppError).message).toContain('数据库繁忙');
      expect(Date.now() - t0).toBeLessThan(2000);
      await holder;
      expect(((await within(2000, small.db.execute(sql`select 7 as n`))) as { rows: unknown[] }).rows).toHaveLength(1);
    } finally {
      await small.close();
    }
  });

  it('keeps the queue in order and drops a waiter that timed out', async () => {
    const q = new BoundedQueue(100);
    const order: number[] = [];
    let release!: () => void;
    const first = q.run('first', () => new Promise<void>((r) => (release = () => { order.push(1); r(); })));
    const timedOut = q.run('second', async () => { order.push(2); }).catch((e: AppError) => e.status);
    await new Promise((r) => setTimeout(r, 200));
    const third = q.run('third', async () => { order.push(3); });
    release();
    await first;
    expect(await timedOut).toBe(503);
    await third;
    expect(order).toEqual([1, 3]);
  });
});

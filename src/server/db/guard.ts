import { AsyncLocalStorage } from 'node:async_hooks';
import { AppError } from '../http/errors.js';

/**
 * Two guards around the raw database client, because one defect class froze the whole server: a
 * query on the outer handle (`ctx.db`) issued inside `ctx.db.transaction(…)`. On the embedded
 * database there is one connection; the outer query waits for the transaction, which waits for the
 * query — forever, and every later request queues behind it. On PostgreSQL the same code reads
 * outside the transaction and, with every pool connection held by such a request, deadlocks too.
 *
 * 1. `guardTransactions` marks the code running inside a transaction (AsyncLocalStorage) and makes
 *    the outer client throw `OuterHandleInTransaction` when that code calls it: the mistake fails at
 *    once, in tests and in production, with the stack of the offending call. Every violation is
 *    also recorded, so a test harness can fail even where the error was caught and swallowed.
 * 2. `BoundedQueue` puts a bounded wait in front of the embedded database's single connection: a
 *    request that cannot get the connection within `waitMs` is answered 503 (with a log line naming
 *    what held it), never left hanging. (PostgreSQL gets the same bound from the pool's
 *    `connectionTimeoutMillis`, mapped to the same 503 by `dbBusy`.)
 */

interface TxMark {
  owner: object;
  open: boolean;
}
const inside = new AsyncLocalStorage<TxMark>();

export class OuterHandleInTransaction extends Error {
  constructor(method: string) {
    super(`database: the outer handle (${method}) was used inside a transaction — pass the transaction handle (tx) instead`);
    this.name = 'OuterHandleInTransaction';
  }
}

/** Violations seen in this process (tests assert it stays empty). */
export const transactionGuardViolations: OuterHandleInTransaction[] = [];

/** Runs a transaction callback marked as inside a transaction on `owner`'s connection(s). */
export function runInsideTransaction<T>(owner: object, fn: () => Promise<T>): Promise<T> {
  const mark: TxMark = { owner, open: true };
  return inside.run(mark, async () => {
    try {
      return await fn();
    } finally {
      mark.open = false; // work spawned inside and still running later is no longer "inside"
    }
  });
}

/** Throws when called from code running inside an open transaction on `owner`. */
export function assertOutside(owner: object, method: string): void {
  const mark = inside.getStore();
  if (mark?.open && mark.owner === owner) {
    const e = new OuterHandleInTransaction(method);
    transactionGuardViolations.push(e);
    throw e;
  }
}

/**
 * Wraps `methods` of `client` (an object with async methods) so that each first checks it is not
 * called from inside one of this client's transactions.
 */
export function guardClientMethods(client: object, methods: string[]): void {
  const target = client as Record<string, unknown>;
  for (const name of methods) {
    const original = target[name];
    if (typeof original !== 'function') continue;
    target[name] = function guarded(this: unknown, ...args: unknown[]) {
      assertOutside(client, name);
      return (original as (...a: unknown[]) => unknown).apply(this ?? client, args);
    };
  }
}

/** Marks every transaction callback of a drizzle database as inside a transaction on `owner`. */
export function guardTransactions(db: { transaction: (...args: never[]) => Promise<unknown> }, owner: object): void {
  const original = db.transaction.bind(db) as (fn: (tx: unknown) => Promise<unknown>, config?: unknown) => Promise<unknown>;
  (db as { transaction: unknown }).transaction = (fn: (tx: unknown) => Promise<unknown>, config?: unknown) =>
    original((tx) => runInsideTransaction(owner, () => fn(tx)), config);
}

/** The 503 a request gets when the database could not be had in time. */
export function dbBusy(waitMs: number): AppError {
  return new AppError(503, 'DB_BUSY', `数据库繁忙（等待超过 ${Math.round(waitMs / 1000)} 秒），请稍后重试`, undefined, 5);
}

/**
 * A FIFO queue of one permit with a bounded wait, in front of the embedded database's single
 * connection. The holder is described (method and first SQL words) for the log line of a timeout.
 */
export class BoundedQueue {
  private busy = false;
  private holder = '';
  private since = 0;
  private waiting: { resolve: () => void; what: string }[] = [];

  constructor(
    private readonly waitMs: number,
    private readonly onTimeout: (info: { waited: number; holder: string; heldFor: number; what: string }) => void = () => {},
  ) {}

  async run<T>(what: string, fn: () => Promise<T>): Promise<T> {
    await this.acquire(what);
    try {
      return await fn();
    } finally {
      this.release();
    }
  }

  private acquire(what: string): Promise<void> {
    if (!this.busy) {
      this.take(what);
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const started = Date.now();
      const waiter = { resolve: () => { clearTimeout(timer); this.take(what); resolve(); }, what };
      const timer = setTimeout(() => {
        const i = this.waiting.indexOf(waiter);
        if (i >= 0) this.waiting.splice(i, 1);
        this.onTimeout({ waited: Date.now() - started, holder: this.holder, heldFor: Date.now() - this.since, what });
        reject(dbBusy(this.waitMs));
      }, this.waitMs);
      timer.unref?.();
      this.waiting.push(waiter);
    });
  }

  private take(what: string) {
    this.busy = true;
    this.holder = what;
    this.since = Date.now();
  }

  private release() {
    const next = this.waiting.shift();
    if (next) next.resolve();
    else this.busy = false;
  }
}

/** The error behind drizzle's wrapper ("Failed query: …" keeps the original as `cause`). */
export function rootCause(e: unknown): unknown {
  let cur = e;
  for (let i = 0; i < 5 && cur instanceof Error && cur.cause !== undefined && cur.message.startsWith('Failed query'); i++) cur = cur.cause;
  return cur;
}

/** A short description of a database call for logs: the method and the first words of its SQL. */
export function describeCall(method: string, args: unknown[]): string {
  const first = args[0];
  const text = typeof first === 'string' ? first : '';
  return text ? `${method}: ${text.replace(/\s+/g, ' ').slice(0, 80)}` : method;
}

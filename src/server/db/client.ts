import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { MIGRATIONS_DIR } from '../paths.js';
import * as schema from './schema.js';
import { BoundedQueue, dbBusy, describeCall, guardClientMethods, guardTransactions } from './guard.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle: the same query API as Db. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DatabaseKind;
  /** PostgreSQL's connection string (for a dedicated LISTEN connection); absent on PGlite. */
  url?: string;
  /** Flushes to disk (PGlite: CHECKPOINT) and closes. */
  close(): Promise<void>;
}

const MIGRATIONS = MIGRATIONS_DIR;

/** How long a request waits for the database before it is answered 503 (never left hanging). */
export const DEFAULT_DB_WAIT_MS = 15_000;
/**
 * PGlite's own start parameters plus a smaller buffer cache: PostgreSQL's default 128 MB of
 * shared_buffers lives inside the WebAssembly memory and is most of the server's resident memory,
 * while the operating system caches the data files anyway (see "Sizing" in the README).
 */
const PGLITE_OPTIONS = {
  startParams: [
    ...((PGlite as unknown as { defaultStartParams?: string[] }).defaultStartParams ?? ['--single', '-F', '-O', '-j']),
    '-c', `shared_buffers=${process.env.PGLITE_SHARED_BUFFERS ?? '16MB'}`,
  ],
};

/**
 * PostgreSQL when `url` is given, otherwise PGlite in `pgliteDir` (a folder or `memory://`),
 * started from `pgliteTemplate` (a dump of an already migrated data directory, see
 * migratedPgliteDump) when one is given: the migrations then find nothing left to do.
 */
export async function openDatabase(opts: { url?: string; pgliteDir?: string; pgliteTemplate?: Blob; waitMs?: number }): Promise<Database> {
  const waitMs = opts.waitMs ?? DEFAULT_DB_WAIT_MS;
  if (opts.url) {
    const pool = new pg.Pool({ connectionString: opts.url, max: 20, connectionTimeoutMillis: waitMs });
    // An idle connection dropped by the server (restart, admin command) must not crash the process.
    pool.on('error', (e) => console.warn(`postgres: idle connection lost (${e.message})`));
    boundPoolWait(pool, waitMs);
    guardClientMethods(pool, ['query', 'connect']);
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    guardTransactions(db, pool);
    await migratePg(db as never, { migrationsFolder: MIGRATIONS });
    return { db, kind: 'postgres', url: opts.url, close: () => pool.end() };
  }
  const client = new PGlite(opts.pgliteDir ?? 'memory://', { ...PGLITE_OPTIONS, ...(opts.pgliteTemplate ? { loadDataDir: opts.pgliteTemplate } : {}) });
  await client.waitReady;
  queueOuterCalls(client, waitMs);
  guardClientMethods(client, ['query', 'exec', 'transaction', 'describeQuery']);
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  guardTransactions(db, client);
  await migratePglite(db as never, { migrationsFolder: MIGRATIONS });
  return {
    db,
    kind: 'pglite',
    close: async () => {
      if (!client.closed) {
        await client.exec('CHECKPOINT');
        await client.close();
      }
    },
  };
}

/** A freshly migrated PGlite data directory, as a tarball for openDatabase's `pgliteTemplate` (the tests start each database from one). */
export async function migratedPgliteDump(): Promise<Blob> {
  const client = new PGlite('memory://', PGLITE_OPTIONS);
  await client.waitReady;
  await migratePglite(drizzlePglite(client, { schema }) as never, { migrationsFolder: MIGRATIONS });
  const dump = await client.dumpDataDir('none');
  await client.close();
  return dump;
}

/** The embedded database's one connection, taken in turn with a bounded wait (see guard.ts). */
function queueOuterCalls(client: PGlite, waitMs: number) {
  const queue = new BoundedQueue(waitMs, (i) =>
    console.warn(`database busy: "${i.what}" waited ${i.waited} ms; the connection is held by "${i.holder}" for ${i.heldFor} ms — answered 503`));
  const target = client as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const name of ['query', 'exec', 'transaction', 'describeQuery']) {
    const original = target[name]!.bind(client);
    target[name] = (...args: unknown[]) => queue.run(describeCall(name, args), () => original(...args));
  }
}

/** A pool that cannot hand out a connection in time answers 503 like the embedded database. */
function boundPoolWait(pool: pg.Pool, waitMs: number) {
  const target = pool as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const name of ['query', 'connect']) {
    const original = target[name]!.bind(pool);
    target[name] = async (...args: unknown[]) => {
      try {
        return await original(...args);
      } catch (e) {
        if (e instanceof Error && /timeout exceeded when trying to connect/i.test(e.message)) {
          console.warn(`database busy: no PostgreSQL connection free within ${waitMs} ms — answered 503`);
          throw dbBusy(waitMs);
        }
        throw e;
      }
    };
  }
}

import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { MIGRATIONS_DIR } from '../paths.js';
import * as schema from './schema.js';

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

/** PostgreSQL when `url` is given, otherwise PGlite in `pgliteDir` (a folder or `memory://`). */
export async function openDatabase(opts: { url?: string; pgliteDir?: string }): Promise<Database> {
  if (opts.url) {
    const pool = new pg.Pool({ connectionString: opts.url, max: 20 });
    // An idle connection dropped by the server (restart, admin command) must not crash the process.
    pool.on('error', (e) => console.warn(`postgres: idle connection lost (${e.message})`));
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    await migratePg(db as never, { migrationsFolder: MIGRATIONS });
    return { db, kind: 'postgres', url: opts.url, close: () => pool.end() };
  }
  const client = new PGlite(opts.pgliteDir ?? 'memory://');
  await client.waitReady;
  const db = drizzlePglite(client, { schema }) as unknown as Db;
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

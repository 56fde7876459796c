import crypto from 'node:crypto';
import pg from 'pg';
import type { Database } from '../db/client.js';
import { dropPublic, onPublicInvalidated } from './public-cache.js';

export const PUBLIC_CACHE_CHANNEL = 'skillmonth_public_cache';

/**
 * Public-cache invalidation across instances. On PostgreSQL every instance keeps one dedicated
 * connection in LISTEN on a channel; an instance that drops cached answers (publishing, an
 * objection upheld, a revocation) sends the key prefix with NOTIFY on the same connection, and every
 * other instance drops the same entries at once. A lost connection is opened again; meanwhile the
 * cache's short time limit still bounds staleness. On PGlite there is one process: nothing to do.
 */
export async function connectPublicCacheBus(database: Database, log: { warn(obj: unknown, msg: string): void }): Promise<() => Promise<void>> {
  if (database.kind !== 'postgres' || !database.url) return async () => {};
  const url = database.url;
  const origin = crypto.randomBytes(6).toString('hex');
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;

  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url });
    c.on('error', (e) => {
      log.warn({ err: e }, 'public cache: listener connection lost, reconnecting');
      if (client === c) client = null;
      void c.end().catch(() => {});
      if (!closed && !retry) retry = setTimeout(() => { retry = null; void connect().catch(() => {}); }, 1_000);
    });
    c.on('notification', (n) => {
      if (n.channel !== PUBLIC_CACHE_CHANNEL || !n.payload) return;
      const bar = n.payload.indexOf('|');
      if (n.payload.slice(0, bar) === origin) return; // our own, already dropped
      dropPublic(database.db, n.payload.slice(bar + 1));
    });
    try {
      await c.connect();
      await c.query(`listen ${PUBLIC_CACHE_CHANNEL}`);
    } catch (e) {
      await c.end().catch(() => {});
      if (closed) return;
      log.warn({ err: e }, 'public cache: cannot listen, retrying');
      if (!retry) retry = setTimeout(() => { retry = null; void connect().catch(() => {}); }, 1_000);
      return;
    }
    if (closed) {
      await c.end().catch(() => {});
      return;
    }
    client = c;
  };
  await connect();

  const unsubscribe = onPublicInvalidated(database.db, (prefix) => {
    const c = client;
    if (!c) return;
    c.query('select pg_notify($1, $2)', [PUBLIC_CACHE_CHANNEL, `${origin}|${prefix}`])
      .catch((e: unknown) => log.warn({ err: e }, 'public cache: notify failed'));
  });
  return async () => {
    closed = true;
    unsubscribe();
    if (retry) clearTimeout(retry);
    const c = client;
    client = null;
    await c?.end().catch(() => {});
  };
}

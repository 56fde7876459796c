/**
 * Answers the public site reads most (published results, rankings, certificate verification) from
 * memory: the serialized response is kept per database and key for a short time, and dropped at
 * once by the service that changes what it shows (publishing, an objection upheld, a revocation).
 * The time limit bounds staleness if several server processes share one database.
 */
export const PUBLIC_CACHE_TTL_MS = 5_000;

interface Entry {
  at: number;
  value: Promise<string>;
}

const caches = new WeakMap<object, Map<string, Entry>>();

function cacheOf(database: object): Map<string, Entry> {
  let c = caches.get(database);
  if (!c) caches.set(database, (c = new Map()));
  return c;
}

/** The cached JSON text for `key`, or computes, serializes and keeps it. A failure is not kept. */
export function cachedJson(database: object, key: string, compute: () => Promise<unknown>, ttlMs = PUBLIC_CACHE_TTL_MS): Promise<string> {
  const cache = cacheOf(database);
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && now - hit.at < ttlMs) return hit.value;
  const value = compute().then((v) => JSON.stringify(v));
  cache.set(key, { at: now, value });
  value.catch(() => {
    if (cache.get(key)?.value === value) cache.delete(key);
  });
  return value;
}

/** Drops every cached answer whose key starts with `prefix` (e.g. "competition:3:"). */
export function invalidatePublic(database: object, prefix: string): void {
  const cache = caches.get(database);
  if (!cache) return;
  for (const k of [...cache.keys()]) if (k.startsWith(prefix)) cache.delete(k);
}

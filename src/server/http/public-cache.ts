import zlib from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
/**
 * Answers the public site reads most (published results, rankings, certificate verification) from
 * memory: the serialized response is kept per database and key for a short time, and dropped at
 * once by the service that changes what it shows (publishing, an objection upheld, a revocation).
 * Several instances on one PostgreSQL database hear of each other's invalidations through
 * public-cache-bus.ts (LISTEN/NOTIFY); the time limit bounds staleness if that connection is lost.
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

/** Drops, in this process only, every cached answer whose key starts with `prefix`. */
export function dropPublic(database: object, prefix: string): void {
  const cache = caches.get(database);
  if (!cache) return;
  for (const k of [...cache.keys()]) if (k.startsWith(prefix)) cache.delete(k);
}

/** Who else hears of an invalidation (public-cache-bus.ts: the other instances, by NOTIFY). */
const listeners = new WeakMap<object, Set<(prefix: string) => void>>();
export function onPublicInvalidated(database: object, fn: (prefix: string) => void): () => void {
  let set = listeners.get(database);
  if (!set) listeners.set(database, (set = new Set()));
  set.add(fn);
  return () => set.delete(fn);
}

/**
 * Drops every cached answer whose key starts with `prefix` (e.g. "competition:3:"), here and, on
 * PostgreSQL, on every other instance sharing the database.
 */
export function invalidatePublic(database: object, prefix: string): void {
  dropPublic(database, prefix);
  for (const fn of listeners.get(database) ?? []) fn(prefix);
}

/**
 * The cached text of `key`, like cachedJson, for text that is not JSON (a server-rendered page).
 * Shares the cache, the time limit and the invalidation by prefix.
 */
export function cachedText(database: object, key: string, compute: () => Promise<string>, ttlMs = PUBLIC_CACHE_TTL_MS): Promise<string> {
  const cache = cacheOf(database);
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && now - hit.at < ttlMs) return hit.value;
  const value = compute();
  cache.set(key, { at: now, value });
  value.catch(() => {
    if (cache.get(key)?.value === value) cache.delete(key);
  });
  return value;
}

/** Compressed forms of recent cached answers, by encoding and text (the same string object hashes once). */
const compressed = new Map<string, Map<string, Buffer>>([['br', new Map()], ['gzip', new Map()]]);
const KEEP = 256;
const MIN_BYTES = 1024;

function compress(encoding: 'br' | 'gzip', text: string): Buffer {
  const kept = compressed.get(encoding)!;
  let body = kept.get(text);
  if (!body) {
    body = encoding === 'br'
      ? zlib.brotliCompressSync(text, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: text.length } })
      : zlib.gzipSync(text, { level: 9 });
    if (kept.size >= KEEP) kept.delete(kept.keys().next().value!);
    kept.set(text, body);
  }
  return body;
}

/**
 * Sends a cached answer, compressed once (brotli, else gzip) and reused when the client accepts
 * it: a phone on mobile data gets a 60 KB results list as a few KB.
 */
export function sendCached(req: FastifyRequest, reply: FastifyReply, text: string, type: string) {
  reply.type(type).header('vary', 'accept-encoding');
  const accepted = String(req.headers['accept-encoding'] ?? '');
  if (text.length < MIN_BYTES) return reply.send(text);
  const encoding = /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : null;
  if (!encoding) return reply.send(text);
  return reply.header('content-encoding', encoding).send(compress(encoding, text));
}

import zlib from 'node:zlib';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { cachedJson, cachedText, invalidatePublic, sendCached } from './public-cache.js';

describe('public read cache', () => {
  it('computes once within the time limit, again after invalidation, and never keeps a failure', async () => {
    const db = {};
    let n = 0;
    const read = () => cachedJson(db, 'competition:1:rankings', async () => ({ n: ++n }));
    expect(await read()).toBe('{"n":1}');
    expect(await read()).toBe('{"n":1}');
    invalidatePublic(db, 'competition:1:');
    expect(await read()).toBe('{"n":2}');
    await expect(cachedText(db, 'certificate:X:page', async () => { throw new Error('no'); })).rejects.toThrow('no');
    expect(await cachedText(db, 'certificate:X:page', async () => 'page')).toBe('page');
  });

  it('sends the same answer compressed as the client accepts it (brotli, gzip, or plain)', async () => {
    const text = JSON.stringify({ rows: Array.from({ length: 300 }, (_, i) => ({ 名次: i + 1, 姓名: `选手${i}`, 身份证号: '110***********1234' })) });
    const app = Fastify();
    app.get('/x', (req, reply) => sendCached(req, reply, text, 'application/json; charset=utf-8'));
    const plain = await app.inject({ url: '/x' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(text);
    const gz = await app.inject({ url: '/x', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(text);
    const br = await app.inject({ url: '/x', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(text);
    expect(br.rawPayload.length).toBeLessThan(text.length / 5);
    expect(br.headers.vary).toBe('accept-encoding');
    await app.close();
  });
});

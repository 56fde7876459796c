import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFirstSheet } from '../../excel/read.js';
import { streamRows } from '../../excel/write.js';
import { heavyQueue, heavyWork } from '../jobs/heavy.js';
import { fillPeople } from '../../test/people-fill.js';
import { buildTrade, buildUnit, call, makeTestEnv, sessionAs, type Session, type TestEnv } from '../../test/harness.js';

let env: TestEnv;
let committee: Session;
const N = 4_500; // nine pages of 500

beforeAll(async () => {
  env = await makeTestEnv();
  const unit = await buildUnit(env);
  const trade = await buildTrade(env);
  await fillPeople(env.database.db, unit.id, trade.id, N);
  committee = await sessionAs(env, 'committee');
});
afterAll(() => env.close());

async function rowsOf(buf: Buffer) {
  const rows = [];
  for await (const r of readFirstSheet(buf)) rows.push(r.cells);
  return rows;
}

describe('the people export at scale', () => {
  it('streams every row, page by page, masked, in id order', async () => {
    const res = await call(env, committee, 'GET', '/api/people/export');
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-disposition']).toContain('filename*=UTF-8');
    const rows = await rowsOf(res.rawPayload);
    expect(rows[0]!.slice(0, 4)).toEqual(['姓名', '性别', '身份证号', '手机号']);
    expect(rows).toHaveLength(N + 1);
    expect(rows[1]!.slice(0, 4)).toEqual(['员工1', '男', '330102********0001', '138****0001']);
    expect(rows[N]![0]).toBe(`员工${N}`);
    expect(heavyWork.inUse).toBe(0); // the slot is given back
  });

  it('sends the first bytes before the last page is read (the file is never whole in memory)', async () => {
    const out = new PassThrough();
    let received = 0;
    out.on('data', (c: Buffer) => (received += c.length));
    const seenAtPage: number[] = [];
    async function* pages() {
      for (let p = 0; p < 8; p++) {
        seenAtPage.push(received);
        yield Array.from({ length: 2000 }, (_, i) => ({ n: p * 2000 + i, s: `第${p}页第${i}行，一段足够长的文字让压缩后的字节尽快流出` }));
      }
    }
    await streamRows(out, '测试', [{ header: '序号', value: (r: { n: number }) => r.n }, { header: '文字', value: (r: { s: string }) => r.s }], pages());
    expect(seenAtPage.at(-1)).toBeGreaterThan(0);
    expect(received).toBeGreaterThan(seenAtPage.at(-1)!);
  });

  it('answers 503 with Retry-After and a Chinese reason when every heavy slot is busy, and runs again once one is free', async () => {
    const held = Array.from({ length: heavyWork.limit }, () => heavyWork.tryAcquire()!);
    const wait = heavyQueue.waitMs;
    heavyQueue.waitMs = 50;
    try {
      const res = await call(env, committee, 'GET', '/api/people/export');
      expect(res.statusCode).toBe(503);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(res.json().error.message).toContain('请约');
    } finally {
      heavyQueue.waitMs = wait;
      for (const r of held) r();
    }
    expect((await call(env, committee, 'GET', '/api/people/export?q=员工12')).statusCode).toBe(200);
  });

  it('refuses a unit account another unit\'s people before anything is sent, and takes no slot', async () => {
    const unit = await sessionAs(env, 'unit');
    const res = await call(env, unit, 'GET', '/api/people/export');
    expect(res.statusCode).toBe(200);
    expect(await rowsOf(res.rawPayload)).toHaveLength(1); // its own unit has nobody
    expect((await call(env, await sessionAs(env, 'judge'), 'GET', '/api/people/export')).statusCode).toBe(403);
    expect(heavyWork.inUse).toBe(0);
  });
});

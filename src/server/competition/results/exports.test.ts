import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/sql-helpers.js';
import { readFirstSheet } from '../../excel/read.js';
import { call, makeTestEnv, type TestEnv } from '../../test/harness.js';
import { markedCompetition, type MarkedWorld } from './results-fixture.js';

let env: TestEnv;
let w: MarkedWorld;
beforeAll(async () => {
  env = await makeTestEnv();
  w = await markedCompetition(env, { lock: true });
}, 120_000);
afterAll(() => env.close());

const download = async (file: string) => {
  const res = await env.app.inject({ method: 'GET', url: `/api/competitions/${w.competitionId}/exports/${file}`, headers: { cookie: w.admin.cookie } });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return res;
};

async function sheetRows(buf: Buffer) {
  const out: string[][] = [];
  for await (const r of readFirstSheet(buf)) out.push(r.cells.map((c) => (c == null ? '' : String(c))));
  return out;
}

function pdfText(buf: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'results-pdf-'));
  try {
    const file = path.join(dir, 'x.pdf');
    fs.writeFileSync(file, buf);
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('exports (organizers): Excel reads back, PDF text reads back with pdftotext', () => {
  it('results.xlsx: one row per contestant in rank order, with names once decoded', async () => {
    const res = await download('results.xlsx');
    expect(String(res.headers['content-disposition'])).toContain('.xlsx');
    const rows = await sheetRows(res.rawPayload);
    expect(rows[0]!.slice(0, 4)).toEqual(['名次', '参赛编号', '姓名', '单位']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(rows[1]![1]).toBe(w.byK[0]!.code);
    expect(rows[1]![2]).toMatch(/^选手/);
    expect(rows[1]).toContain('97');
  });

  it('results.pdf: the title, codes, names and the formulas in Chinese', async () => {
    const text = pdfText((await download('results.pdf')).rawPayload);
    expect(text).toContain('成绩表');
    expect(text).toContain(w.byK[0]!.code);
    expect(text).toMatch(/选手\d+-\d/);
    expect(text).toContain('97');
    expect(text).toContain('总成绩');
  });

  it('printed results and rankings carry a signature and seal block with the date, and 第 x 页 共 y 页', async () => {
    for (const file of ['results.pdf', 'rankings.pdf']) {
      const text = pdfText((await download(file)).rawPayload);
      expect(text, file).toMatch(/裁判长（签字）/);
      expect(text, file).toMatch(/仲裁组组长（签字）/);
      expect(text, file).toMatch(/竞赛组委会（盖章）/);
      expect(text, file).toMatch(/日期：\d{4}年\d{1,2}月\d{1,2}日/);
      const pages = [...text.matchAll(/第\s*(\d+)\s*页\s*共\s*(\d+)\s*页/g)].map((m) => [Number(m[1]), Number(m[2])]);
      expect(pages.length, file).toBeGreaterThan(0);
      const total = pages[0]![1]!;
      expect(pages, file).toEqual(Array.from({ length: total }, (_, i) => [i + 1, total]));
    }
  });

  it('rankings.xlsx and rankings.pdf: teams and the organization award', async () => {
    const rows = await sheetRows((await download('rankings.xlsx')).rawPayload);
    expect(rows[0]).toContain('单位');
    expect(rows.length).toBe(3);
    const text = pdfText((await download('rankings.pdf')).rawPayload);
    expect(text).toContain('团体排名');
    expect(text).toContain('组织奖');
    expect(text).toContain('团体第1名');
  });

  it('draw.pdf lists every code with its station; score-sheets.pdf has a sheet per aspect', async () => {
    const draw = pdfText((await download('draw.pdf')).rawPayload);
    expect(draw).toContain('抽签结果');
    for (const e of w.byK) expect(draw).toContain(e.code);
    const sheets = pdfText((await download('score-sheets.pdf')).rawPayload);
    for (const a of ['A1.1', 'A1.2', 'B1.1', 'B1.2']) expect(sheets).toContain(`评分表 ${a}`);
    expect(sheets).toMatch(/第\s*1\s*页/);
  });

  it('draw.xlsx lists the codes; score-sheets.xlsx has every mark with its aspect, judge and source', async () => {
    const draw = await sheetRows((await download('draw.xlsx')).rawPayload);
    expect(draw[0]).toEqual(['参赛编号', '工位', '场次']);
    expect(draw.slice(1).map((r) => r[0]).sort()).toEqual(w.byK.map((e) => e.code).sort());
    const marks = await sheetRows((await download('score-sheets.xlsx')).rawPayload);
    expect(marks[0]).toEqual(['参赛编号', '评分模块', '细则', '类型', '满分', '裁判', '分值', '来源']);
    const [count] = await rowsOf<{ n: number }>(env.database.db, sql`select count(*)::int as n from marks where competition_id = ${w.competitionId}`);
    expect(marks.length - 1).toBe(Number(count!.n));
    for (const r of marks.slice(1)) {
      expect(['A1.1', 'A1.2', 'B1.1', 'B1.2']).toContain(r[2]);
      expect(['裁判录入', '纸质双录', '成绩更正']).toContain(r[7]);
    }
  });

  it('refuses units and an unknown file name', async () => {
    expect((await call(env, w.unitA.session, 'GET', `/api/competitions/${w.competitionId}/exports/results.xlsx`)).statusCode).toBe(403);
    expect((await call(env, w.admin, 'GET', `/api/competitions/${w.competitionId}/exports/secrets.txt`)).statusCode).toBe(400);
  });
});

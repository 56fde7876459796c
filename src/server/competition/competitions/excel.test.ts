import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from '../../excel/exceljs.js';
import { buildCompetition, TEST_SCHEME, type CompetitionWorld } from '../../test/competition-fixture.js';
import { call, makeTestEnv, type Session, type TestEnv } from '../../test/harness.js';
import { makeXlsx, multipart } from '../../test/xlsx.js';

let env: TestEnv;
let setup: CompetitionWorld; // before the draw: the scheme may change
let marking: CompetitionWorld; // marking: part scores come in

function upload(s: Session, url: string, file: Buffer) {
  const m = multipart(file, 'sheet.xlsx');
  return env.app.inject({ method: 'POST', url, payload: m.payload, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': m.contentType } });
}
async function sheetRows(buf: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as never);
  const rows: unknown[][] = [];
  wb.worksheets[0]!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  return rows;
}

beforeAll(async () => {
  env = await makeTestEnv();
  setup = await buildCompetition(env, 'approved');
  marking = await buildCompetition(env, 'marking');
});
afterAll(() => env.close());

describe('the marking scheme in Excel', () => {
  it('exports the scheme and imports the file back unchanged, as a new version', async () => {
    const url = `/api/competitions/${setup.competitionId}/scheme`;
    const file = (await call(env, setup.admin, 'GET', `${url}/export`)).rawPayload;
    const rows = await sheetRows(file);
    expect(rows[0]).toContain('评分细则');
    expect(rows).toHaveLength(1 + 4);
    const res = await upload(setup.admin, `${url}/import`, file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().version).toBe(2);
    expect(res.json().scheme).toEqual(TEST_SCHEME);
  });

  it('refuses bad cells with their row and column, and saves nothing', async () => {
    const url = `/api/competitions/${setup.competitionId}/scheme`;
    const rows = await sheetRows((await call(env, setup.admin, 'GET', `${url}/export`)).rawPayload);
    rows[1]![6] = '主观';
    rows[2]![7] = '三十';
    const res = await upload(setup.admin, `${url}/import`, await makeXlsx(rows as (string | number | null)[][]));
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.issues.map((i: { field: string }) => i.field);
    expect(fields).toEqual(['G2', 'H3']);
    expect(res.json().error.message).toContain('第 2 行 G 列「类型」');
    expect((await call(env, setup.admin, 'GET', url)).json().version).toBe(2);
  });

  it('traces a scheme rule back to its row: a judgement aspect without level descriptions', async () => {
    const url = `/api/competitions/${setup.competitionId}/scheme`;
    const rows = await sheetRows((await call(env, setup.admin, 'GET', `${url}/export`)).rawPayload);
    rows[4]![9] = null;
    const res = await upload(setup.admin, `${url}/import`, await makeXlsx(rows as (string | number | null)[][]));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues[0]).toMatchObject({ field: 'J5', message: expect.stringContaining('第 5 行') });
  });
});

describe('part scores in Excel', () => {
  it('imports theory scores by exam number from the template, refusing bad rows by cell, all or none', async () => {
    const url = `/api/competitions/${marking.competitionId}/part-scores`;
    const rows = await sheetRows((await call(env, marking.admin, 'GET', `${url}/template`)).rawPayload);
    expect(rows[0]).toEqual(['准考证号', '姓名', '理论成绩', '答辩成绩']);
    expect(rows).toHaveLength(1 + marking.entriesA.length + marking.entriesB.length);
    const bad = rows.map((r, i) => (i === 0 ? r : [r[0], r[1], i === 2 ? 120 : 80 + i, null]));
    bad.push(['NOPE', '', 70, null]);
    const refused = await upload(marking.admin, `${url}/import`, await makeXlsx(bad as (string | number | null)[][]));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.issues.map((i: { field: string }) => i.field)).toEqual(['C3']);
    const unknown = await upload(marking.admin, `${url}/import`, await makeXlsx(bad.filter((_, i) => i !== 2) as (string | number | null)[][]));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toContain('NOPE');
    const good = bad.filter((_, i) => i !== 2 && i !== bad.length - 1);
    const ok = await upload(marking.admin, `${url}/import`, await makeXlsx(good as (string | number | null)[][]));
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ rows: good.length - 1, changed: good.length - 1 });
    const again = await upload(marking.admin, `${url}/import`, await makeXlsx(good as (string | number | null)[][]));
    expect(again.json().changed).toBe(0);
    expect((await upload(marking.unitA.session, `${url}/import`, await makeXlsx(good as (string | number | null)[][]))).statusCode).toBe(403);
  });
});

describe('exports', () => {
  it('exports the draw without identities, and entries with masked ID numbers', async () => {
    const draw = await sheetRows((await call(env, marking.judges[1]!.session, 'GET', `/api/competitions/${marking.competitionId}/draw/export`)).rawPayload);
    expect(draw[0]).toEqual(['参赛编号', '工位', '场次']);
    expect(draw).toHaveLength(1 + marking.entriesA.length + marking.entriesB.length);
    const entries = await sheetRows((await call(env, marking.unitA.session, 'GET', `/api/competitions/${marking.competitionId}/entries/export`)).rawPayload);
    expect(entries).toHaveLength(1 + marking.entriesA.length);
    expect(String(entries[1]![2])).toMatch(/^\d{3}\*{11}[\dX]{4}$/);
  });
});

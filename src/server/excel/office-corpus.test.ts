import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ID_ENDS_000, ID_ENDS_000_BAD_CHECK, ID_STORED_AS_NUMBER } from '../../shared/excel/id-cell.js';
import { buildCompetition, type CompetitionWorld } from '../test/competition-fixture.js';
import { buildPerson, buildTrade, buildUnit, call, makeTestEnv, sessionAs, type Session, type TestEnv } from '../test/harness.js';
import { makeXlsx, multipart } from '../test/xlsx.js';
import ExcelJS from './exceljs.js';

/**
 * Files as clerks make them in a real office suite: made by LibreOffice from the sources in
 * scripts/make-office-corpus.sh and committed in ./corpus (CI only reads them). Each file is one
 * way a filled template goes wrong; each must import, or be refused saying why and what to do.
 */
const corpus = (name: string) => readFileSync(new URL(`./corpus/${name}`, import.meta.url));
const [, , , , , passing000, failing000] = readFileSync(new URL('./corpus/ids.txt', import.meta.url), 'utf8').trim().split('\n');

let env: TestEnv;
let admin: Session;
let unitId: number;
let world: CompetitionWorld;

beforeAll(async () => {
  env = await makeTestEnv();
  admin = await sessionAs(env, 'admin');
  unitId = (await buildUnit(env, { name: '江川重型机械有限公司' })).id;
  await buildTrade(env, '车工');
  world = await buildCompetition(env, 'registration', 1);
});
afterAll(() => env.close());

function upload(s: Session, url: string, file: Buffer, name: string) {
  const m = multipart(file, name);
  return env.app.inject({ method: 'POST', url, payload: m.payload, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': m.contentType } });
}
const previewPeople = (name: string) => upload(admin, '/api/imports/people', corpus(name), name);
const issuesOf = (body: { issues: { row: number; column: string; reason: string }[] }) => body.issues.map((i) => [i.row, i.column, i.reason]);

describe('ID numbers a spreadsheet stored as numbers', () => {
  it('people: a number cell is refused naming the truncation; IDs ending in X stay text and pass', async () => {
    const res = await previewPeople('people-numeric-id.xlsx');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ total: 5, valid: 2, invalidRows: 3 });
    expect(issuesOf(res.json())).toEqual([4, 5, 6].map((r) => [r, 'C', ID_STORED_AS_NUMBER]));
  });

  it('people: 18 digits ending in 000 are never registered silently, whether the check character passes or not', async () => {
    const res = await previewPeople('people-id-ends-000.xlsx');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ total: 3, valid: 1 });
    expect(issuesOf(res.json())).toEqual([[2, 'C', ID_ENDS_000], [3, 'C', ID_ENDS_000_BAD_CHECK]]);
  });

  it('registration: the same message as the people import for the same problem', async () => {
    const url = `/api/competitions/${world.competitionId}/entries/import`;
    const res = await upload(admin, url, corpus('entries-numeric-id.xlsx'), 'entries.xlsx');
    expect(res.statusCode).toBe(400);
    const messages = res.json().error.issues.filter((i: { field: string }) => /^A[456]$/.test(i.field)).map((i: { message: string }) => i.message);
    expect(messages).toEqual([4, 5, 6].map((r) => `第 ${r} 行 A 列「身份证号」：${ID_STORED_AS_NUMBER}`));
  });

  it('registration: a number ending in 000 is taken only when the registry holds exactly that number', async () => {
    const url = `/api/competitions/${world.competitionId}/entries/import`;
    const unknown = await upload(admin, url, await makeXlsx([['身份证号', '姓名'], [failing000!, null], [passing000!, null]]), 'entries.xlsx');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.issues.map((i: { message: string }) => i.message)).toEqual([
      `第 2 行 A 列「身份证号」：${ID_ENDS_000_BAD_CHECK}`, `第 3 行 A 列「身份证号」：${ID_ENDS_000}`,
    ]);
    const trade = (await call(env, admin, 'GET', `/api/competitions/${world.competitionId}`)).json().tradeId as number;
    await buildPerson(env, world.unitA.id, { idNumber: passing000!, name: '真零零零', tradeId: trade });
    const known = await upload(admin, url, await makeXlsx([['身份证号', '姓名'], [passing000!, '真零零零']]), 'entries.xlsx');
    expect(known.statusCode, known.body).toBe(200);
  });
});

describe('where the header is', () => {
  for (const [file, what] of [
    ['people-empty-first-sheet.xlsx', 'past an empty first sheet'],
    ['people-title-row.xlsx', 'under a merged title row'],
    ['people-instructions-above.xlsx', 'under a 填写说明 block'],
  ] as const) {
    it(`finds it ${what}`, async () => {
      const res = await previewPeople(file);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ total: 1, valid: 1, issues: [] });
    });
  }

  it('says which sheets and rows it looked at when there is none', async () => {
    const res = await upload(admin, '/api/imports/units', corpus('people-empty-first-sheet.xlsx'), 'units.xlsx');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('已查看：工作表「Sheet1」（空）、「人员」第 1–2 行');
    const partial = await upload(admin, '/api/imports/people', await makeXlsx([['说明'], ['姓名', '身份证号码'], ['张三', '1']]), 'p.xlsx');
    expect(partial.json().error.message).toContain('表头缺少必填列：身份证号（在工作表「人员」第 2 行找到的表头');
  });
});

describe('text as it looks', () => {
  it('zero-width characters, NBSP, ideographic spaces and a BOM do not make a unit or trade unknown', async () => {
    const res = await previewPeople('people-zero-width.xlsx');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ total: 1, valid: 1, issues: [] });
  });
});

describe('other formats', () => {
  for (const [file, kind] of [['people.xls', '.xls'], ['people.csv', 'CSV'], ['people.ods', '.ods']] as const) {
    it(`refuses ${file} saying what it is and to save it as .xlsx`, async () => {
      const res = await previewPeople(file);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toContain(kind);
      expect(res.json().error.message).toContain('“另存为” .xlsx');
    });
  }
});

describe('scores stored with more decimals than shown', () => {
  it('refuses 85.1666… (shown 85.17) showing the value and the precision; an exact 85.17 passes', async () => {
    const res = await upload(admin, `/api/competitions/${world.competitionId}/part-scores/import`, corpus('part-scores-float.xlsx'), 'scores.xlsx');
    expect(res.statusCode).toBe(400);
    const issues = res.json().error.issues as { field: string; message: string }[];
    expect(issues.map((i) => i.field)).toEqual(['C2']);
    expect(issues[0]!.message).toContain('单元格中的值是 85.1666666666667（显示时可能为 85.17），成绩最多保留两位小数');
  });
});

describe('formula-looking text', () => {
  const DESCRIPTIONS = ['-0.02 以内得满分', '+0.05 以内合格', '=Ra1.6 以下', '@现场 安全文明生产'];

  it('a scheme typed in LibreOffice with = + - @ texts (one with an older export\'s apostrophe) imports as the text shown', async () => {
    const url = `/api/competitions/${world.competitionId}/scheme`;
    const res = await upload(admin, `${url}/import`, corpus('scheme-formula-text.xlsx'), 'scheme.xlsx');
    expect(res.statusCode, res.body).toBe(200);
    const aspects = res.json().scheme.criteria.flatMap((c: any) => c.subCriteria.flatMap((s: any) => s.aspects));
    expect(aspects.map((a: { description: string }) => a.description)).toEqual(DESCRIPTIONS);

    // Exported: text cells in the text format, no apostrophe; imported back unchanged.
    const file = (await call(env, admin, 'GET', `${url}/export`)).rawPayload;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as never);
    const ws = wb.worksheets[0]!;
    expect([2, 3, 4, 5].map((r) => ws.getCell(`F${r}`).value)).toEqual(DESCRIPTIONS);
    expect([2, 3, 4, 5].map((r) => ws.getCell(`F${r}`).numFmt)).toEqual(['@', '@', '@', '@']);
    const again = await upload(admin, `${url}/import`, file, 'scheme.xlsx');
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().scheme).toEqual(res.json().scheme);
  });

  it('our export, opened and re-saved by LibreOffice, imports back as the same texts', async () => {
    const res = await upload(admin, `/api/competitions/${world.competitionId}/scheme/import`, corpus('scheme-export-resaved.xlsx'), 'scheme.xlsx');
    expect(res.statusCode, res.body).toBe(200);
    const aspects = res.json().scheme.criteria.flatMap((c: any) => c.subCriteria.flatMap((s: any) => s.aspects));
    expect(aspects.map((a: { description: string }) => a.description)).toEqual(DESCRIPTIONS);
  });
});

describe('units export', () => {
  it('counts each unit\'s people (人数), in the export and the list', async () => {
    for (let i = 0; i < 3; i++) await buildPerson(env, unitId);
    const list = (await call(env, admin, 'GET', '/api/units?q=江川重型&pageSize=20')).json();
    expect(list.items.map((u: { peopleCount: number }) => u.peopleCount)).toEqual([3]);
    const file = (await call(env, admin, 'GET', '/api/units/export?q=江川重型')).rawPayload;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as never);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(7).value).toBe('人数');
    expect(ws.getRow(2).getCell(7).value).toBe(3);
  });
});

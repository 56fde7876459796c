import ExcelJS from '../../excel/exceljs.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE_SHEET } from '../../../shared/excel/people-sheet.js';
import { checkCharacter } from '../../../shared/idcard.js';
import { CODE_STORED_AS_NUMBER } from '../../../shared/excel/units-sheet.js';
import { buildPerson, buildTrade, buildUnit, call, makeTestEnv, sessionAs, testIdNumber, type Session, type TestEnv } from '../../test/harness.js';
import { makeXlsx, makeZip, multipart } from '../../test/xlsx.js';
import { eq } from 'drizzle-orm';
import { people } from '../people/tables.js';
import { importBatches } from './tables.js';

let env: TestEnv;
let admin: Session;
let unitSession: Session;
let unitName: string;
let otherUnitName: string;
let tradeName: string;
const HEAD = PEOPLE_SHEET.columns.map((c) => c.header);

beforeAll(async () => {
  env = await makeTestEnv();
  admin = await sessionAs(env, 'admin');
  const u = await buildUnit(env);
  unitName = u.name;
  otherUnitName = (await buildUnit(env)).name;
  unitSession = await sessionAs(env, 'unit', { unitId: u.id });
  tradeName = (await buildTrade(env, '车工')).name;
});
afterAll(() => env.close());

function upload(s: Session, kind: string, file: Buffer, name = 'people.xlsx') {
  const m = multipart(file, name);
  return env.app.inject({ method: 'POST', url: `/api/imports/${kind}`, payload: m.payload, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': m.contentType } });
}
const commit = (s: Session, batchId: string, mode: 'valid' | 'strict') => call(env, s, 'POST', `/api/imports/batches/${batchId}/commit`, { mode });
const row = (name: string, id: string, unit = unitName, trade = tradeName) => [name, '', id, '13800001234', unit, trade, '高级工', '是', 5];
const peopleCount = async (s: Session) => (await call(env, s, 'GET', '/api/people?pageSize=1')).json().total as number;

describe('Excel import of people: template, row report, atomic commit', () => {
  it('offers a template with Chinese headers, required marks and drop-down lists', async () => {
    const res = await call(env, unitSession, 'GET', '/api/imports/templates/people');
    expect(res.statusCode).toBe(200);
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('人员导入模板.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const ws = wb.worksheets[0]!;
    const headers = (ws.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(['姓名*', '性别', '身份证号*', '手机号', '单位', '工种', '等级', '是否一线', '本工种年限']);
    expect(ws.getCell('B2').dataValidation).toMatchObject({ type: 'list' });
    expect(ws.getColumn(3).numFmt).toBe('@');
  });

  it('reports every bad row by row, column and reason; strict commits nothing; valid commits the good rows once', async () => {
    const registered = await buildPerson(env, (await buildUnit(env)).id);
    const good1 = testIdNumber();
    const good2 = testIdNumber('F');
    const badCheck = testIdNumber().slice(0, 17);
    const file = await makeXlsx([
      HEAD,
      row('好人甲', good1),
      // a check character that is not the right one (the right one depends on the other 17)
      row('坏校验', badCheck + (checkCharacter(badCheck) === '0' ? '1' : '0')),
      row('重复者', good1),
      row('错工种', testIdNumber(), unitName, '厨师'),
      row('已登记', registered.idNumber),
      row('好人乙', good2),
      ['', '', '', '', '', '', '', '', ''],
      ['缺名', '', testIdNumber(), '12345', '', '', '', '', ''],
    ]);
    const before = await peopleCount(admin);
    const res = await upload(admin, 'people', file);
    expect(res.statusCode).toBe(200);
    const preview = res.json();
    expect(preview).toMatchObject({ total: 7, valid: 2, invalidRows: 5, status: 'previewed' });
    const byRow = Object.fromEntries(preview.issues.map((i: { row: number }) => [i.row, i]));
    expect(byRow[3]).toMatchObject({ column: 'C', header: '身份证号', reason: expect.stringMatching(/校验位|出生日期|只能是数字/) });
    expect(byRow[4]).toMatchObject({ column: 'C', reason: '身份证号与第 2 行重复' });
    expect(byRow[5]).toMatchObject({ column: 'F', header: '工种', reason: '工种“厨师”不存在' });
    expect(byRow[6]).toMatchObject({ column: 'C', reason: '身份证号已登记' });
    const row9 = preview.issues.filter((i: { row: number }) => i.row === 9).map((i: { header: string }) => i.header);
    expect(row9).toEqual(expect.arrayContaining(['手机号', '单位']));

    const strict = await commit(admin, preview.batchId, 'strict');
    expect(strict.statusCode).toBe(422);
    expect(strict.json().error.message).toContain('5 行有误');
    expect(await peopleCount(admin)).toBe(before);

    const ok = await commit(admin, preview.batchId, 'valid');
    expect(ok.json()).toMatchObject({ inserted: 2, skipped: 0 });
    expect(await peopleCount(admin)).toBe(before + 2);
    expect((await commit(admin, preview.batchId, 'valid')).statusCode).toBe(409);

    const again = (await upload(admin, 'people', file)).json();
    expect(again.valid).toBe(0);
    expect(again.issues.filter((i: { reason: string }) => i.reason === '身份证号已登记').length).toBe(3);
  });

  it('commits in strict mode when every row is valid', async () => {
    const file = await makeXlsx([HEAD, row('严格甲', testIdNumber()), row('严格乙', testIdNumber())]);
    const preview = (await upload(admin, 'people', file)).json();
    expect((await commit(admin, preview.batchId, 'strict')).json()).toMatchObject({ inserted: 2 });
  });

  it('puts a unit account\'s rows into its own unit and refuses another unit\'s name', async () => {
    const file = await makeXlsx([HEAD, row('本单位', testIdNumber(), ''), row('他单位', testIdNumber(), otherUnitName)]);
    const preview = (await upload(unitSession, 'people', file)).json();
    expect(preview.valid).toBe(1);
    expect(preview.issues[0]).toMatchObject({ row: 3, header: '单位' });
    await commit(unitSession, preview.batchId, 'valid');
    const mine = (await call(env, unitSession, 'GET', '/api/people?q=本单位')).json();
    expect(mine.items[0].unitId).toBe(unitSession.unitId);
  });

  it('skips, at commit, rows registered by someone else since the preview', async () => {
    const id = testIdNumber();
    const preview = (await upload(admin, 'people', await makeXlsx([HEAD, row('抢先', id)]))).json();
    expect((await call(env, unitSession, 'POST', '/api/people', { name: '抢先', idNumber: id })).statusCode).toBe(200);
    expect((await commit(admin, preview.batchId, 'valid')).json()).toMatchObject({ inserted: 0, skipped: 1 });
  });

  it('keeps the staged rows sealed, and names with tabs, line breaks and % intact', async () => {
    const id = testIdNumber();
    const name = '%0A王\t五%\n六%25';
    const preview = (await upload(admin, 'people', await makeXlsx([HEAD, [name, '', id, '13912345678', unitName, tradeName, '', '', null]]))).json();
    expect(preview.valid).toBe(1);
    const [staged] = await env.database.db.select({ p: importBatches.payload }).from(importBatches).where(eq(importBatches.id, preview.batchId));
    expect(staged!.p).not.toContain(id);
    expect(staged!.p).not.toContain('13912345678');
    expect(staged!.p).not.toContain('\n');
    expect((await commit(admin, preview.batchId, 'valid')).json()).toMatchObject({ inserted: 1, skipped: 0 });
    const [person] = await env.database.db.select().from(people).where(eq(people.idNumberHash, env.pii.hash('idNumber', id)));
    expect(person).toMatchObject({ name, gender: 'M', phoneMasked: '139****5678', level: null, frontLine: true, yearsInTrade: null });
    expect(env.pii.decrypt(person!.idNumberEnc)).toBe(id);
    expect(env.pii.decrypt(person!.phoneEnc!)).toBe('13912345678');
    expect(person!.phoneHash).toBe(env.pii.hash('phone', '13912345678'));
  });

  it('commits a batch with no valid rows as nothing', async () => {
    const preview = (await upload(admin, 'people', await makeXlsx([HEAD, row('无效', '123')]))).json();
    expect(preview).toMatchObject({ total: 1, valid: 0 });
    expect((await commit(admin, preview.batchId, 'valid')).json()).toMatchObject({ inserted: 0, skipped: 0 });
  });

  it('keeps batches private to their uploader', async () => {
    const preview = (await upload(admin, 'people', await makeXlsx([HEAD, row('私有', testIdNumber())]))).json();
    expect((await call(env, unitSession, 'GET', `/api/imports/batches/${preview.batchId}`)).statusCode).toBe(404);
    expect((await commit(unitSession, preview.batchId, 'valid')).statusCode).toBe(404);
  });
});

describe('hostile and broken files get a clear refusal', () => {
  it('refuses a file that is not an .xlsx', async () => {
    const res = await upload(admin, 'people', Buffer.from('姓名,身份证号\n张三,1\n'), 'people.csv');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'BAD_FILE', message: expect.stringContaining('不是有效的 Excel') });
  });

  it('refuses a zip bomb by counting inflated bytes', async () => {
    const bomb = makeZip([{ name: 'xl/workbook.xml', data: Buffer.alloc(1000) }, { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(300 * 1024 * 1024) }]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const res = await upload(admin, 'people', bomb);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('解压后超过');
  });

  it('refuses an archive that lies about its sizes', async () => {
    const liar = makeZip([{ name: 'xl/workbook.xml', data: Buffer.alloc(50_000), declaredSize: 10 }]);
    const res = await upload(admin, 'people', liar);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('BAD_FILE');
  });

  it('refuses a file over the size limit with 413', async () => {
    const res = await upload(admin, 'people', Buffer.alloc(21 * 1024 * 1024, 1));
    expect(res.statusCode).toBe(413);
  });

  it('refuses a sheet without the required headers, naming them', async () => {
    const res = await upload(admin, 'people', await makeXlsx([['名字', '号码'], ['张三', '1']]));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('姓名、身份证号');
  });

  it('refuses a workbook with headers but no data', async () => {
    const res = await upload(admin, 'people', await makeXlsx([HEAD]));
    expect(res.json().error.message).toContain('没有数据行');
  });
});

describe('Excel import of units and accounts', () => {
  it('imports units, refusing duplicates and bad credit codes', async () => {
    const file = await makeXlsx([
      ['单位名称', '类别', '统一社会信用代码', '所在区县', '联系人', '联系电话'],
      ['江川新材料有限公司', '企业', '91330100MA2ABCDE1X', '东城区', '李四', '13700001111'],
      ['江川新材料有限公司', '企业', null, null, null, null],
      ['某学校', '大学', 'BADCODE', null, null, null],
      [unitName, '企业', null, null, null, null],
      ['江川数字代码有限公司', '企业', Number('913301001234567890'), null, null, null], // 18 digits typed into a number cell
    ]);
    const preview = (await upload(admin, 'units', file)).json();
    expect(preview).toMatchObject({ total: 5, valid: 1 });
    expect(preview.issues.map((i: { row: number; header: string }) => `${i.row}${i.header}`)).toEqual(['3单位名称', '4类别', '4统一社会信用代码', '5单位名称', '6统一社会信用代码']);
    expect(preview.issues.at(-1).reason).toBe(CODE_STORED_AS_NUMBER);
    expect((await commit(admin, preview.batchId, 'valid')).json()).toMatchObject({ inserted: 1 });
    expect((await call(env, unitSession, 'GET', '/api/imports/templates/units')).statusCode).toBe(403);
  });

  it('imports accounts and hands back each one-time password once', async () => {
    const file = await makeXlsx([
      ['用户名', '姓名或名称', '角色', '手机号', '所属单位', '所属机构'],
      ['judge_x1', '赵裁判', '裁判', null, unitName, null],
      ['unit_x1', '某单位账号', '单位', null, null, null],
    ]);
    const preview = (await upload(admin, 'accounts', file)).json();
    expect(preview.valid).toBe(1);
    expect(preview.issues[0]).toMatchObject({ row: 3, reason: '单位账号须指定单位' });
    const r = (await commit(admin, preview.batchId, 'valid')).json();
    expect(r.oneTimePasswords).toEqual([{ username: 'judge_x1', oneTimePassword: expect.any(String) }]);
    const login = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'judge_x1', password: r.oneTimePasswords[0].oneTimePassword } });
    expect(login.json().mustChangePassword).toBe(true);
  });
});

/**
 * An administrator imports people from Excel through the console: downloads the template, fills
 * two good rows and one with a wrong ID check character, uploads it, reads the row report, imports
 * the valid rows, and finds an imported person in the list with the ID number masked.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from '../src/server/excel/exceljs.js';
import { checkIdNumber, makeIdNumber } from '../src/shared/idcard';
import { mask } from '../src/shared/mask';
import { fetchInPage, launchBrowser, POLL, loginThroughUi, newContext, screenshot, screenshotOnFailure } from './support/browser';
import { startServer, type TestServer } from './support/server';
import { DEMO_PEOPLE_COUNT } from '../src/server/demo/data.js';
import { SELECTION_PEOPLE_COUNT } from '../src/server/demo/selection-data.js';
import { TRAINING_PEOPLE_COUNT } from '../src/server/demo/training-data.js';

type Unit = { id: number; name: string; kind: string };
type Trade = { id: number; name: string };
type PersonRow = { id: number; name: string; idNumberMasked: string; unitName: string; tradeName: string | null };
type Page_<T> = { items: T[]; total: number };

/** The demo registry: the competition's 980, the selection's 330 and the training programmes' 1,292 trainees. */
const DEMO_PEOPLE = DEMO_PEOPLE_COUNT + SELECTION_PEOPLE_COUNT + TRAINING_PEOPLE_COUNT;

/** Names no demo person has (复姓 are not among the demo surnames). */
const GOOD = [
  { name: '司马测甲', gender: '男', id: makeIdNumber('110101', '1990-03-07', 123, 'M'), phone: '13912345678', level: '高级工', frontLine: '是', years: 8 },
  { name: '欧阳测乙', gender: '女', id: makeIdNumber('320102', '1995-11-30', 246, 'F'), phone: '', level: '中级工', frontLine: '否', years: 3 },
];
const BAD_BASE = makeIdNumber('440103', '1988-06-15', 357, 'M');
const BAD = { name: '诸葛测丙', id: BAD_BASE.slice(0, 17) + (BAD_BASE[17] === '0' ? '1' : '0') };

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  context = await newContext(browser, server.baseUrl);
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

screenshotOnFailure('admin-import', () => page);

/** The data rows of an antd table inside `testId`, each as its cells' texts. */
async function tableRows(testId: string): Promise<string[][]> {
  const rows = page.getByTestId(testId).locator('tbody tr.ant-table-row');
  const n = await rows.count();
  const out: string[][] = [];
  for (let i = 0; i < n; i++) out.push((await rows.nth(i).getByRole('cell').allInnerTexts()).map((s) => s.trim()));
  return out;
}

async function waitForTableIdle(testId: string) {
  await expect.poll(() => page.getByTestId(testId).locator('.ant-spin-spinning').count(), POLL).toBe(0);
}

describe('people import by an administrator', () => {
  it('has valid test data', () => {
    for (const g of GOOD) expect(checkIdNumber(g.id).ok).toBe(true);
    const bad = checkIdNumber(BAD.id);
    expect(bad.ok).toBe(false);
    expect(bad.ok === false && bad.problem).toBe('checkCharacter');
  });

  it('imports the valid rows, reports the bad one, and lists the person with a masked ID number', async () => {
    await loginThroughUi(page, 'admin', server.passwordOf('admin'));
    await page.getByRole('menuitem', { name: '人员' }).click();
    await page.waitForURL(/\/admin\/people$/);
    await page.getByText(`共 ${DEMO_PEOPLE} 条`).waitFor();

    // A demo enterprise and a demo trade, as the registry knows them.
    const units = await fetchInPage<Page_<Unit>>(page, '/api/units?pageSize=200');
    expect(units.status).toBe(200);
    const unit = units.body.items.find((u) => u.kind === 'enterprise');
    expect(unit, 'a demo enterprise').toBeDefined();
    const trades = await fetchInPage<Trade[]>(page, '/api/trades');
    expect(trades.body.map((t) => t.name)).toContain('车工');

    // 1. The template, downloaded with the button.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载模板' }).click()]);
    expect(download.suggestedFilename()).toBe('人员导入模板.xlsx');
    const template = await download.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(template);
    const ws = wb.getWorksheet('人员');
    expect(ws, 'the template has a 人员 sheet').toBeDefined();
    const headers: string[] = [];
    ws!.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => (headers[col - 1] = String(cell.value ?? '')));
    expect(headers).toEqual(['姓名*', '性别', '身份证号*', '手机号', '单位', '工种', '等级', '是否一线', '本工种年限']);

    // 2. Two good rows and, between them, one whose ID number has a wrong check character.
    const col = (h: string) => headers.findIndex((x) => x.replace('*', '') === h) + 1;
    const fill = (r: number, values: Record<string, string | number>) => {
      for (const [h, v] of Object.entries(values)) ws!.getCell(r, col(h)).value = v;
    };
    fill(2, { 姓名: GOOD[0]!.name, 性别: GOOD[0]!.gender, 身份证号: GOOD[0]!.id, 手机号: GOOD[0]!.phone, 单位: unit!.name, 工种: '车工', 等级: GOOD[0]!.level, 是否一线: GOOD[0]!.frontLine, 本工种年限: GOOD[0]!.years });
    fill(3, { 姓名: BAD.name, 身份证号: BAD.id, 单位: unit!.name, 工种: '车工' });
    fill(4, { 姓名: GOOD[1]!.name, 性别: GOOD[1]!.gender, 身份证号: GOOD[1]!.id, 单位: unit!.name, 工种: '车工', 等级: GOOD[1]!.level, 是否一线: GOOD[1]!.frontLine, 本工种年限: GOOD[1]!.years });
    const filled = Buffer.from(await wb.xlsx.writeBuffer());

    // 3. Upload through the 导入 button's file chooser: the row-by-row check opens.
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: '导入', exact: true }).click()]);
    const [uploaded] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/imports/people', { timeout: 60_000 }),
      chooser.setFiles({ name: '人员导入-e2e.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: filled }),
    ]);
    expect(uploaded.status(), await uploaded.text()).toBe(200);
    const dialog = page.getByRole('dialog', { name: '导入预检：人员导入-e2e.xlsx' });
    await dialog.waitFor();
    const summary = (await dialog.getByTestId('import-summary').innerText()).replace(/\s+/g, '');
    expect(summary).toContain('总行数3');
    expect(summary).toContain('有效行2');
    expect(summary).toContain('无效行1');
    // The report names the bad row (spreadsheet row 3), its column, header and reason, and nothing else.
    expect(await tableRows('import-issues')).toEqual([['3', 'C', '身份证号', '身份证号校验位错误']]);
    await screenshot(page, 'admin-import-preview');

    // 4. Import the valid rows.
    await dialog.getByRole('button', { name: '导入有效行' }).click();
    await page.getByText('已导入 2 行，跳过 0 行').waitFor();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(`共 ${DEMO_PEOPLE + 2} 条`).waitFor();

    // 5. Search the list for an imported person: the ID number is masked, never shown in full.
    await page.getByPlaceholder('姓名').fill(GOOD[0]!.name);
    await page.getByRole('button', { name: '搜索' }).click();
    await page.getByText('共 1 条').waitFor();
    await waitForTableIdle('people-table');
    const masked = mask('idNumber', GOOD[0]!.id)!;
    expect(masked).toMatch(/^110\*{11}\d{3}[\dX]$/);
    expect(masked.slice(-4)).toBe(GOOD[0]!.id.slice(-4));
    const rows = await tableRows('people-table');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toEqual([GOOD[0]!.name, '男', masked, '139****5678', unit!.name, '车工', '高级工', '是']);
    for (const g of GOOD) {
      expect(await page.content()).not.toContain(g.id);
      expect(await page.locator('body').innerText()).not.toContain(g.id);
    }

    // The person's details open masked too (the full number needs the audited 查看完整信息).
    await page.getByTestId('people-table').getByRole('cell', { name: GOOD[0]!.name, exact: true }).click();
    const drawer = page.getByRole('dialog', { name: GOOD[0]!.name });
    await drawer.getByText(masked, { exact: true }).waitFor();
    expect(await drawer.getByRole('button', { name: '查看完整信息' }).isVisible()).toBe(true);
    expect(await page.content()).not.toContain(GOOD[0]!.id);
    await screenshot(page, 'admin-import-person');

    // The registry agrees: the second good row is in, the bad row is not.
    const second = await fetchInPage<Page_<PersonRow>>(page, `/api/people?q=${encodeURIComponent(GOOD[1]!.name)}`);
    expect(second.body.total).toBe(1);
    expect(second.body.items[0]).toMatchObject({ name: GOOD[1]!.name, idNumberMasked: mask('idNumber', GOOD[1]!.id), unitName: unit!.name, tradeName: '车工' });
    const bad = await fetchInPage<Page_<PersonRow>>(page, `/api/people?q=${encodeURIComponent(BAD.name)}`);
    expect(bad.body.total).toBe(0);
  });
});

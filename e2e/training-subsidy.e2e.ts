/**
 * 培训补贴申请 in the browser: on a fresh deployment, a finished new-technician class with its
 * sessions, trainees, attendance and appraisal results (set up through the API and, for the pieces
 * other helpers' screens will write, directly in the database between two starts of the server);
 * the organizer imports the appraisal results on the 鉴定 tab (a sheet with a wrong name is refused
 * by row and column first), then opens the 补贴申请 tab, computes the claim and exports the payment list; the
 * downloaded .xlsx is read back with ExcelJS and its total checked against the hand-computed one.
 * Screenshots of the 鉴定 and 补贴申请 tabs at 1440 px and 390 px go to /tmp.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../src/shared/idcard';
import ExcelJS from '../src/server/excel/exceljs';
import { openDatabase } from '../src/server/db/client';
import { trainingSessions } from '../src/server/training/programmes/tables';
import { trainingEnrolments } from '../src/server/training/enrolment/tables';
import { trainingAttendance } from '../src/server/training/attendance/tables';
import { ApiSession } from './support/competition';
import { launchBrowser, loginThroughUi, newContext, POLL, screenshotOnFailure } from './support/browser';
import { startServer, type TestServer } from './support/server';

const ADMIN_PASSWORD = 'Fresh-Training-Subsidy-2026!';
let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page | undefined;
let classId: number;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'skillmonth-e2e-subsidy-'));

/**
 * The hand-computed claim: fees 2400 + 600 yuan, rule 80 %, 5 sessions held.
 *   张伟 5/5, passed        2400 + 600 = 3000
 *   李强 4/5 (one late), 缺考 2400      = 2400
 *   王磊 3/5               0 (60 % < 80 %)
 * total 5400.00 yuan.
 */
const TOTAL = 5400;

/** A workbook of one sheet with these rows (the appraisal centre's file). */
async function sheet(rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('技师鉴定成绩');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

beforeAll(async () => {
  const start = (fresh: boolean) => startServer({ demo: false, adminPassword: ADMIN_PASSWORD, dataDir, keepDataDir: true, fresh });
  server = await start(true);
  const admin = await ApiSession.login(server.baseUrl, 'admin', ADMIN_PASSWORD);
  const tag = Date.now().toString(36).slice(-5);
  const trade = await admin.post<{ id: number }>('/api/trades', { code: `DG${tag}`, name: `维修电工${tag}` });
  const college = await admin.post<{ id: number }>('/api/units', { name: `江川市技师学院${tag}`, kind: 'school' });
  const employer = await admin.post<{ id: number }>('/api/units', { name: `江川机床厂${tag}`, kind: 'enterprise' });
  const names = ['张伟', '李强', '王磊'];
  const people: { id: number }[] = [];
  for (const [i, name] of names.entries()) {
    people.push(await admin.post('/api/people', { name, idNumber: makeIdNumber('330106', `1975-04-1${i + 1}`, 11 + i, 'M'), unitId: employer.id, tradeId: trade.id, level: 3, frontLine: true }));
  }
  const programme = await admin.post<{ id: number }>('/api/training/programmes', { kind: 'new-technician', name: '新技师培养带动计划', plannedTrainees: 200, plannedClasses: 2, trainingFeeYuan: 2400, appraisalFeeYuan: 600 });
  const cls = await admin.post<{ id: number }>('/api/training/classes', {
    programmeId: programme.id, name: '第一期（维修电工）', targetGroup: 'new-technicians', curriculum: 'syllabus', tradeIds: [trade.id], collegeUnitId: college.id,
    plannedStartOn: '2009-05-13', plannedEndOn: '2009-06-21', plannedSize: 50, quota: 90,
  });
  classId = cls.id;
  await admin.post(`/api/training/classes/${classId}/status`, { to: 'enrolling', version: 1 });
  await admin.post(`/api/training/classes/${classId}/status`, { to: 'running', version: 2, on: '2009-05-13' });
  await admin.dispose();
  await server.stop();

  // The enrolment, attendance and appraisal helpers' records, written as they would be.
  const database = await openDatabase({ pgliteDir: path.join(dataDir, 'pgdata') });
  const db = database.db;
  const now = new Date();
  const sessions = await db.insert(trainingSessions).values([13, 14, 15, 16, 17].map((d, i) => ({
    classId, day: `2009-05-${d}`, startsAt: '08:30', endsAt: '11:30', topic: `第${i + 1}讲`, createdAt: now, updatedAt: now,
  }))).returning({ id: trainingSessions.id });
  const enrolments = await db.insert(trainingEnrolments).values(people.map((p, i) => ({
    classId, personId: p.id, status: 'enrolled' as const, source: 'employer' as const, unitId: employer.id, confirmedLevel: 3, examNumber: `NT2009${i + 1}`, createdAt: now, updatedAt: now,
  }))).returning({ id: trainingEnrolments.id });
  const marks = ['PPPPP', 'PLPAP', 'PPPAA'];
  const status = { P: 'present', L: 'late', A: 'absent' } as const;
  await db.insert(trainingAttendance).values(enrolments.flatMap((e, i) => [...marks[i]!].map((m, j) => ({
    sessionId: sessions[j]!.id, enrolmentId: e.id, status: status[m as 'P'], method: 'roster' as const, recordedAt: now,
  }))));
  await database.close();

  server = await start(false);
  const again = await ApiSession.login(server.baseUrl, 'admin', ADMIN_PASSWORD);
  await again.post(`/api/training/classes/${classId}/status`, { to: 'finished', version: 3, on: '2009-06-21' });
  await again.dispose();
  browser = await launchBrowser();
}, 600_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

screenshotOnFailure('training-subsidy', () => page);

describe('training subsidy claim', () => {
  it('the organizer computes the claim and exports the payment list, whose total is the hand-computed one', async () => {
    context = await newContext(browser, server.baseUrl, { viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
    await loginThroughUi(page, 'admin', ADMIN_PASSWORD);
    await page.goto(`${server.baseUrl}/admin/training/classes/${classId}?tab=appraisal`);
    const HEAD = ['准考证号', '姓名', '理论成绩', '实操成绩', '缺考', '鉴定日期'];
    const upload = async (rows: (string | number | null)[][]) =>
      page!.locator('input[type=file]').setInputFiles({ name: '技师鉴定成绩.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await sheet([HEAD, ...rows]) });
    await upload([['NT20091', '张伟', 82, 88, '否', '2009-06-25'], ['NT20092', '李刚', null, null, '是', '2009-06-25']]);
    const refusal = page.getByRole('dialog');
    await expect.poll(() => refusal.getByText('B3').count(), POLL).toBe(1);
    await expect.poll(() => refusal.getByText(/与准考证号 NT20092 的学员「李强」不一致/).count(), POLL).toBe(1);
    await page.screenshot({ path: '/tmp/training-appraisal-refused-1440.png' });
    await page.locator('.ant-modal-close').click();
    await upload([['NT20091', '张伟', 82, 88, '否', '2009-06-25'], ['NT20092', '李强', null, null, '是', '2009-06-25']]);
    await expect.poll(() => page!.getByText(/新记录 2 人（合格 1 人）/).count(), POLL).toBe(1);
    await expect.poll(() => page!.getByText(/技师 · 维修电工/).count(), POLL).toBe(1);
    await page.screenshot({ path: '/tmp/training-appraisal-1440.png', fullPage: true });

    await page.goto(`${server.baseUrl}/admin/training/classes/${classId}?tab=subsidy`);
    await page.getByTestId('claim-compute').click();
    await expect.poll(() => page!.getByTestId('claim-total').textContent(), POLL).toBe('5,400.00');
    await expect.poll(() => page!.getByText('出勤 3/5 次（60%），未达到 80%').count(), POLL).toBe(1);
    await page.screenshot({ path: '/tmp/training-subsidy-1440.png', fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出发放名单/ }).click()]);
    const file = await download.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file!);
    const rows: unknown[][] = [];
    wb.worksheets[0]!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    const header = rows.findIndex((r) => r[0] === '序号');
    const lines = rows.slice(header + 1, header + 4);
    expect(lines.map((r) => r[1])).toEqual(['张伟', '李强', '王磊']);
    expect(lines.map((r) => r[10])).toEqual([3000, 2400, 0]);
    const totals = rows[header + 4]!;
    expect(totals[0]).toBe('合计');
    expect(totals[10]).toBe(TOTAL);
    expect(lines.reduce((s, r) => s + (r[10] as number), 0)).toBe(TOTAL);
    expect(rows.map((r) => r.join('')).join('\n')).toContain('班级：第一期（维修电工）');

    await page.goto(`${server.baseUrl}/admin/training/classes/${classId}?tab=appraisal`);
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => page!.getByText('NT20091').count(), POLL).toBe(1);
    await page.screenshot({ path: '/tmp/training-appraisal-390.png', fullPage: true });
    await page.goto(`${server.baseUrl}/admin/training/classes/${classId}?tab=subsidy`);
    await expect.poll(() => page!.getByTestId('claim-total').textContent(), POLL).toBe('5,400.00');
    await page.screenshot({ path: '/tmp/training-subsidy-390.png', fullPage: true });
  });
});

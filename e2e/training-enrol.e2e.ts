/**
 * 新技师推荐 in the browser, on a fresh deployment set up through the API (a new-technician
 * programme and class taking enrolments, a college and an employer with their unit accounts, a
 * 高级工 worker): the employer nominates the worker on the 推荐学员 tab, confirming the level; the
 * college accepts on the 学员 tab; the employer sees the decision. Screenshots at 1440 and 390 px.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../src/shared/idcard';
import { ApiSession } from './support/competition';
import { launchBrowser, loginThroughUi, newContext, POLL, screenshot, screenshotOnFailure } from './support/browser';
import { startServer, type TestServer } from './support/server';

const ADMIN_PASSWORD = 'Fresh-Training-Jiangchuan-2026!';
const PASSWORD = 'Enrol2026-e2e-pass';
const WORKER = '高级工王师傅';

let server: TestServer;
let browser: Browser;
let employerContext: BrowserContext;
let collegeContext: BrowserContext;
let employerPage: Page;
let adminContext: BrowserContext;
let collegePage: Page;
let admin: ApiSession;
let classId: number;
let current: Page | undefined;

beforeAll(async () => {
  server = await startServer({ demo: false, adminPassword: ADMIN_PASSWORD });
  admin = await ApiSession.login(server.baseUrl, 'admin', ADMIN_PASSWORD);
  const college = await admin.post<{ id: number }>('/api/units', { name: '江川市技师学院', kind: 'school', district: '江北区' });
  const employer = await admin.post<{ id: number }>('/api/units', { name: '江川重型机械厂', kind: 'enterprise', district: '江北区' });
  await admin.post('/api/accounts', { username: 'college1', displayName: '江川市技师学院', role: 'unit', unitId: college.id, password: PASSWORD });
  await admin.post('/api/accounts', { username: 'employer1', displayName: '江川重型机械厂', role: 'unit', unitId: employer.id, password: PASSWORD });
  await admin.post('/api/people', { name: WORKER, idNumber: makeIdNumber('330106', '1975-04-12', 37, 'M'), unitId: employer.id, level: 3, frontLine: true });
  await admin.post('/api/people', { name: '中级工李', idNumber: makeIdNumber('330106', '1980-02-03', 41, 'M'), unitId: employer.id, level: 4, frontLine: true });
  const programme = await admin.post<{ id: number }>('/api/training/programmes', { kind: 'new-technician', name: '新技师培养带动计划', plannedTrainees: 200, plannedClasses: 2 });
  const cls = await admin.post<{ id: number; version: number }>('/api/training/classes', {
    programmeId: programme.id, name: '新技师第一期（电工、钳工）', targetGroup: 'new-technicians', curriculum: 'syllabus', collegeUnitId: college.id,
    plannedStartOn: '2009-05-13', plannedEndOn: '2009-06-21', plannedSize: 50, quota: 90, unitQuota: 10,
  });
  classId = cls.id;
  await admin.post(`/api/training/classes/${cls.id}/status`, { to: 'enrolling', version: cls.version });
  browser = await launchBrowser();
  employerContext = await newContext(browser, server.baseUrl, { viewport: { width: 1440, height: 900 } });
  collegeContext = await newContext(browser, server.baseUrl, { viewport: { width: 1440, height: 900 } });
  employerPage = await employerContext.newPage();
  collegePage = await collegeContext.newPage();
});

afterAll(async () => {
  await admin?.dispose();
  await adminContext?.close();
  await employerContext?.close();
  await collegeContext?.close();
  await browser?.close();
  await server?.stop();
});

screenshotOnFailure('training-enrol', () => current);

describe('新技师: the employer nominates, the college accepts', () => {
  it('the employer picks its 高级工, confirms the level and nominates', async () => {
    const page = (current = employerPage);
    await loginThroughUi(page, 'employer1', PASSWORD);
    await page.goto(`/admin/training/classes/${classId}?tab=nominate`);
    const people = page.getByTestId('nominate-people');
    await people.getByRole('row').filter({ hasText: WORKER }).click();
    await expect.poll(() => page.getByText(`已选择：${WORKER}`).count(), POLL).toBe(1);
    const submit = page.getByRole('button', { name: '推荐', exact: true });
    expect(await submit.isDisabled()).toBe(true);
    await page.getByText('我单位确认该职工持有高级工或以上职业资格').click();
    await submit.click();
    const mine = page.getByTestId('nominations');
    await expect.poll(() => mine.getByRole('row').filter({ hasText: WORKER }).filter({ hasText: '已推荐' }).count(), POLL).toBe(1);
    await screenshot(page, 'training-enrol-employer-1440');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'training-enrol-employer-390');
  });

  it('the college accepts the nomination on its 学员 tab', async () => {
    const page = (current = collegePage);
    await loginThroughUi(page, 'college1', PASSWORD);
    await page.goto(`/admin/training/classes/${classId}?tab=enrolment`);
    const row = page.getByTestId('enrolment-table').getByRole('row').filter({ hasText: WORKER });
    await row.getByRole('button', { name: '录取', exact: true }).click();
    await expect.poll(() => row.filter({ hasText: '已录取' }).count(), POLL).toBe(1);
    // Masked ID numbers only.
    expect(await row.textContent()).toContain('330***********');
    await screenshot(page, 'training-enrol-college-1440');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'training-enrol-college-390');
  });

  it('the employer sees the decision', async () => {
    const page = (current = employerPage);
    await page.reload();
    const mine = page.getByTestId('nominations');
    await expect.poll(() => mine.getByRole('row').filter({ hasText: WORKER }).filter({ hasText: '已录取' }).count(), POLL).toBe(1);
  });

  it('the staff enrol a new person on screen and issue the trainees\' accounts with one-time passwords', async () => {
    adminContext = await newContext(browser, server.baseUrl, { viewport: { width: 1440, height: 900 } });
    const page = (current = await adminContext.newPage());
    await loginThroughUi(page, 'admin', ADMIN_PASSWORD);
    await page.goto(`/admin/training/classes/${classId}?tab=enrolment`);
    await page.getByRole('button', { name: '录入学员' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('tab', { name: '新人员' }).click();
    await dialog.getByLabel('姓名').fill('新学员赵');
    await dialog.getByLabel('身份证号').fill(makeIdNumber('330106', '1979-08-08', 53, 'M'));
    await dialog.getByLabel('单位').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '江川重型机械厂' }).first().click();
    await screenshot(page, 'training-enrol-staff-add-1440');
    await dialog.getByRole('button', { name: '录 入' }).or(dialog.getByRole('button', { name: '录入', exact: true })).click();
    const table = page.getByTestId('enrolment-table');
    await expect.poll(() => table.getByRole('row').filter({ hasText: '新学员赵' }).filter({ hasText: '已录取' }).count(), POLL).toBe(1);
    await page.getByRole('button', { name: '开通学员账号' }).click();
    const otp = page.getByRole('dialog').filter({ hasText: '新学员赵' });
    await expect.poll(() => otp.count(), POLL).toBe(1);
    expect(await otp.textContent()).toContain(WORKER);
    await screenshot(page, 'training-enrol-staff-accounts-1440');
  });
});

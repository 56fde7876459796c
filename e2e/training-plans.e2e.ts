/**
 * 创业计划书 and 结业 on screen, on a fresh deployment: the administrator (training staff) opens an
 * entrepreneurship class and, in its 创业计划书 tab, sets up the panel (rubric, commendation rule,
 * a judge account) through the form; the 结业 tab shows the rule and that outcomes come at the end;
 * the judge, on a 390 px phone, finds 创业计划书评审 in the menu and sees no plans assigned yet.
 * Screenshots go to test-results/e2e-training-*.png.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, loginThroughUi, newContext, POLL, screenshot, screenshotOnFailure } from './support/browser';
import { ApiSession } from './support/competition';
import { startServer, type TestServer } from './support/server';

const ADMIN_PASSWORD = 'Fresh-Training-Plans-2026!';
const JUDGE_PASSWORD = 'Judge-Plans-2026e2e';
let server: TestServer;
let browser: Browser;
let desk: BrowserContext;
let phone: BrowserContext;
let page: Page;
let classId = 0;

beforeAll(async () => {
  server = await startServer({ demo: false, adminPassword: ADMIN_PASSWORD, fresh: true });
  browser = await launchBrowser();
  const admin = await ApiSession.login(server.baseUrl, 'admin', ADMIN_PASSWORD);
  const programme = await admin.post<{ id: number }>('/api/training/programmes', { kind: 'entrepreneurship', name: '创业培训', trainingFeeYuan: 800 });
  const cls = await admin.post<{ id: number; version: number }>('/api/training/classes', {
    programmeId: programme.id, name: '高校毕业生SYB创业培训第1班', targetGroup: 'graduates', curriculum: 'SYB', venue: '市就业训练中心',
    plannedStartOn: '2009-03-28', plannedEndOn: '2009-05-27', graduationOn: '2009-05-27', plannedSize: 35, quota: 40,
  });
  classId = cls.id;
  const moved = await admin.post<{ version: number }>(`/api/training/classes/${classId}/status`, { to: 'enrolling', version: cls.version });
  await admin.post(`/api/training/classes/${classId}/status`, { to: 'running', version: moved.version, on: '2009-03-28' });
  const unit = await admin.post<{ id: number }>('/api/units', { name: '创业指导中心', kind: 'department' });
  await admin.post('/api/accounts', { username: 'planjudge', displayName: '评审专家甲', role: 'judge', unitId: unit.id, password: JUDGE_PASSWORD });
  await admin.dispose();
  desk = await newContext(browser, server.baseUrl, { viewport: { width: 1440, height: 900 } });
  page = await desk.newPage();
}, 300_000);

afterAll(async () => {
  await desk?.close();
  await phone?.close();
  await browser?.close();
  await server?.stop();
});

screenshotOnFailure('training-plans', () => page);

describe('business plans on screen', () => {
  it('the staff set up the panel in the class\'s 创业计划书 tab, and see the completion rule', async () => {
    await loginThroughUi(page, 'admin', ADMIN_PASSWORD);
    await page.goto(`/admin/training/classes/${classId}?tab=plans`);
    await page.getByText('该项目还没有评审组').waitFor();
    await page.getByLabel('评审组名称').fill('第1班创业计划书评审组');
    await page.getByLabel('评审专家（裁判账号）').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '评审专家甲' }).first().click();
    await page.keyboard.press('Escape');
    await page.getByLabel('评优名额').fill('2');
    await page.getByRole('button', { name: '组建评审组' }).click();
    await expect.poll(() => page.getByTestId('plans-progress').count(), POLL).toBe(1);
    await expect.poll(() => page.getByText('评审专家甲').count(), POLL).toBeGreaterThan(0);
    await screenshot(page, 'training-plans-panel-1440');

    await page.goto(`/admin/training/classes/${classId}?tab=completion`);
    await page.getByTestId('completion-rule').waitFor();
    expect(await page.getByTestId('completion-rule').textContent()).toContain('出勤率不低于 80%，提交创业计划书');
    await page.getByText('培训班结业时写入每名学员的结业结果').waitFor();
    await screenshot(page, 'training-completion-1440');
  });

  it('the judge finds the review page on a 390 px phone', async () => {
    phone = await newContext(browser, server.baseUrl, { viewport: { width: 390, height: 844 }, isMobile: true });
    const p = await phone.newPage();
    await loginThroughUi(p, 'planjudge', JUDGE_PASSWORD);
    await p.goto('/admin/training/plans-review');
    await p.getByText('暂无分配给您的创业计划书').waitFor();
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(p, 'training-plans-review-390');
  });
});

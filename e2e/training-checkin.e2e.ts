/**
 * 扫码签到 in the browser: the teacher's screen on a desktop shows the rotating QR and the count;
 * a trainee on a 390 px phone (its own browser context) opens the QR's address, signs in on the
 * way, and sees ✓ 已签到; the teacher's count goes to 1. Screenshots go to /tmp.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../src/shared/idcard';
import { openDatabase } from '../src/server/db/client';
import { trainingEnrolments } from '../src/server/training/enrolment/tables';
import { ApiSession } from './support/competition';
import { launchBrowser, loginThroughUi, newContext, POLL, screenshot, screenshotOnFailure } from './support/browser';
import { startServer, type TestServer } from './support/server';

const ADMIN_PASSWORD = 'Checkin-Admin-2026!';
const TRAINEE_PASSWORD = 'Trainee-Phone-2026!';

let server: TestServer;
let browser: Browser;
let desk: BrowserContext;
let phone: BrowserContext;
let teacherPage: Page;
let phonePage: Page | undefined;
let sessionId: number;
let classId: number;
let dataDir: string;

const beijing = (d = new Date()) => new Date(d.getTime() + 8 * 3_600_000).toISOString();

beforeAll(async () => {
  // Set up through the API; the enrolment is written straight into the stopped server's database
  // (enrolment's own screens are another module's), then the same data directory is started again.
  const first = await startServer({ demo: false, adminPassword: ADMIN_PASSWORD, keepDataDir: true });
  dataDir = first.dataDir;
  const admin = await ApiSession.login(first.baseUrl, 'admin', ADMIN_PASSWORD);
  const college = await admin.post<{ id: number }>('/api/units', { name: '江川市技师学院', kind: 'school', district: '江北区' });
  const person = await admin.post<{ id: number }>('/api/people', { name: '刘学员', idNumber: makeIdNumber('330106', '1990-03-04', 17, 'M'), unitId: college.id });
  await admin.post('/api/accounts', { username: 'trainee01', displayName: '刘学员', role: 'person', personId: person.id, password: TRAINEE_PASSWORD });
  const programme = await admin.post<{ id: number }>('/api/training/programmes', { kind: 'entrepreneurship', name: '创业培训', plannedTrainees: 100, trainingFeeYuan: 800 });
  const today = beijing().slice(0, 10);
  let cls = await admin.post<{ id: number; version: number }>('/api/training/classes', {
    programmeId: programme.id, name: '返乡农民工SYB创业培训班', targetGroup: 'migrant-workers', curriculum: 'SYB', venue: '镇文化站',
    plannedStartOn: today, plannedEndOn: today, plannedSize: 30, quota: 40,
  });
  classId = cls.id;
  const startsAt = beijing(new Date(Date.now() - 5 * 60_000)).slice(11, 16);
  const s = await admin.post<{ id: number }>(`/api/training/classes/${cls.id}/sessions`, { day: today, startsAt, endsAt: '23:59', room: '201', topic: '创业意识', teacherName: '王老师' });
  sessionId = s.id;
  cls = await admin.post(`/api/training/classes/${cls.id}/status`, { to: 'enrolling', version: cls.version });
  await admin.post(`/api/training/classes/${cls.id}/status`, { to: 'running', version: cls.version, on: today });
  await admin.dispose();
  await first.stop();
  const db = await openDatabase({ pgliteDir: path.join(dataDir, 'pgdata') });
  const now = new Date();
  await db.db.insert(trainingEnrolments).values({ classId, personId: person.id, status: 'enrolled', source: 'organizer', createdAt: now, updatedAt: now });
  await db.close();

  server = await startServer({ demo: false, adminPassword: ADMIN_PASSWORD, dataDir });
  browser = await launchBrowser();
  desk = await newContext(browser, server.baseUrl, { viewport: { width: 1440, height: 900 } });
  phone = await newContext(browser, server.baseUrl, { viewport: { width: 390, height: 844 }, isMobile: true });
  teacherPage = await desk.newPage();
}, 600_000);

afterAll(async () => {
  await desk?.close();
  await phone?.close();
  await browser?.close();
  await server?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

screenshotOnFailure('training-checkin', () => phonePage ?? teacherPage);

describe('QR sign-in', () => {
  it('the teacher opens sign-in and shows the QR with its address as text', async () => {
    await loginThroughUi(teacherPage, 'admin', ADMIN_PASSWORD);
    await teacherPage.goto(`/admin/training/sessions/${sessionId}/teach`);
    await teacherPage.getByRole('button', { name: '开始签到' }).click();
    await teacherPage.getByTestId('checkin-qr').waitFor();
    await expect.poll(() => teacherPage.getByTestId('checkin-url').textContent(), POLL).toMatch(/\/checkin\?c=\d+\.\d+\./);
    await expect.poll(() => teacherPage.getByText('已签到 0 / 1 人').count(), POLL).toBe(1);
    await screenshot(teacherPage, 'training-teach-desktop');
  });

  it('a trainee on a 390 px phone opens the address, signs in on the way, and is signed in; the count updates', async () => {
    const url = (await teacherPage.getByTestId('checkin-url').textContent())!.trim();
    phonePage = await phone.newPage();
    await phonePage.goto(url);
    await phonePage.waitForURL(/\/login/);
    await phonePage.getByLabel('用户名或手机号').fill('trainee01');
    await phonePage.getByLabel('密码', { exact: true }).fill(TRAINEE_PASSWORD);
    await phonePage.getByRole('button', { name: '登录', exact: true }).click();
    // Back from the login the code is posted; typing the password may outlast the code (valid
    // 10–20 s), and then the trainee, now signed in, scans the screen again.
    await phonePage.locator('.ant-result').waitFor();
    if (await phonePage.getByTestId('checkin-refused').count()) {
      expect(await phonePage.getByTestId('checkin-refused').textContent()).toMatch(/二维码已过期|已签到/);
      await phonePage.goto((await teacherPage.getByTestId('checkin-url').textContent())!.trim());
    }
    await phonePage.locator('.ant-result-success').waitFor();
    expect(await phonePage.locator('.ant-result-success').textContent()).toContain('✓ 已签到');
    await screenshot(phonePage, 'training-checkin-phone');
    await expect.poll(() => teacherPage.getByText('已签到 1 / 1 人').count(), POLL).toBe(1);
    await screenshot(teacherPage, 'training-teach-desktop-after');
  });

  it("the trainee's page shows the session attended; the class's heat map shows the QR record", async () => {
    await phonePage!.goto('/admin/training/my');
    await phonePage!.getByText('出勤 1 / 1 次（100%）').waitFor();
    await screenshot(phonePage, 'training-my-phone');
    await teacherPage.goto(`/admin/training/classes/${classId}?tab=attendance`);
    await teacherPage.getByTestId('attendance-heatmap').waitFor();
    await screenshot(teacherPage, 'training-attendance-heatmap');
    // The teacher's screen on a phone (390 px): the QR fits, the roster's toggles wrap.
    await teacherPage.setViewportSize({ width: 390, height: 844 });
    await teacherPage.goto(`/admin/training/sessions/${sessionId}/teach`);
    await teacherPage.getByTestId('checkin-qr').waitFor();
    expect(await teacherPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(teacherPage, 'training-teach-phone');
  });
});

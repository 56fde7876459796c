/**
 * The demo's training programmes (2009), browsed as their users would: the training department
 * reads plan against actual (the first new-technician batch planned at 50, opened with 83), the
 * batch's attendance heat map and its approved subsidy claim; trainee01 on a 390 px phone reads
 * their class, attendance and certificate; the public reads the class timetable on a phone.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRAINING_ACCOUNTS } from '../src/server/demo/training-data';
import { launchBrowser, loginThroughUi, newContext, POLL, screenshot, screenshotOnFailure } from './support/browser';
import { startServer, type TestServer } from './support/server';

const FIRST_BATCH = '新技师培养带动计划首期培训班（维修电工、钳工）';
let server: TestServer;
let browser: Browser;
let desk: BrowserContext;
let phone: BrowserContext;
let page: Page;
let mobile: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  desk = await newContext(browser, server.baseUrl);
  page = await desk.newPage();
  phone = await newContext(browser, server.baseUrl, { viewport: { width: 390, height: 844 }, isMobile: true });
  mobile = await phone.newPage();
});

afterAll(async () => {
  await desk?.close();
  await phone?.close();
  await browser?.close();
  await server?.stop();
});

screenshotOnFailure('training-demo', () => page);

const noSideScroll = (p: Page) => p.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);

describe('the demo training programmes', () => {
  it('shows the training department plan against actual, the first batch, its attendance heat map and its approved subsidy claim', async () => {
    await loginThroughUi(page, TRAINING_ACCOUNTS.staff.username, TRAINING_ACCOUNTS.staff.password);
    await page.goto('/admin/training');
    await page.getByText('江川市新技师培养带动计划（2009年）').first().waitFor();
    await expect.poll(() => page.getByText('实际开班 83 人').count(), POLL).toBeGreaterThan(0);
    await page.getByRole('link', { name: FIRST_BATCH }).first().click();
    await page.waitForURL(/\/admin\/training\/classes\/\d+/);
    const main = page.locator('main');
    await expect.poll(() => main.innerText(), POLL).toContain('已结业');
    expect(await main.innerText()).toContain('83');
    await page.getByRole('tab', { name: '考勤' }).click();
    await expect.poll(() => main.innerText(), POLL).toContain('已上 40 次课');
    await page.getByRole('tab', { name: '补贴申请' }).click();
    await expect.poll(() => main.innerText(), POLL).toContain('已核准');
    await screenshot(page, 'training-demo-claim');
  });

  it("lets trainee01 read their class, attendance and certificate on a phone", async () => {
    await loginThroughUi(mobile, TRAINING_ACCOUNTS.trainee.username, TRAINING_ACCOUNTS.trainee.password);
    await mobile.goto('/admin/training/my');
    await mobile.getByText(FIRST_BATCH).first().waitFor();
    await expect.poll(() => mobile.locator('main').innerText(), POLL).toContain('我的证书');
    await expect.poll(() => mobile.locator('main').innerText(), POLL).toMatch(/40\s*\/\s*40|100(\.0+)?\s*%/);
    expect(await noSideScroll(mobile)).toBe(true);
    await screenshot(mobile, 'training-demo-trainee-390');
  });

  it('shows the public the class timetable on a phone, the township class of 18 May among them', async () => {
    const pub = await phone.newPage();
    await pub.goto('/training');
    await pub.getByText(FIRST_BATCH).first().waitFor();
    const text = await pub.locator('body').innerText();
    expect(text).toContain('2009-05-18');
    expect(text).toContain('高校毕业生创业培训班第1期（SYB）');
    expect(await noSideScroll(pub)).toBe(true);
    await screenshot(pub, 'training-demo-public-390');
    await pub.close();
  });
});

/**
 * Results to the public: the administrator publishes the welders' results notice (公示) in the
 * console; on a phone, anyone reads the published list — names kept, every ID masked — and the
 * team and organization rankings; a certificate's verification page shows the masked holder and
 * 有效; the administrator revokes it in the console and the page says 已撤销; an unknown serial
 * gets a clear not-found page.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPeople } from '../src/server/demo/data';
import { launchBrowser, loginThroughUi, newContext, POLL, screenshotOnFailure } from './support/browser';
import { ApiSession } from './support/competition';
import { startServer, type TestServer } from './support/server';

let server: TestServer;
let browser: Browser;
let desk: BrowserContext;
let phone: BrowserContext;
let page: Page;
let mobile: Page;
let admin: ApiSession;
const ids = new Map<string, number>();

/** Every full ID number and phone of the demo people: none may appear on a public page. */
const SECRETS = demoPeople().flatMap((p) => [p.idNumber, p.phone]).filter((x): x is string => !!x);
const leaks = (text: string) => SECRETS.filter((s) => text.includes(s));

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  admin = await ApiSession.login(server.baseUrl, 'admin', server.passwordOf('admin'));
  for (const c of await admin.get<{ id: number; tradeName: string }[]>('/api/competitions')) ids.set(c.tradeName, c.id);
  desk = await newContext(browser, server.baseUrl);
  page = await desk.newPage();
  phone = await newContext(browser, server.baseUrl, { viewport: { width: 390, height: 844 }, isMobile: true });
  mobile = await phone.newPage();
});

afterAll(async () => {
  await admin?.dispose();
  await desk?.close();
  await phone?.close();
  await browser?.close();
  await server?.stop();
});

screenshotOnFailure('results-desk', () => page);
screenshotOnFailure('results-phone', () => mobile);

describe('public notice of results', () => {
  it('the administrator publishes the welders’ results for five working days', async () => {
    await loginThroughUi(page, 'admin', server.passwordOf('admin'));
    await page.goto(`/admin/competitions/${ids.get('焊工')}?tab=notice`);
    await page.getByRole('button', { name: '发布公示' }).click();
    await page.getByRole('button', { name: '确定' }).click();
    await expect.poll(() => page.getByText('公示中').first().isVisible(), POLL).toBe(true);
    await expect.poll(() => page.getByTestId('notice-left').textContent(), POLL).toMatch(/个工作日/);
    const c = await admin.get<{ status: string }>(`/api/competitions/${ids.get('焊工')}`);
    expect(c.status).toBe('notice');
  });

  it('anyone reads the list on a phone: names kept, IDs masked, nothing personal in full', async () => {
    await mobile.goto('/results');
    await mobile.getByText(/焊工/).first().click();
    await mobile.waitForURL(/\/results\/\d+/);
    // On a phone each contestant is a card (no sideways scrolling), 20 to a page of the 100+.
    const list = mobile.getByTestId('notice-list');
    await expect.poll(() => list.locator('.ant-card').count(), POLL).toBe(20);
    await expect.poll(() => list.getByTestId('notice-count').textContent(), POLL).toMatch(/显示 \d{3} \/ \d{3} 人/);
    const text = (await mobile.locator('body').innerText());
    expect(text).toMatch(/\d{3}\*{11}[\dX*]{4}/); // a masked ID number
    expect(text).not.toMatch(/\d{17}[\dX]/);
    expect(leaks(text)).toEqual([]);
    expect(await mobile.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    // The team and organization rankings of the competition.
    await expect.poll(() => mobile.getByText('团体排名').first().isVisible(), POLL).toBe(true);
    await expect.poll(() => mobile.getByText('组织奖').first().isVisible(), POLL).toBe(true);
  });
});

describe('the console from marks to results', () => {
  it('shows the 车工 results with the awards, and explains a contestant from the aspects’ marks', async () => {
    await page.goto(`/admin/competitions/${ids.get('车工')}?tab=results`);
    const table = page.getByTestId('results-table');
    await expect.poll(() => table.getByText('第1名').first().isVisible(), POLL).toBe(true);
    await table.getByRole('button', { name: '说明' }).first().click();
    const drawer = page.getByTestId('explanation');
    await expect.poll(() => drawer.isVisible(), POLL).toBe(true);
    const text = await drawer.innerText();
    expect(text).toMatch(/C1\.1/); // the scheme's aspects with their marks
    expect(text).not.toMatch(/\d{17}[\dX]/);
  });

  it('the contestant sees their result and certificate on their own page', async () => {
    const own = await newContext(browser, server.baseUrl, { viewport: { width: 390, height: 844 }, isMobile: true });
    const p = await own.newPage();
    try {
      await loginThroughUi(p, 'contestant01', server.passwordOf('contestant01'));
      await p.goto('/admin/me');
      await expect.poll(() => p.getByText('我的成绩').first().isVisible(), POLL).toBe(true);
      await expect.poll(() => p.getByText(/车工/).first().isVisible(), POLL).toBe(true);
      await expect.poll(() => p.getByText('我的证书').first().isVisible(), POLL).toBe(true);
      await expect.poll(() => p.getByRole('link', { name: '下载 PDF' }).first().isVisible(), POLL).toBe(true);
    } finally {
      await own.close();
    }
  });
});

describe('certificate verification', () => {
  let serial: string;
  let holder: string;

  it('shows a valid certificate with the holder masked', async () => {
    const certs = await admin.get<{ id: number; serial: string; holderName: string; holderIdMasked: string | null; status: string }[]>(`/api/competitions/${ids.get('车工')}/certificates`);
    const c = certs.slice(0, 50).find((x) => x.holderIdMasked && x.status === 'valid')!; // on the console's first page
    serial = c.serial;
    holder = c.holderName;
    const res = await mobile.goto(`/verify/${serial}`);
    expect(res!.status()).toBe(200);
    const text = await mobile.locator('body').innerText();
    expect(text).toContain(holder);
    expect(text).toContain(c.holderIdMasked!);
    expect(text).toContain('有效');
    expect(text).not.toContain('已撤销');
    expect(leaks(text)).toEqual([]);
  });

  it('the administrator revokes it in the console, and the page then says 已撤销 with the reason', async () => {
    await page.goto(`/admin/competitions/${ids.get('车工')}?tab=certificates`);
    const row = page.getByTestId('certificates-table').locator('tr', { hasText: serial });
    await row.getByRole('button', { name: '撤销' }).click();
    await page.getByLabel('撤销理由').fill('证书信息录入有误，已收回重新颁发');
    await page.getByRole('dialog').getByRole('button', { name: '撤销' }).click();
    await expect.poll(() => row.getByText('已撤销').isVisible(), POLL).toBe(true);
    await mobile.goto(`/verify/${serial}`);
    const text = await mobile.locator('body').innerText();
    expect(text).toContain('已撤销');
    expect(text).toContain('证书信息录入有误');
  });

  it('an unknown serial gets a clear not-found page', async () => {
    const res = await mobile.goto('/verify/SM09-00000-00000-00000-00000');
    expect(res!.status()).toBe(404);
    expect(await mobile.locator('body').innerText()).toMatch(/未找到/);
  });
});

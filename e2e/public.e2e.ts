/**
 * The public home page on a phone: the campaign (name, theme, dates, organizer) and its activity
 * plan, in Chinese, readable at 390 px without sideways scrolling; and the health check.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CAMPAIGN } from '../src/server/demo/data';
import { launchBrowser, newContext, POLL, screenshot, screenshotOnFailure } from './support/browser';
import { startServer, type TestServer } from './support/server';

const THEME = '技能创造财富，技能改变人生';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  context = await newContext(browser, server.baseUrl, { viewport: { width: 390, height: 844 }, isMobile: true });
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

screenshotOnFailure('public', () => page);

describe('public home page (phone)', () => {
  it('/api/health answers ok', async () => {
    const res = await fetch(`${server.baseUrl}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', db: 'pglite' });
  });

  it('shows the campaign and its theme in Chinese', async () => {
    await page.goto('/');
    await page.getByText(THEME, { exact: true }).waitFor();

    expect(await page.title()).toBe('技能月');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await expect.poll(() => page.getByRole('heading', { level: 2, name: DEMO_CAMPAIGN.name }).isVisible(), POLL).toBe(true);
    expect(DEMO_CAMPAIGN.name).toBe('江川市2009年技能月活动');
    expect(await page.getByText(THEME, { exact: true }).isVisible()).toBe(true);

    const body = await page.locator('body').innerText();
    expect(body).toContain('活动时间：');
    expect(body).toContain('2009-05-01 ~ 2009-05-31');
    expect(body).toContain('主办单位：');
    expect(body).toContain('江川市人力资源和社会保障局');
    // Chinese by default: the language switch is on 中文 and the English labels are not used.
    for (const english of ['Skills Month', 'Period', 'Organizer', 'Activities', 'Log in']) expect(body).not.toContain(english);
    expect(await page.getByRole('radio', { name: '中文' }).isChecked()).toBe(true);
    expect(await page.getByRole('heading', { name: '活动安排' }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: '登录' }).isVisible()).toBe(true);

    // The theme is drawn with a CJK font installed on the machine, not with fallback boxes.
    await page.getByText(THEME, { exact: true }).evaluate((el) => el.setAttribute('data-e2e', 'theme'));
    const cdp = await context.newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '[data-e2e="theme"]' });
    expect(nodeId).toBeGreaterThan(0);
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    const cjkGlyphs = fonts.filter((f) => /CJK|Han Sans|Noto Sans SC|WenQuanYi|Droid Sans Fallback/i.test(f.familyName)).reduce((n, f) => n + f.glyphCount, 0);
    expect(cjkGlyphs, `fonts used: ${JSON.stringify(fonts)}`).toBeGreaterThanOrEqual([...THEME].filter((c) => c !== '，').length);
    await cdp.detach();
  });

  it('lists every activity of the plan, in order', async () => {
    await page.goto('/');
    await page.getByRole('heading', { name: '活动安排' }).waitFor();
    const items = page.locator('.ant-timeline').getByRole('listitem');
    expect(DEMO_CAMPAIGN.activities.length).toBe(6);
    await expect.poll(() => items.count(), POLL).toBe(DEMO_CAMPAIGN.activities.length);
    const texts = await items.allInnerTexts();
    DEMO_CAMPAIGN.activities.forEach((a, i) => {
      expect(texts[i]).toContain(a.name);
      if (a.venue) expect(texts[i]).toContain(a.venue);
    });
    expect(texts[0]).toContain('2009年技能月活动启动仪式');
    expect(texts[0]).toContain('2009-05-06');
    await page.getByRole('heading', { name: '活动文件' }).waitFor();
    for (const d of DEMO_CAMPAIGN.documents) expect(await page.getByText(d.title, { exact: false }).first().isVisible()).toBe(true);
  });

  it('fits a 390 px wide phone screen', async () => {
    await page.goto('/');
    await page.getByText(THEME, { exact: true }).waitFor();
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    expect(clientWidth).toBe(390);
    expect(scrollWidth).toBeLessThanOrEqual(390);
    const box = await page.getByText(THEME, { exact: true }).boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await screenshot(page, 'public-home-phone');
  });

  it('leads from the home page to the login page', async () => {
    await page.goto('/');
    await page.getByRole('link', { name: '登录' }).click();
    await page.waitForURL(/\/login$/);
    await page.getByLabel('用户名或手机号').waitFor();
    expect(await page.getByLabel('密码', { exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: '登录', exact: true }).isVisible()).toBe(true);
  });
});

/**
 * Security headers in a real browser: every kind of page — the public home page, the sign-in page
 * and the console, the public results, the certificate verification page and the API docs (Swagger
 * UI) — renders under the server's Content-Security-Policy with no violation reported.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchBrowser, loginThroughUi, newContext, POLL, screenshotOnFailure } from './support/browser';
import { ApiSession } from './support/competition';
import { ROOT, startServer, type TestServer } from './support/server';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const violations: string[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  context = await newContext(browser, server.baseUrl);
  // Reported by the page itself (the init script runs outside the page's CSP) and by the console.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  page = await context.newPage();
  page.on('console', (m) => {
    const text = m.text();
    if (/Refused to|Content Security Policy|CSP violation/i.test(text)) violations.push(`${page.url()}: ${text}`);
  });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

screenshotOnFailure('security-headers', () => page);
beforeEach(() => {
  violations.length = 0;
});

async function shot(name: string) {
  const dir = path.join(ROOT, 'test-results');
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `e2e-csp-${name}.png`), fullPage: false });
}

describe('Content-Security-Policy in the browser', () => {
  it('sends the headers on pages and the API', async () => {
    for (const url of ['/', '/api/health', '/api/docs', '/verify']) {
      const res = await fetch(`${server.baseUrl}${url}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, url).toMatch(/script-src 'self'/);
      expect(csp, url).toMatch(/object-src 'none'/);
      expect(csp, url).toMatch(/frame-ancestors 'self'/);
      expect(res.headers.get('x-content-type-options'), url).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), url).toBe('SAMEORIGIN');
      expect(res.headers.get('strict-transport-security'), url).toBeNull(); // plain HTTP here (COOKIE_SECURE=0)
    }
  });

  it('the public home page and the results render without a violation', async () => {
    await page.goto('/');
    await expect.poll(() => page.getByRole('heading', { level: 2 }).first().isVisible(), POLL).toBe(true);
    await shot('home');
    await page.goto('/results');
    await page.waitForLoadState('networkidle');
    await expect.poll(() => page.locator('#root').innerText(), POLL).not.toBe('');
    await shot('results');
    expect(violations).toEqual([]);
  });

  it('the sign-in page and the console render without a violation', async () => {
    await loginThroughUi(page, 'admin', server.passwordOf('admin'));
    await page.waitForLoadState('networkidle');
    await shot('console');
    await page.goto('/admin/competitions');
    await page.waitForLoadState('networkidle');
    expect(violations).toEqual([]);
  });

  it('the certificate verification pages render without a violation', async () => {
    const admin = await ApiSession.login(server.baseUrl, 'admin', server.passwordOf('admin'));
    try {
      const comps = await admin.get<{ id: number; tradeName: string }[]>('/api/competitions');
      let serial: string | undefined;
      for (const c of comps) {
        const certs = await admin.get<{ serial: string; status: string }[]>(`/api/competitions/${c.id}/certificates`).catch(() => []);
        serial = certs.find((x) => x.status === 'valid')?.serial;
        if (serial) break;
      }
      expect(serial).toBeTruthy();
      await page.goto('/verify');
      await page.locator('input').first().waitFor();
      const res = await page.goto(`/verify/${serial}`);
      expect(res!.status()).toBe(200);
      await expect.poll(() => page.getByText('有效').first().isVisible(), POLL).toBe(true);
      await shot('verify');
    } finally {
      await admin.dispose();
    }
    expect(violations).toEqual([]);
  });

  it('the API docs (Swagger UI) render without a violation', async () => {
    await page.goto('/api/docs');
    await expect.poll(() => page.locator('.swagger-ui .info .title').first().isVisible(), POLL).toBe(true);
    await expect.poll(() => page.locator('.opblock').count(), POLL).toBeGreaterThan(10);
    await shot('api-docs');
    expect(violations).toEqual([]);
  });

  it('the sign-in page says once, in Chinese, how long to wait after too many wrong passwords', async () => {
    const own = await newContext(browser, server.baseUrl);
    const p = await own.newPage();
    try {
      await p.goto('/login');
      for (let i = 0; i < 6; i++) {
        await p.getByLabel('用户名或手机号').fill('nobody_csp_check');
        await p.getByLabel('密码', { exact: true }).fill('Wrong-guess-1');
        await p.getByRole('button', { name: '登录', exact: true }).click();
        await expect.poll(() => p.getByRole('alert').first().isVisible(), POLL).toBe(true);
        await p.waitForLoadState('networkidle');
      }
      const text = await p.getByRole('alert').first().innerText();
      expect(text).toMatch(/^登录失败次数过多，请 \d+ 秒后再试/);
      expect(text.match(/后再试/g)).toHaveLength(1);
    } finally {
      await own.close();
    }
  });
});

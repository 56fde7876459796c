/**
 * Debian's Chromium driven by playwright-core (Playwright cannot download its own browsers here),
 * a Chinese-language context, sign-in through the login page, and a screenshot when a test fails.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { beforeEach } from 'vitest';
import { ROOT } from './server';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** For expect.poll, whose default (1 s) is too short on a busy 2-core machine. */
export const POLL = { timeout: 30_000, interval: 100 } as const;

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export async function newContext(
  browser: Browser,
  baseURL: string,
  options: { viewport?: { width: number; height: number }; isMobile?: boolean } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: options.viewport ?? { width: 1366, height: 900 },
    isMobile: options.isMobile,
    hasTouch: options.isMobile,
    acceptDownloads: true,
  });
  // A running server keeps the index.html it read at start; if dist/client is rebuilt meanwhile
  // (another `npm start` or test run), its script files are gone and the page stays blank.
  context.on('response', (res) => {
    // (the server answers a missing file with its index.html, so look at the type as well)
    const missing = res.status() === 404 || /text\/html/.test(res.headers()['content-type'] ?? '');
    if (missing && new URL(res.url()).pathname.startsWith('/assets/')) {
      console.error(`missing client file ${res.url()}: was dist/client rebuilt while the test server was running?`);
    }
  });
  context.setDefaultTimeout(30_000);
  context.setDefaultNavigationTimeout(30_000);
  return context;
}

/** Signs in on /login as a user would, and waits until the console has opened. */
export async function loginThroughUi(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名或手机号').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL(/\/admin(\/|$)/);
  // The header shows the sign-out button once the console layout has rendered.
  await page.getByRole('button', { name: '退出登录' }).waitFor();
}

/** Fetches JSON from inside the page, so the request carries the page's session cookie. */
export async function fetchInPage<T = unknown>(page: Page, url: string): Promise<{ status: number; body: T }> {
  return page.evaluate(async (u) => {
    const res = await fetch(u, { credentials: 'same-origin', headers: { accept: 'application/json' } });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: res.status, body };
  }, url) as Promise<{ status: number; body: T }>;
}

/** Saves test-results/e2e-<name>.png; never throws (it runs while a failure is being reported). */
export async function screenshot(page: Page | undefined, name: string): Promise<string | null> {
  if (!page || page.isClosed()) return null;
  const file = path.join(ROOT, 'test-results', `e2e-${name.replace(/[^\w.-]+/g, '-')}.png`);
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await page.screenshot({ path: file, fullPage: true, timeout: 10_000 });
    return file;
  } catch {
    return null;
  }
}

/**
 * Call at the top of a test file: every failing test leaves test-results/e2e-<file>-<test>.png
 * (the page is taken from `getPage` when the failure is reported, before afterAll closes it).
 */
export function screenshotOnFailure(fileName: string, getPage: () => Page | undefined): void {
  beforeEach(({ task, onTestFailed }) => {
    onTestFailed(async () => {
      const file = await screenshot(getPage(), `${fileName}-${task.name}`);
      if (file) console.error(`screenshot of the failure: ${path.relative(ROOT, file)}`);
    });
  });
}

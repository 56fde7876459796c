/**
 * The public reads the Technical Expert shortlist (入围名单公示, the top 200) on a phone: the names,
 * the ID numbers masked, the scores and ranks, and the cut's hash in the introduction — the same
 * hash as the frozen cut's export. The round is set up in this process (the candidates and their
 * exam scores written directly; the cut previewed, frozen and published through the API), and the
 * built client is served by the same app.
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mask } from '../src/shared/mask';
import { buildApp } from '../src/server/app';
import { campaigns } from '../src/server/core/campaign/tables';
import { PiiCipher } from '../src/server/core/pii/cipher';
import { openDatabase } from '../src/server/db/client';
import { selectionScores } from '../src/server/selection/exam/tables';
import { selectionCandidates } from '../src/server/selection/nominations/tables';
import { selectionRounds } from '../src/server/selection/rounds/tables';
import { buildAccount, buildPerson, buildUnit, call, login, PASSWORD, TestClock, type TestEnv } from '../src/server/test/harness';
import { launchBrowser, loginThroughUi, newContext, POLL, screenshotOnFailure } from './support/browser';
import { ROOT } from './support/server';

let env: TestEnv;
let baseUrl: string;
let browser: Browser;
let phone: BrowserContext;
let page: Page;
let noticeId: number;
let hash: string;
let roundId: number;
let adminName: string;
const people: { name: string; idNumber: string }[] = [];

/** The client as `npm start` builds it (a production build), when it is missing or older than its sources. */
function ensureClientBuilt() {
  const newest = (dir: string): number => fs.readdirSync(dir, { withFileTypes: true })
    .reduce((t, e) => Math.max(t, e.isDirectory() ? newest(path.join(dir, e.name)) : fs.statSync(path.join(dir, e.name)).mtimeMs), 0);
  const index = path.join(ROOT, 'dist/client/index.html');
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= Math.max(newest(path.join(ROOT, 'src/client')), newest(path.join(ROOT, 'src/shared')))) return;
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}

beforeAll(async () => {
  ensureClientBuilt();
  const database = await openDatabase({ pgliteDir: 'memory://' });
  const pii = new PiiCipher(crypto.randomBytes(32));
  const clock = new TestClock(new Date());
  const app = await buildApp({ database, pii, clock, serveClient: true, jobs: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  env = { app, database, pii, clock, close: async () => { await app.close(); await database.close(); } };

  adminName = (await buildAccount(env, 'admin')).username;
  const admin = await login(env, adminName);
  const [c] = await database.db.insert(campaigns).values({
    name: '江川市2009年技能月活动', theme: '技能成才', startsOn: '2009-05-01', endsOn: '2009-05-31', organizer: '江川市人力资源和社会保障局', coOrganizers: [], committeeBodies: [], contentAreas: [],
  }).returning();
  const round = (await call(env, admin, 'POST', '/api/selection/rounds', { campaignId: c!.id, name: '2009年江川市技术能手评选', nominationOpensOn: '2009-05-04', nominationClosesOn: '2009-05-15' })).json();
  roundId = round.id;
  const unit = await buildUnit(env, { name: '江川重型机械厂' });
  const now = new Date();
  for (let i = 0; i < 12; i++) {
    const p = await buildPerson(env, unit.id, { name: ['王建国', '李明', '张伟', '刘洋', '陈静', '杨帆', '赵磊', '黄勇', '周涛', '吴斌', '徐亮', '孙强'][i]! });
    people.push(p);
    const [cand] = await database.db.insert(selectionCandidates).values({ roundId: round.id, personId: p.id, status: 'eligible', examNumber: `2009${String(i + 1).padStart(4, '0')}`, createdAt: now, updatedAt: now }).returning();
    await database.db.insert(selectionScores).values((['theory', 'practical'] as const).map((part, k) => ({
      roundId: round.id, candidateId: cand!.id, stageKey: 'exam', part, value: 95 - i * 3 - k, version: 1, source: 'import' as const, updatedAt: now,
    })));
  }
  // The exam is over (its own gate belongs to the exam module): open the cut to the top 200.
  await database.db.update(selectionRounds).set({ stage: round.rules.stages.findIndex((s: { key: string }) => s.key === 'cut200') }).where(eq(selectionRounds.id, round.id));
  const preview = (await call(env, admin, 'GET', `/api/selection/rounds/${round.id}/cuts/cut200/preview`)).json();
  const frozen = await call(env, admin, 'POST', `/api/selection/rounds/${round.id}/cuts/cut200/freeze`, { hash: preview.hash });
  expect(frozen.statusCode, frozen.body).toBe(200);
  hash = frozen.json().hash;
  const published = await call(env, admin, 'POST', `/api/selection/rounds/${round.id}/notices/shortlist`, {});
  expect(published.statusCode, published.body).toBe(200);
  noticeId = published.json().id;

  browser = await launchBrowser();
  phone = await newContext(browser, baseUrl, { viewport: { width: 390, height: 844 }, isMobile: true });
  page = await phone.newPage();
});

afterAll(async () => {
  await phone?.close();
  await browser?.close();
  await env?.close();
});

screenshotOnFailure('selection-notice', () => page);

describe('the Technical Expert shortlist, in public', () => {
  it('is listed on the public notice board', async () => {
    await page.goto('/results');
    await expect.poll(() => page.getByText('择优200名入围名单公示').first().isVisible(), POLL).toBe(true);
  });

  it('shows the names, masked ID numbers, scores, ranks and the cut hash on a phone', async () => {
    await page.goto(`/results/${noticeId}`);
    await page.getByRole('heading', { name: /入围名单公示/ }).waitFor();
    await expect.poll(() => page.getByText('王建国').first().isVisible(), POLL).toBe(true);
    const body = await page.locator('body').innerText();
    expect(body).toContain(hash);
    for (const p of people.slice(0, 10)) expect(body).toContain(p.name);
    for (const p of people) expect(body, 'a full ID number is public').not.toContain(p.idNumber);
    // Each ID number in its masked form (the one masking rule).
    for (const p of people.slice(0, 10)) expect(body).toContain(mask('idNumber', p.idNumber)!);
    expect(body).toContain('20090001');
    expect(body).toContain('公示中');
    // Readable at 390 px: the page does not scroll sideways because of the 64-character hash.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
  });

  it('the office sees the frozen cut with its hash in the console, and the funnel on the overview', async () => {
    await loginThroughUi(page, adminName, PASSWORD);
    await page.goto(`/admin/selection/${roundId}?tab=cuts`);
    await expect.poll(() => page.getByTestId('cut-hash').first().textContent(), POLL).toContain(hash.slice(0, 12));
    await expect.poll(() => page.getByText('同分规则').first().isVisible(), POLL).toBe(true);
    await page.goto(`/admin/selection/${roundId}?tab=overview`);
    await expect.poll(() => page.getByTestId('selection-funnel').isVisible(), POLL).toBe(true);
  });
});

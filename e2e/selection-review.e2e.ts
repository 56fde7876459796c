/**
 * 材料评审 on a phone (390×844): a reviewer opens 我的评审, marks a candidate on the stage's rubric
 * (points and 0–3 judgements), submits, and then sees the other reviewer's marks.
 *
 * The round is set up through the services in this process (nomination and eligibility are
 * another module's screens): the application runs in-process on a free port, serving the built
 * client, so the set-up can insert eligible candidates straight into its database.
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app';
import { PiiCipher } from '../src/server/core/pii/cipher';
import { openDatabase } from '../src/server/db/client';
import { addCandidates, advanceTo, buildRound } from '../src/server/selection/review/fixture';
import { buildAccount, buildUnit, call, login, PASSWORD, TestClock, type Session, type TestEnv } from '../src/server/test/harness';
import { launchBrowser, loginThroughUi, newContext, screenshotOnFailure } from './support/browser';
import { ROOT } from './support/server';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true };

let env: TestEnv;
let baseUrl: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let judgeName: string;
let adminName: string;
let peer: Session;
let roundId: number;
let candidateId: number;

/** Builds the client when dist/client is missing or older than its sources (as scripts/start.mjs does). */
function buildClient() {
  const index = path.join(ROOT, 'dist/client/index.html');
  const newest = (dir: string): number => Math.max(0, ...fs.readdirSync(dir, { withFileTypes: true })
    .map((d) => (d.isDirectory() ? newest(path.join(dir, d.name)) : fs.statSync(path.join(dir, d.name)).mtimeMs)));
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs > Math.max(newest(path.join(ROOT, 'src/client')), newest(path.join(ROOT, 'src/shared')))) return;
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}

beforeAll(async () => {
  buildClient();
  const database = await openDatabase({ pgliteDir: 'memory://' });
  const pii = new PiiCipher(crypto.randomBytes(32));
  const clock = new TestClock(new Date());
  const app = await buildApp({ database, pii, clock, serveClient: true, jobs: false });
  baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  env = { app, database, pii, clock, close: async () => { await app.close(); await database.close(); } };

  adminName = (await buildAccount(env, 'admin')).username;
  const admin = await login(env, adminName);
  const unit = await buildUnit(env, { name: '江川机床厂' });
  roundId = (await buildRound(env, admin)).id;
  const [c] = await addCandidates(env, roundId, [{ unitId: unit.id, name: '周建国' }]);
  candidateId = c!.id;
  await advanceTo(env, admin, roundId, 'exam');
  await call(env, admin, 'POST', `/api/selection/rounds/${roundId}/exam/exam/numbers`, { roomSize: 30 });
  await call(env, admin, 'PUT', `/api/selection/rounds/${roundId}/exam/exam/scores`, { examNumber: '2009J0001', theory: 86, practical: 91 });
  await advanceTo(env, admin, roundId, 'review');
  const judge = await buildAccount(env, 'judge');
  const other = await buildAccount(env, 'judge');
  judgeName = judge.username;
  peer = await login(env, other.username);
  const panel = await call(env, admin, 'POST', `/api/selection/rounds/${roundId}/panels/review`, { name: '第一组', members: [{ accountId: judge.id, chair: true }, { accountId: other.id, chair: false }] });
  if (panel.statusCode !== 200) throw new Error(panel.body);
  const assigned = await call(env, admin, 'POST', `/api/selection/rounds/${roundId}/panels/review/assign`);
  if (assigned.json().assigned !== 1) throw new Error(assigned.body);
  const peerSheet = await call(env, peer, 'PUT', `/api/selection/rounds/${roundId}/panels/review/sheets/${candidateId}`, { marks: { A: 30, B: 20, C: 2 } });
  if (peerSheet.statusCode !== 200) throw new Error(peerSheet.body);

  browser = await launchBrowser();
  context = await newContext(browser, baseUrl, PHONE);
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await env?.close();
});

screenshotOnFailure('selection-review', () => page);

describe('材料评审 on the phone', () => {
  it('a reviewer marks an assigned candidate, submits, then sees the peer\'s marks', async () => {
    await loginThroughUi(page, judgeName, PASSWORD);
    await page.goto('/admin/reviewing');
    const card = page.locator(`[data-candidate="${candidateId}"]`);
    await card.getByText('周建国').waitFor();
    await card.getByText('江川机床厂').waitFor();
    await card.getByText('提交本人评分后可查看其他专家的评分').waitFor();
    // The page fits the phone: nothing wider than the viewport.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await card.locator('[data-criterion="A"] input').fill('36');
    await card.locator('[data-criterion="B"] input').fill('25.5');
    await card.locator('[data-criterion="C"]').getByText('3', { exact: true }).click();
    await card.getByRole('button', { name: '提交评分' }).click();
    await card.getByText('已提交，91.5 分').waitFor();
    const peers = card.locator('[data-peers]');
    await peers.getByText('A 30，B 20，C 2（70）').waitFor();

    const saved = (await call(env, peer, 'GET', '/api/selection/reviewing')).json();
    expect(saved[0].candidates[0].peers[0].marks).toEqual({ A: 36, B: 25.5, C: 3 });
  });

  it('the office sees progress with raw and normalised side by side, which counts, and the severity table; the exam list', async () => {
    const desk = await newContext(browser, baseUrl);
    const office = await desk.newPage();
    try {
      await loginThroughUi(office, adminName, PASSWORD);
      await office.goto(`/admin/selection/${roundId}?tab=panels`);
      await office.getByText('计入成绩：原始分（专家评分的平均）（阶段开始前已确定）').waitFor();
      await office.getByRole('columnheader', { name: /原始分/ }).getByText('计入').waitFor();
      await office.getByRole('columnheader', { name: /校正分/ }).waitFor();
      await office.getByText('评分宽严').waitFor();
      await office.getByRole('cell', { name: '+10.75', exact: true }).waitFor();
      await office.goto(`/admin/selection/${roundId}?tab=exam`);
      await office.getByRole('cell', { name: '2009J0001', exact: true }).waitFor();
      await office.getByRole('cell', { name: '89', exact: true }).waitFor();
    } finally {
      await desk.close();
    }
  });
});

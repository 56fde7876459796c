/**
 * The team rule for units with fewer than k contestants (issue 8 §8): the administrator sets it in
 * the set-up form's further rules, the server keeps it, and a unit reads it in the set-up summary.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Competition } from '../src/shared/contracts/competitions';
import { launchBrowser, loginThroughUi, newContext, screenshotOnFailure } from './support/browser';
import { ApiSession, setUpCompetition, type CompetitionSetup } from './support/competition';
import { startServer, type TestServer } from './support/server';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let admin: ApiSession;
let open: CompetitionSetup;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  admin = await ApiSession.login(server.baseUrl, 'admin', server.passwordOf('admin'));
  open = await setUpCompetition(admin, { stage: 'registration', tag: 'team1' });
  context = await newContext(browser, server.baseUrl);
  page = await context.newPage();
});

afterAll(async () => {
  await admin?.dispose();
  await context?.close();
  await browser?.close();
  await server?.stop();
});

screenshotOnFailure('team-rule', () => page);

describe('teams with fewer than k entrants', () => {
  it('is left out by default; the administrator can have such units ranked on what they have', async () => {
    expect((await admin.get<Competition>(`/api/competitions/${open.competitionId}`)).rules.teamBelowK).toBe('excluded');
    await loginThroughUi(page, 'admin', server.passwordOf('admin'));
    await page.goto(`/admin/competitions/${open.competitionId}?tab=setup`);
    await page.getByText('更多规则（组织奖、晋级）').click();
    const field = page.locator('.ant-form-item').filter({ hasText: '计分人数不足的单位' }).locator('.ant-select');
    await field.waitFor();
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '按已有选手的总成绩之和排名' });
    // The panel may still be unfolding: open the list until the option shows.
    await expect.poll(async () => {
      if (!(await option.count())) await field.click();
      return option.count();
    }, { timeout: 15_000 }).toBeGreaterThan(0);
    await option.click();
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText('已保存').waitFor();
    await expect.poll(async () => (await admin.get<Competition>(`/api/competitions/${open.competitionId}`)).rules.teamBelowK, { timeout: 15_000 }).toBe('ranked');

    await context.close();
    context = await newContext(browser, server.baseUrl);
    page = await context.newPage();
    await loginThroughUi(page, 'unit01', server.passwordOf('unit01'));
    await page.goto(`/admin/competitions/${open.competitionId}?tab=setup`);
    await page.getByText('不足 3 人的单位按已有选手成绩排名', { exact: false }).waitFor();
  });
});

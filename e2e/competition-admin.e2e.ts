/**
 * The competition console: the administrator opens the competition list and a drawn competition,
 * sees its tabs, the scheme with its total, the draw commitment and the code → station list, and
 * gets the server's scheme issues on the rows at fault. A unit account registers two of its own
 * people into a competition in registration and withdraws one with a reason.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, loginThroughUi, newContext, screenshotOnFailure } from './support/browser';
import { ApiSession, setUpCompetition, type CompetitionSetup } from './support/competition';
import { startServer, type TestServer } from './support/server';

const TABS = ['基本信息', '评分标准', '报名', '裁判', '抽签', '评分进度', '解密'];

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let admin: ApiSession;
let drawn: CompetitionSetup;
let open: CompetitionSetup;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  admin = await ApiSession.login(server.baseUrl, 'admin', server.passwordOf('admin'));
  drawn = await setUpCompetition(admin, { stage: 'drawn', perUnit: 1, tag: 'adm1' });
  open = await setUpCompetition(admin, { stage: 'registration', tag: 'adm2' });
  context = await newContext(browser, server.baseUrl);
  page = await context.newPage();
});

afterAll(async () => {
  await admin?.dispose();
  await context?.close();
  await browser?.close();
  await server?.stop();
});

screenshotOnFailure('competition-admin', () => page);

const rowTexts = async (testId: string) => (await page.getByTestId(testId).locator('tbody tr.ant-table-row').allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim());

describe('the competition console', () => {
  it('lists the competitions and opens one with its tabs and draw commitment', async () => {
    await loginThroughUi(page, 'admin', server.passwordOf('admin'));
    await page.getByRole('menuitem', { name: '技能竞赛' }).click();
    await page.waitForURL(/\/admin\/competitions$/);
    const table = page.getByTestId('competitions-table');
    const row = table.locator('tbody tr.ant-table-row').filter({ hasText: drawn.name });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/车工[\s\S]*2009-05-22 ~ 2009-05-24[\s\S]*已抽签[\s\S]*已通过 2/);
    expect(await table.locator('tbody tr.ant-table-row').filter({ hasText: open.name }).innerText()).toContain('报名中');

    await row.getByRole('link', { name: drawn.name }).click();
    await page.waitForURL(new RegExp(`/admin/competitions/${drawn.competitionId}`));
    await page.getByRole('tab', { name: '解密' }).waitFor();
    await expect.poll(() => page.getByRole('tab').allInnerTexts(), { timeout: 15_000 }).toEqual(TABS);
    // After the draw the set-up that shaped it is fixed.
    await page.getByText('已抽签：工种、等级、工位数、编号前缀和成绩构成不能再修改').waitFor();

    await page.getByRole('tab', { name: '抽签' }).click();
    await page.getByTestId('seed-commitment').waitFor();
    expect(await page.getByTestId('seed-commitment').innerText()).toBe(drawn.seedCommitment);
    expect(drawn.seedCommitment).toMatch(/^[0-9a-f]{64}$/);
    expect(await rowTexts('draw-table')).toEqual(['C001 1 1', 'C002 2 1']);
    expect(await page.getByRole('button', { name: '抽签', exact: true }).isDisabled()).toBe(true);
    expect(new URL(page.url()).searchParams.get('tab')).toBe('draw');

    await page.getByRole('tab', { name: '评分标准' }).click();
    const tree = page.getByTestId('scheme-tree');
    await tree.waitFor();
    expect(await tree.innerText()).toMatch(/合计\s*100/);

    await page.getByRole('tab', { name: '报名' }).click();
    await expect.poll(() => rowTexts('entries-table'), { timeout: 15_000 }).toHaveLength(2);
    for (const r of await rowTexts('entries-table')) expect(r).toContain('已通过');
  });

  it('shows the server’s scheme issues on the rows at fault', async () => {
    await page.getByRole('tab', { name: '评分标准' }).click();
    await page.getByRole('button', { name: '修改评分标准' }).click();
    const editor = page.getByTestId('scheme-editor');
    await editor.waitFor();
    await editor.getByRole('spinbutton', { name: '分值' }).first().fill('20');
    await editor.getByRole('textbox', { name: '细则编号' }).nth(1).fill('A1.1');
    await page.getByRole('button', { name: '保存评分标准' }).click();
    await page.getByText('评分标准总分必须为 100 分，当前为 90 分').waitFor();
    await editor.getByText('编号「A1.1」重复', { exact: false }).waitFor();
    await page.getByRole('button', { name: '取消' }).click();
    // Nothing was saved: still version 1, still 100.
    await page.getByText('第 1 版').waitFor();
    expect(await page.getByTestId('scheme-tree').innerText()).toMatch(/合计\s*100/);
  });

  it('lets a unit register its own people and withdraw one with a reason', async () => {
    await context.close();
    context = await newContext(browser, server.baseUrl);
    page = await context.newPage();
    await loginThroughUi(page, 'unit01', server.passwordOf('unit01'));
    await page.goto(`/admin/competitions/${open.competitionId}?tab=entries`);
    await page.getByText('正在报名。本单位名额：10，已报（待审核和已通过）：0 人。').waitFor();
    // A unit sees the set-up and its registration, nothing of the organizers' tabs.
    expect(await page.getByRole('tab').allInnerTexts()).toEqual(['基本信息', '报名']);

    await page.getByRole('button', { name: '选择人员报名' }).click();
    const dialog = page.getByRole('dialog');
    const people = dialog.locator('tbody tr.ant-table-row');
    await expect.poll(() => people.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    const names = [await people.nth(0).locator('td').nth(1).innerText(), await people.nth(1).locator('td').nth(1).innerText()];
    await people.nth(0).getByRole('checkbox').check();
    await people.nth(1).getByRole('checkbox').check();
    await dialog.getByRole('button', { name: '报名所选 2 人' }).click();
    await page.getByText('已报名 2 人，等待审核').waitFor();

    await expect.poll(() => rowTexts('entries-table'), { timeout: 15_000 }).toHaveLength(2);
    for (const r of await rowTexts('entries-table')) expect(r).toContain('待审核');
    const first = page.getByTestId('entries-table').locator('tbody tr.ant-table-row').filter({ hasText: names[0]! });
    await first.getByRole('button', { name: '退赛' }).click();
    const withdraw = page.getByRole('dialog');
    await withdraw.getByRole('textbox', { name: '原因' }).fill('选手因工作安排无法参赛');
    await withdraw.getByRole('button', { name: '确定' }).click();
    await expect.poll(() => first.innerText(), { timeout: 15_000 }).toMatch(/已退赛[\s\S]*选手因工作安排无法参赛/);

    // The organizers see the same two entries, one withdrawn.
    const entries = await admin.get<{ name: string; status: string }[]>(`/api/competitions/${open.competitionId}/entries`);
    expect(entries.map((e) => [e.name, e.status]).sort()).toEqual([[names[0], 'withdrawn'], [names[1], 'submitted']].sort());
  });
});

/**
 * Marking on a phone (390×844): judge 1 scores a judgement aspect by contestant code, is refused
 * a stale write (409) and sees the reloaded mark, then — after judges 2 and 3 score more than one
 * point apart — sees the red spread flag. The chief judge confirms the spread with a reason and
 * signs off the criterion. The competition is set up over the API as the demo administrator.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchInPage, launchBrowser, loginThroughUi, newContext, screenshotOnFailure } from './support/browser';
import { ApiSession, setUpCompetition, type CompetitionSetup } from './support/competition';
import { startServer, type TestServer } from './support/server';

type Sheet = { aspects: { aspectId: number; code: string; contestants: { code: string; value: number | null; version: number }[] }[] };

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true };
const SPREAD_FLAG = '判分差异超过1分，待复议';

let server: TestServer;
let browser: Browser;
let admin: ApiSession;
let setup: CompetitionSetup;
let judgeApi: ApiSession[] = [];
let context: BrowserContext;
let page: Page;
let aspectId: number;
let codes: string[];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  admin = await ApiSession.login(server.baseUrl, 'admin', server.passwordOf('admin'));
  setup = await setUpCompetition(admin, { stage: 'marking', perUnit: 1 });
  aspectId = setup.aspects.find((a) => a.kind === 'judgement')!.id;
  judgeApi = await Promise.all(setup.judges.map((j) => ApiSession.login(server.baseUrl, j.username, j.password)));
  context = await newContext(browser, server.baseUrl, PHONE);
  page = await context.newPage();
});

afterAll(async () => {
  for (const j of judgeApi) await j.dispose();
  await admin?.dispose();
  await context?.close();
  await browser?.close();
  await server?.stop();
});

screenshotOnFailure('competition-judge', () => page);

const mark = (judge: number, code: string, value: number, expectedVersion: number) =>
  judgeApi[judge]!.post(`/api/competitions/${setup.competitionId}/marks`, { code, aspectId, value, expectedVersion });

describe('marking on a phone', () => {
  it('judge 1 enters a judgement score by contestant code', async () => {
    const judge = setup.judges[0]!;
    await loginThroughUi(page, judge.username, judge.password);
    // A judge's console opens on 我的评分, listing the competitions they judge.
    await page.waitForURL(/\/admin\/marking$/);
    await page.getByText(setup.name).click();
    await page.waitForURL(new RegExp(`/admin/marking/${setup.competitionId}`));

    const sheet = await fetchInPage<Sheet>(page, `/api/competitions/${setup.competitionId}/marking/sheet`);
    expect(sheet.status).toBe(200);
    codes = sheet.body.aspects.find((a) => a.aspectId === aspectId)!.contestants.map((c) => c.code);
    expect(codes).toHaveLength(2);
    // Codes only: the sheet names nobody.
    expect(JSON.stringify(sheet.body)).not.toContain('选手');

    // Pick the judgement aspect B1.1, then the first code.
    await page.getByRole('combobox', { name: '评分细则' }).click();
    await page.locator('.ant-select-item-option').filter({ hasText: /^B1\.1/ }).click();
    await page.getByText('表面粗糙度与外观', { exact: true }).waitFor();
    await page.getByTestId('code-list').getByRole('button', { name: new RegExp(`^编号 ${codes[0]}，未评`) }).click();

    const entry = page.getByTestId('mark-entry');
    await expect.poll(() => entry.getByRole('radio').count(), { timeout: 15_000 }).toBe(4);
    // The four big buttons carry the level descriptions.
    expect(await entry.getByRole('radio', { name: /^3/ }).innerText()).toContain('优秀，超出要求');
    await entry.getByRole('radio', { name: /^3/ }).click();
    await entry.getByRole('button', { name: '提交 3 分' }).click();
    await entry.getByText(`已提交：${codes[0]} 得 3 分（第 1 版）`).waitFor();
    await entry.getByText('等待评分组其他裁判评分').waitFor();
    await expect.poll(() => entry.getByTestId('current-mark').innerText(), { timeout: 15_000 }).toBe('当前 3 分（第 1 版）');
    // The phone layout does not scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  it('a stale write is refused with a clear message and the screen reloads', async () => {
    const entry = page.getByTestId('mark-entry');
    await page.getByTestId('code-list').getByRole('button', { name: new RegExp(`^编号 ${codes[1]}，`) }).click();
    await entry.getByText('尚未评分').waitFor();
    // Meanwhile the same judge's mark arrives from another device.
    await mark(0, codes[1]!, 2, 0);
    await entry.getByRole('radio', { name: /^1/ }).click();
    await entry.getByRole('button', { name: '提交 1 分' }).click();
    await page.getByTestId('mark-error').getByText('评分已被更新，未保存').waitFor();
    expect(await page.getByTestId('mark-error').innerText()).toContain('已重新加载最新评分');
    await expect.poll(() => entry.getByTestId('current-mark').innerText(), { timeout: 15_000 }).toBe('当前 2 分（第 1 版）');
  });

  it('shows the red spread flag once the panel differs by more than one point', async () => {
    // Judges 2 and 3: 1 and 1 against judge 1's 3 on the first code; 2 and 2 on the second.
    await mark(1, codes[0]!, 1, 0);
    await mark(2, codes[0]!, 1, 0);
    await mark(1, codes[1]!, 2, 0);
    await mark(2, codes[1]!, 2, 0);

    await page.getByRole('button', { name: '刷新' }).click();
    await page.getByTestId('code-list').getByRole('button', { name: new RegExp(`^编号 ${codes[0]}，3`) }).click();
    const flag = page.getByTestId('spread-flag');
    await flag.waitFor();
    expect(await flag.innerText()).toContain(SPREAD_FLAG);
    expect(await flag.evaluate((el) => getComputedStyle(el).backgroundColor)).toMatch(/rgb\(255, 242, 240\)|#fff2f0/);

    // The panel's marks, now that judge 1's own is in.
    await page.getByRole('button', { name: '查看评分组评分' }).click();
    const panel = page.getByTestId('panel-marks');
    await panel.waitFor();
    const text = await panel.innerText();
    // Before decoding the seats are anonymous (who sits on a code's panel tells who recused): only the judge's own is marked.
    expect(text).toMatch(/（本人）\s*3/);
    expect(text.match(/第 \d 位\s*1/g)).toHaveLength(2);
    for (const j of setup.judges.slice(1)) expect(text).not.toContain(j.displayName);
  });

  it('the chief judge confirms the spread with a reason and signs off the criterion', async () => {
    await context.close();
    context = await newContext(browser, server.baseUrl, PHONE);
    page = await context.newPage();
    await loginThroughUi(page, setup.chief.username, setup.chief.password);
    await page.waitForURL(/\/admin\/marking$/);
    await page.getByText(setup.name).click();
    // The chief judge marks nothing here, so the screen opens on the chief's view.
    await page.getByRole('tab', { name: '裁判长', selected: true }).waitFor();

    const card = page.getByTestId('flag-card');
    await card.waitFor();
    expect(await card.innerText()).toContain(`${codes[0]} · B1.1`);
    await card.getByRole('textbox', { name: '确认理由' }).fill('经复核操作录像，该选手表面质量确有争议，维持各裁判评分');
    await card.getByRole('button', { name: '确认判分差异' }).click();
    await page.getByText('没有判分差异超过 1 分的评分').waitFor();

    const criterion = page.getByTestId('criterion-B');
    await expect.poll(() => criterion.innerText(), { timeout: 15_000 }).toContain('6/6');
    await criterion.getByRole('button', { name: 'B 签字确认' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '确定' }).click();
    await criterion.getByText('已签字确认').waitFor();
    expect(await page.getByTestId('criterion-A').getByRole('button', { name: 'A 签字确认' }).count()).toBe(1);

    // The server agrees: B is signed off, and a judge can no longer change a B mark.
    const progress = await admin.get<{ signedOff: string[]; flags: unknown[] }>(`/api/competitions/${setup.competitionId}/marking/progress`);
    expect(progress.signedOff).toEqual(['B']);
    expect(progress.flags).toEqual([]);
    await expect(mark(1, codes[0]!, 2, 1)).rejects.toThrow(/409/);
  });
});

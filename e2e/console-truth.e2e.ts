/**
 * The console tells the truth (issue 8 §6), on the demo data `npm start` loads: a finished
 * competition's tabs say it is finished; saved theory scores show in their rows; a judge's mark
 * above the aspect's maximum is refused with the range (not clamped); the units list counts each
 * unit's people; a public notice names the trade once and finds a name in its 280 rows; on a phone
 * the menu opens as a drawer without covering or squeezing the page; in English mode the server's
 * texts (the verification page, a contestant's explanation, the notice's headers) are English.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchInPage, launchBrowser, loginThroughUi, newContext, POLL, screenshotOnFailure } from './support/browser';
import { ApiSession, setUpCompetition, type CompetitionSetup } from './support/competition';
import { startServer, type TestServer } from './support/server';
import { filterNoticeRows } from '../src/shared/notices/search';

let server: TestServer;
let browser: Browser;
let admin: ApiSession;
let desk: BrowserContext;
let phone: BrowserContext;
let page: Page;
let mobile: Page;
let marking: CompetitionSetup;
const ids = new Map<string, number>();

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  admin = await ApiSession.login(server.baseUrl, 'admin', server.passwordOf('admin'));
  for (const c of await admin.get<{ id: number; tradeName: string }[]>('/api/competitions')) ids.set(c.tradeName, c.id);
  marking = await setUpCompetition(admin, { stage: 'marking', perUnit: 2 });
  desk = await newContext(browser, server.baseUrl, { viewport: { width: 1440, height: 900 } });
  page = await desk.newPage();
  phone = await newContext(browser, server.baseUrl, { viewport: { width: 390, height: 844 }, isMobile: true });
  mobile = await phone.newPage();
  await loginThroughUi(page, 'admin', server.passwordOf('admin'));
});

afterAll(async () => {
  await admin?.dispose();
  await desk?.close();
  await phone?.close();
  await browser?.close();
  await server?.stop();
});

screenshotOnFailure('console-truth-desk', () => page);
screenshotOnFailure('console-truth-phone', () => mobile);

describe('a finished competition (成绩已确定) says so on every tab', () => {
  it('评分进度: marking is over, not "抽签后才能开始评分"', async () => {
    await page.goto(`/admin/competitions/${ids.get('车工')}?tab=progress`);
    const stage = page.getByTestId('stage-progress');
    await expect.poll(() => stage.innerText(), POLL).toContain('成绩已确定');
    expect(await page.getByText('抽签后才能开始评分').count()).toBe(0);
    await expect.poll(() => page.getByTestId('stage-partScores').innerText(), POLL).toContain('只读');
  });

  it('解密: the decoder can look again, not "签字锁定后才能解密"', async () => {
    await page.goto(`/admin/competitions/${ids.get('车工')}?tab=decode`);
    await expect.poll(() => page.getByTestId('stage-decode').innerText(), POLL).toContain('已解密');
    expect(await page.getByText('全部成绩签字锁定后才能解密').count()).toBe(0);
    const button = page.getByRole('button', { name: /查看解密结果/ });
    await button.waitFor();
    expect(await button.isEnabled()).toBe(true);
  });

  it('基本信息: read-only with the reason, and no save button', async () => {
    await page.goto(`/admin/competitions/${ids.get('车工')}?tab=setup`);
    await expect.poll(() => page.getByTestId('stage-setup').innerText(), POLL).toContain('基本信息只读');
    expect(await page.getByLabel('竞赛名称').isDisabled()).toBe(true);
    expect(await page.getByLabel('比赛地点').isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: /^保\s*存$/ }).count()).toBe(0);
  });
});

describe('at 1440 px the key columns and actions are in view', () => {
  const inView = async (loc: ReturnType<Page['locator']>) => {
    await loc.waitFor();
    const box = (await loc.boundingBox())!;
    return box.x >= 0 && box.x + box.width <= 1440;
  };
  it('成绩: 认定 (not 拟认定, the results are final) and the explanation', async () => {
    await page.goto(`/admin/competitions/${ids.get('车工')}?tab=results`);
    const table = page.getByTestId('results-table');
    expect(await inView(table.getByRole('columnheader', { name: '认定', exact: true }).first())).toBe(true);
    expect(await table.getByRole('columnheader', { name: '拟认定' }).count()).toBe(0);
    expect(await inView(table.getByRole('button', { name: '说明', exact: true }).first())).toBe(true);
  });
  it('申诉: 仲裁意见 in view; 证书: 撤销 in view', async () => {
    await page.goto(`/admin/competitions/${ids.get('车工')}?tab=appeals`);
    expect(await inView(page.getByRole('columnheader', { name: '仲裁意见' }).first())).toBe(true);
    await page.goto(`/admin/competitions/${ids.get('车工')}?tab=certificates`);
    expect(await inView(page.getByRole('button', { name: '撤销' }).first())).toBe(true);
  });
});

describe('theory scores', () => {
  it('shows the saved score in its row after saving and after a reload (every row said "不修改")', async () => {
    await page.goto(`/admin/competitions/${marking.competitionId}?tab=progress`);
    const input = page.getByRole('spinbutton', { name: /理论知识考试/ }).first();
    await input.waitFor();
    const label = (await input.getAttribute('aria-label'))!;
    await input.fill('86.5');
    await page.getByRole('button', { name: /保存成绩（1 项）/ }).click();
    await page.getByText(/已保存 1 项/).waitFor();
    await expect.poll(() => page.getByRole('spinbutton', { name: label }).inputValue(), POLL).toBe('86.5');
    await page.reload();
    await expect.poll(() => page.getByRole('spinbutton', { name: label }).inputValue(), POLL).toBe('86.5');
    expect(await page.getByPlaceholder('不修改').count()).toBe(0);
  });
});

describe('a judge’s mark out of range', () => {
  it('is refused with the range, not clamped to the maximum', async () => {
    const judge = marking.judges[0]!;
    const ctx = await newContext(browser, server.baseUrl, { viewport: { width: 390, height: 844 }, isMobile: true });
    const p = await ctx.newPage();
    try {
      await loginThroughUi(p, judge.username, judge.password);
      await p.goto(`/admin/marking/${marking.competitionId}`);
      await p.getByRole('combobox', { name: '评分细则' }).click();
      await p.getByText('外圆直径 Φ40±0.02', { exact: false }).last().click();
      await p.getByTestId('code-list').getByRole('button').first().click();
      const entry = p.getByTestId('mark-entry');
      const box = entry.getByRole('spinbutton', { name: '评分' });
      await box.fill('31');
      await box.blur();
      await entry.getByTestId('mark-problem').waitFor();
      expect(await entry.getByTestId('mark-problem').innerText()).toBe('分值须在 0 到 30 之间');
      expect(await box.inputValue()).toBe('31'); // not turned into 30
      const submit = entry.getByRole('button', { name: /提交/ });
      expect(await submit.innerText()).not.toContain('30');
      expect(await submit.isDisabled()).toBe(true);
      await box.fill('29.5');
      await expect.poll(() => entry.getByTestId('mark-problem').count(), POLL).toBe(0);
      expect(await submit.isEnabled()).toBe(true);
    } finally {
      await ctx.close();
    }
  });
});

describe('the units list', () => {
  it('shows each unit’s people (人数 read 1 for every unit)', async () => {
    const someone = (await admin.get<{ items: { unitId: number }[] }>('/api/people?pageSize=1')).items[0]!;
    const unit = await admin.get<{ name: string }>(`/api/units/${someone.unitId}`);
    const people = await admin.get<{ total: number }>(`/api/people?unitId=${someone.unitId}&pageSize=1`);
    expect(people.total).toBeGreaterThan(1);
    await page.goto('/admin/units');
    const search = page.getByPlaceholder(/单位名称/).first();
    await search.fill(unit.name);
    await search.press('Enter');
    const row = page.getByRole('row').filter({ hasText: unit.name }).first();
    await row.waitFor();
    await expect.poll(async () => (await row.getByRole('cell').allInnerTexts()).map((s) => s.trim()), POLL).toContain(String(people.total));
  });
});

describe('a public notice', () => {
  it('names the trade once, and finds one name among its 280 rows on a phone', async () => {
    type Full = { id: number; title: string; intro: string; rows: { name: string; [k: string]: unknown }[] };
    const notices = await (await fetch(`${server.baseUrl}/api/public/notices`)).json() as { id: number }[];
    const all = await Promise.all(notices.map(async (n) => (await fetch(`${server.baseUrl}/api/public/notices/${n.id}`)).json() as Promise<Full>));
    const tool = all.find((n) => n.title.includes('工具钳工'))!;
    expect(tool.intro).toContain('（工具钳工）');
    expect(tool.intro).not.toContain('（工具钳工）（工具钳工）');
    for (const n of all) expect(n.intro).not.toMatch(/（([^（）]+)）（\1）/);
    const full = all.reduce((a, b) => (b.rows.length > a.rows.length ? b : a));
    const notice = full;
    expect(full.rows.length).toBeGreaterThan(250);
    const someone = full.rows[137]!.name;
    await mobile.goto(`/results/${notice.id}`);
    const list = mobile.getByTestId('notice-list');
    await expect.poll(() => list.locator('.ant-card').count(), POLL).toBe(20);
    const search = mobile.getByLabel('搜索姓名、单位或奖项');
    await search.fill(someone);
    await search.press('Enter');
    const matches = filterNoticeRows(full.rows, someone).length;
    await expect.poll(() => list.locator('.ant-card').count(), POLL).toBe(matches);
    expect(await list.locator('.ant-card').first().innerText()).toContain(someone);
    expect(await mobile.getByTestId('notice-count').innerText()).toBe(`显示 ${matches} / ${full.rows.length} 人`);
    // A phone page of 20 cards, not 37,000 px.
    await search.fill('');
    await search.press('Enter');
    expect(await mobile.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(8000);
  });
});

describe('the console on a phone (390 px)', () => {
  it('opens the menu as a drawer from the header: nothing covers the content, nothing is squeezed', async () => {
    await loginThroughUi(mobile, 'admin', server.passwordOf('admin'));
    await mobile.goto('/admin/units');
    const content = mobile.locator('.ant-layout-content');
    await content.locator('.ant-card').first().waitFor();
    const button = mobile.getByTestId('nav-menu-button');
    const b = (await button.boundingBox())!;
    const c = (await content.boundingBox())!;
    expect(b.y + b.height).toBeLessThanOrEqual(c.y); // in the header, above the content
    expect(c.width).toBeGreaterThan(340); // the content has the screen's width
    // No control floats over the page content (antd's zero-width Sider trigger did).
    expect(await mobile.locator('.ant-layout-sider-zero-width-trigger').count()).toBe(0);
    await button.click();
    const drawer = mobile.getByRole('dialog');
    await drawer.getByRole('menuitem', { name: '人员' }).waitFor();
    const after = (await content.boundingBox())!;
    expect(after.width).toBe(c.width); // the page is not squeezed beside the menu
    await drawer.getByRole('menuitem', { name: '人员' }).click();
    await mobile.waitForURL(/\/admin\/people/);
    await expect.poll(() => drawer.isVisible(), POLL).toBe(false);
  });
});

describe('English mode', () => {
  it('the server’s texts follow the console’s language: the verification page and a contestant’s explanation', async () => {
    await page.goto('/admin');
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('button', { name: 'Log out' }).waitFor();
    const certs = await admin.get<{ serial: string }[]>(`/api/competitions/${ids.get('车工')}/certificates`);
    await page.goto(`/verify/${certs[0]!.serial}`);
    await page.getByRole('heading', { name: 'Certificate verification' }).waitFor();
    expect(await page.locator('body').innerText()).toContain('Issued by');
    // The page offers the other language.
    await page.getByRole('link', { name: '中文' }).click();
    await page.getByRole('heading', { name: '证书查验' }).waitFor();
    await page.getByRole('link', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Certificate verification' }).waitFor();
    // A contestant's explanation, fetched by the console in English mode.
    await page.goto('/admin');
    const results = await admin.get<{ rows: { entryId: number; rank: number | null }[] }>(`/api/competitions/${ids.get('车工')}/results`);
    const ranked = results.rows.find((r) => r.rank != null)!;
    const x = await fetchInPage<{ rankText: string; totalFormula: string }>(page, `/api/competitions/${ids.get('车工')}/results/${ranked.entryId}`);
    expect(x.body.rankText).toMatch(/^Place \d+ of \d+ ranked/);
    expect(x.body.totalFormula).toContain('rounded half up');
  });

  it('the public notice’s column headers are English', async () => {
    const notices = await (await fetch(`${server.baseUrl}/api/public/notices`)).json() as { id: number; title: string }[];
    await page.goto(`/results/${notices[0]!.id}`);
    const header = page.getByTestId('notice-list').locator('thead');
    await expect.poll(() => header.innerText(), POLL).toContain('Rank');
    expect(await header.innerText()).not.toMatch(/名次|姓名/);
  });
});

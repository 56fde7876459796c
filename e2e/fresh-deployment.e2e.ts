/**
 * A fresh deployment (`DEMO=0 ADMIN_PASSWORD=…`, the README's production start) can run a campaign
 * through the screens alone: the administrator creates the campaign with its committee, activity
 * and launching notice, a trade, a unit and its account, a person, and a competition, and opens
 * registration; the unit account signs in and registers its contestant, and the organizers' list
 * shows the registration; an identical competition is refused on screen and a draft is deleted from
 * the list. Screenshots of the campaign screens at 1440 px and 390 px go to /tmp.
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../src/shared/idcard';
import { launchBrowser, loginThroughUi, newContext, POLL, screenshotOnFailure } from './support/browser';
import { startServer, type TestServer } from './support/server';

const ADMIN_PASSWORD = 'Fresh-Start-Jiangchuan-2026!';
const UNIT_PASSWORD = 'Unit-Jichuang-Passw0rd!';
const CAMPAIGN = '江川市2026年技能月活动';
const COMPETITION = '2026年车工技能竞赛';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startServer({ demo: false, adminPassword: ADMIN_PASSWORD });
  browser = await launchBrowser();
  context = await newContext(browser, server.baseUrl, { viewport: { width: 1440, height: 900 } });
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

screenshotOnFailure('fresh-deployment', () => page);

/** Picks an option of the antd select labelled `label` (inside `scope`). */
async function choose(scope: Page | Locator, label: string, option: string) {
  await scope.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
}

/**
 * Types a date (or date and time) into an antd date picker and confirms it: with the panel's OK
 * button when it has one (date and time), else by leaving the field (Enter would submit the form).
 */
async function pickDate(input: Locator, value: string) {
  // The previous picker's panel may still be fading out: wait until none is open.
  const open = page.locator('.ant-picker-dropdown:visible');
  await expect.poll(() => open.count(), POLL).toBe(0);
  await input.click();
  await input.fill(value);
  const ok = page.locator('.ant-picker-dropdown:visible .ant-picker-ok button');
  if (await ok.count()) await ok.last().click();
  else await input.press('Tab');
  await expect.poll(() => input.inputValue(), POLL).toBe(value);
}

const fmt = (d: Date) => {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
};

/** Opens 新建竞赛 on the competitions list and fills the set-up (车工, registration open now). */
async function fillCompetition(name: string) {
  await page.getByRole('button', { name: '新建竞赛' }).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByLabel('竞赛名称').fill(name);
  await choose(drawer, '工种', '车工');
  await pickDate(drawer.getByLabel('开始日期'), '2026-05-22');
  await pickDate(drawer.getByLabel('结束日期'), '2026-05-24');
  await drawer.getByLabel('比赛地点').fill('市技师学院实训中心');
  await drawer.getByLabel('工位数').fill('20');
  const now = Date.now();
  await pickDate(drawer.getByLabel('报名开始'), fmt(new Date(now - 86_400_000)));
  await pickDate(drawer.getByLabel('报名截止'), fmt(new Date(now + 10 * 86_400_000)));
}

/** Clicks a button that opens the dialog `title`, again if a page still settling (a list loading) swallowed the click. */
async function openDialog(button: Locator, title: string): Promise<Locator> {
  const dialog = page.getByRole('dialog', { name: title });
  for (let attempt = 1; ; attempt++) {
    if (await dialog.isVisible()) return dialog; // it opened late
    await button.click();
    try {
      await dialog.waitFor({ timeout: 5_000 });
      return dialog;
    } catch (e) {
      if (attempt >= 3) throw e;
    }
  }
}

async function menu(name: string, url: RegExp) {
  await page.getByRole('menuitem', { name, exact: true }).click();
  await page.waitForURL(url);
}

describe('a fresh deployment (DEMO=0)', () => {
  it('the administrator creates the campaign in the console', async () => {
    await loginThroughUi(page, 'admin', ADMIN_PASSWORD);
    await menu('活动', /\/admin\/campaign$/);
    await page.getByText('还没有技能月活动').waitFor();
    await page.getByRole('button', { name: '建立技能月活动' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel('活动名称', { exact: true }).fill(CAMPAIGN);
    await drawer.getByLabel('主题').fill('技能成就梦想');
    await pickDate(drawer.getByLabel('开始日期', { exact: true }).first(), '2026-05-01');
    await pickDate(drawer.getByLabel('结束日期', { exact: true }).first(), '2026-05-31');
    await drawer.getByLabel('主办单位').fill('江川市人力资源和社会保障局');
    const co = drawer.getByRole('combobox', { name: '协办单位' });
    await co.fill('江川市总工会');
    await co.press('Enter');
    const areas = drawer.getByRole('combobox', { name: '活动内容' });
    await areas.fill('职业技能竞赛');
    await areas.press('Enter');

    await drawer.getByRole('button', { name: '添加机构' }).click();
    await drawer.getByLabel('机构名称').fill('组委会办公室');
    await drawer.getByLabel('职责').fill('负责活动的总体组织协调');
    await drawer.getByRole('button', { name: '添加成员' }).click();
    await drawer.getByRole('textbox', { name: '姓名', exact: true }).fill('王建国');
    await drawer.getByRole('textbox', { name: '职务', exact: true }).fill('主任');
    await drawer.getByRole('textbox', { name: '单位', exact: true }).fill('市人社局');

    await drawer.getByRole('button', { name: '添加活动' }).click();
    const activity = drawer.locator('.ant-card').filter({ hasText: '活动 1' });
    await activity.getByLabel('活动名称').fill('全市职业技能大赛');
    await activity.getByLabel('类别').fill('职业技能竞赛');
    await pickDate(activity.getByLabel('开始日期'), '2026-05-22');
    await pickDate(activity.getByLabel('结束日期'), '2026-05-24');
    await activity.getByLabel('地点').fill('市技师学院实训中心');
    await activity.getByLabel('负责单位').fill('技能竞赛组委会');

    await drawer.getByRole('button', { name: '添加文件' }).click();
    const doc = drawer.locator('.ant-card').filter({ hasText: '文件 1' });
    await doc.getByLabel('文件标题').fill('关于开展2026年技能月活动的通知');
    await doc.getByLabel('文号').fill('江人社发〔2026〕12号');
    await pickDate(doc.getByLabel('发文日期'), '2026-04-15');
    await doc.getByLabel('正文').fill('各区人力资源和社会保障局，各有关单位：……');
    await page.screenshot({ path: '/tmp/fresh-campaign-form-1440.png', fullPage: false });

    await drawer.getByRole('button', { name: '建立技能月活动' }).click();
    await page.getByText('已保存').first().waitFor();
    await page.getByRole('cell', { name: '全市职业技能大赛' }).waitFor();
    expect(await page.getByRole('cell', { name: '技能竞赛组委会' }).count()).toBeGreaterThan(0);
    await page.getByText('王建国').waitFor();
    await page.getByText('江人社发〔2026〕12号').waitFor();
    await page.screenshot({ path: '/tmp/fresh-campaign-1440.png', fullPage: true });
  });

  it('adds a trade, a unit, its account and a person', async () => {
    await menu('工种', /\/admin\/trades$/);
    let dialog = await openDialog(page.getByRole('button', { name: '新增工种' }), '新增工种');
    await dialog.getByLabel('工种名称').fill('车工');
    await dialog.getByLabel('工种代码').fill('6-04-01-01');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByRole('cell', { name: '车工', exact: true }).waitFor();

    await menu('单位', /\/admin\/units/);
    dialog = await openDialog(page.getByRole('button', { name: '新增', exact: true }), '新增单位');
    await dialog.getByLabel('单位名称').fill('江川机床厂');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByRole('cell', { name: '江川机床厂' }).waitFor();

    await menu('账号', /\/admin\/accounts/);
    dialog = await openDialog(page.getByRole('button', { name: '新增', exact: true }), '新增账号');
    await dialog.getByLabel('用户名').fill('jichuang');
    await dialog.getByLabel('姓名或名称').fill('江川机床厂');
    await choose(dialog, '角色', '单位');
    await choose(dialog, '单位', '江川机床厂');
    await dialog.getByLabel('初始密码').fill(UNIT_PASSWORD);
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByRole('cell', { name: 'jichuang' }).waitFor();

    await menu('人员', /\/admin\/people/);
    dialog = await openDialog(page.getByRole('button', { name: '新增', exact: true }), '新增人员');
    await dialog.getByLabel('姓名').fill('张伟');
    await dialog.getByLabel('身份证号').fill(makeIdNumber('330106', '1990-03-15', 11, 'M'));
    await choose(dialog, '单位', '江川机床厂');
    await choose(dialog, '工种', '车工');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByRole('cell', { name: '张伟' }).waitFor();
  });

  it('creates a competition in the campaign and opens registration', async () => {
    await menu('技能竞赛', /\/admin\/competitions$/);
    await fillCompetition(COMPETITION);
    const drawer = page.getByRole('dialog');
    await drawer.getByRole('button', { name: '新建竞赛' }).click();
    await page.waitForURL(/\/admin\/competitions\/\d+/);

    await page.getByRole('button', { name: '开放报名' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '确定' }).click();
    await expect.poll(() => page.getByText('报名中').count(), POLL).toBeGreaterThan(0);
  });

  it('the unit account registers its contestant and the organizers see the registration', async () => {
    const unitContext = await newContext(browser, server.baseUrl, { viewport: { width: 1440, height: 900 } });
    const unitPage = await unitContext.newPage();
    try {
      await loginThroughUi(unitPage, 'jichuang', UNIT_PASSWORD);
      await unitPage.getByRole('menuitem', { name: '技能竞赛', exact: true }).click();
      await unitPage.getByRole('link', { name: COMPETITION }).click();
      await unitPage.getByRole('tab', { name: '报名' }).click();
      await unitPage.getByRole('button', { name: '选择人员报名' }).click();
      const dialog = unitPage.getByRole('dialog');
      const row = dialog.getByRole('row').filter({ hasText: '张伟' });
      await row.getByRole('checkbox').check();
      await dialog.getByRole('button', { name: '报名所选 1 人' }).click();
      await unitPage.getByText('已报名 1 人，等待审核').waitFor();
    } finally {
      await unitContext.close();
    }

    await menu('技能竞赛', /\/admin\/competitions$/);
    await page.reload();
    const row = page.getByTestId('competitions-table').getByRole('row').filter({ hasText: COMPETITION });
    await expect.poll(() => row.innerText(), POLL).toMatch(/报名中[\s\S]*待审核 1/);
  });

  it('refuses the same competition twice on screen, and deletes a draft from the list', async () => {
    await menu('技能竞赛', /\/admin\/competitions$/);
    await fillCompetition(COMPETITION);
    const drawer = page.getByRole('dialog');
    await drawer.getByRole('button', { name: '新建竞赛' }).click();
    await drawer.getByText(`本次活动中已有同一工种、同一等级的竞赛「${COMPETITION}」，请勿重复建立`).waitFor();
    await drawer.getByLabel('竞赛名称').fill(`${COMPETITION}（备用）`);
    await drawer.getByRole('button', { name: '新建竞赛' }).click();
    await page.waitForURL(/\/admin\/competitions\/\d+/);

    await menu('技能竞赛', /\/admin\/competitions$/);
    const spare = page.getByTestId('competitions-table').getByRole('row').filter({ hasText: '（备用）' });
    await expect.poll(() => spare.innerText(), POLL).toContain('筹备');
    await spare.getByRole('button', { name: '删除' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '确定' }).click();
    await expect.poll(() => spare.count(), POLL).toBe(0);
    // The competition with a registration has no delete action.
    const real = page.getByTestId('competitions-table').getByRole('row').filter({ hasText: COMPETITION });
    expect(await real.getByRole('button', { name: '删除' }).count()).toBe(0);
  });

  it('shows the campaign screens on a phone (390 px)', async () => {
    const phone = await newContext(browser, server.baseUrl, { viewport: { width: 390, height: 844 }, isMobile: true });
    const p = await phone.newPage();
    try {
      await loginThroughUi(p, 'admin', ADMIN_PASSWORD);
      await p.goto('/admin/campaign');
      // On a phone the activities and the committee read as blocks, not as tables scrolled sideways.
      await p.getByText('全市职业技能大赛').waitFor();
      await p.getByText('王建国（市人社局 主任）').waitFor();
      await p.screenshot({ path: '/tmp/fresh-campaign-390.png', fullPage: true });
      await p.getByRole('button', { name: '修改活动' }).click();
      await p.getByRole('dialog').getByLabel('活动名称', { exact: true }).first().waitFor();
      await p.screenshot({ path: '/tmp/fresh-campaign-form-390.png', fullPage: false });
      // No page wider than the phone.
      expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    } finally {
      await phone.close();
    }
  });
});

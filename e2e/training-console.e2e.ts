/**
 * The training console on a fresh deployment (DEMO=0): the administrator creates a college, a
 * teacher and a training-department account over the API; the organizer (培训组) creates a
 * programme and a class on screen (a quota below the planned size is refused on its field), adds a
 * session, opens enrolment, and the public timetable /training shows the class and its session on a
 * 390 px phone. The class page is then taken through running, finished and (another class)
 * cancelled; screenshots of every status at 1440 px and 390 px go to /tmp/training-console-*.png.
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, loginThroughUi, newContext, POLL, screenshotOnFailure } from './support/browser';
import { ApiSession } from './support/competition';
import { startServer, type TestServer } from './support/server';

const ADMIN_PASSWORD = 'Fresh-Training-Jiangchuan-2026!';
const STAFF_PASSWORD = 'Peixun-Zu-Passw0rd-2026!';
const PROGRAMME = '新技师培养带动计划（2026）';
const CLASS = '第一期（电工、钳工）';
const TOPIC = '开班典礼与安全教育';

let server: TestServer;
let browser: Browser;
let desk: BrowserContext;
let phone: BrowserContext;
let page: Page;
let admin: ApiSession;
let classId = 0;

beforeAll(async () => {
  server = await startServer({ demo: false, adminPassword: ADMIN_PASSWORD });
  admin = await ApiSession.login(server.baseUrl, 'admin', ADMIN_PASSWORD);
  const college = await admin.post('/api/units', { name: '江川市技师学院', kind: 'school' });
  await admin.post('/api/accounts', { username: 'peixun', displayName: '培训组张老师', role: 'committee', committeeBody: 'training', password: STAFF_PASSWORD });
  await admin.post('/api/accounts', { username: 'laoshi', displayName: '王工（电工讲师）', role: 'judge', unitId: college.id, password: STAFF_PASSWORD });
  browser = await launchBrowser();
  desk = await newContext(browser, server.baseUrl, { viewport: { width: 1440, height: 900 } });
  phone = await newContext(browser, server.baseUrl, { viewport: { width: 390, height: 844 }, isMobile: true });
  page = await desk.newPage();
});

afterAll(async () => {
  await admin?.dispose();
  await desk?.close();
  await phone?.close();
  await browser?.close();
  await server?.stop();
});

screenshotOnFailure('training-console', () => page);

async function choose(scope: Locator, label: string, option: string) {
  await scope.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
}

async function pickDate(input: Locator, value: string) {
  await expect.poll(() => page.locator('.ant-picker-dropdown:visible').count(), POLL).toBe(0);
  await input.click();
  await input.fill(value);
  await input.press('Tab');
  await expect.poll(() => input.inputValue(), POLL).toBe(value);
}

/** The class page at 1440 px (this page) and on a 390 px phone signed in as the organizer. */
async function shoot(status: string) {
  await page.screenshot({ path: `/tmp/training-console-class-${status}-1440.png`, fullPage: true });
  const p = await phone.newPage();
  await p.goto(`/admin/training/classes/${classId}`);
  await p.getByTestId('plan-actual').waitFor();
  await p.screenshot({ path: `/tmp/training-console-class-${status}-390.png`, fullPage: true });
  await p.goto(`/admin/training/classes/${classId}?tab=sessions`);
  await p.locator('.ant-picker-calendar').waitFor();
  await p.screenshot({ path: `/tmp/training-console-sessions-${status}-390.png`, fullPage: true });
  await p.close();
}

async function changeStatus(button: string, status: string, day?: string) {
  await page.getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog');
  if (day) await pickDate(dialog.locator('.ant-picker input'), day);
  await dialog.getByRole('button', { name: button, exact: true }).click();
  await expect.poll(() => page.getByTestId('class-status').first().textContent(), POLL).toBe(status);
}

describe('the training console (fresh deployment)', () => {
  it('the organizer creates a programme and a class on screen; a quota below the plan is refused on its field', async () => {
    await loginThroughUi(page, 'peixun', STAFF_PASSWORD);
    // The phone context signs in as the organizer too (for the screenshots of the class page).
    const p = await phone.newPage();
    await loginThroughUi(p, 'peixun', STAFF_PASSWORD);
    await p.close();
    await page.goto('/admin/training');
    await page.getByText('还没有培训项目').waitFor();
    await page.getByRole('button', { name: '新建培训项目' }).click();
    let dialog = page.getByRole('dialog');
    await choose(dialog, '项目类别', '新技师培养带动计划');
    await dialog.getByLabel('项目名称').fill(PROGRAMME);
    await dialog.getByLabel('计划培训人数').fill('200');
    await dialog.getByLabel('计划班数').fill('2');
    await dialog.getByLabel('培训费（元/人）').fill('2400');
    await dialog.getByRole('button', { name: '保存' }).click();
    const card = page.getByTestId(/^programme-\d+$/).filter({ hasText: PROGRAMME });
    await card.getByText('计划 200 人').waitFor();

    await card.getByRole('button', { name: '新建培训班' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('班级名称').fill(CLASS);
    await choose(dialog, '承训院校', '江川市技师学院');
    await choose(dialog, '授课教师', '王工');
    await page.keyboard.press('Escape');
    await dialog.getByRole('combobox', { name: '主办与协办单位' }).fill('江川市人力资源和社会保障局');
    await dialog.getByRole('combobox', { name: '主办与协办单位' }).press('Enter');
    await pickDate(dialog.getByLabel('计划开班日期'), '2026-12-10');
    await pickDate(dialog.getByLabel('计划结业日期'), '2027-01-18');
    await dialog.getByLabel('计划人数').fill('50');
    await dialog.getByLabel('名额', { exact: true }).fill('40');
    await dialog.getByLabel('每单位名额').fill('10');
    await page.screenshot({ path: '/tmp/training-console-class-dialog-1440.png', fullPage: true });
    await dialog.getByRole('button', { name: '保存' }).click();
    // The server's refusal lands on the quota field.
    await dialog.locator('.ant-form-item-explain-error').filter({ hasText: '名额不能少于计划人数' }).waitFor();
    await dialog.getByLabel('名额', { exact: true }).fill('90');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/admin\/training\/classes\/\d+/);
    classId = Number(/classes\/(\d+)/.exec(page.url())![1]);
    expect(await page.getByTestId('class-title').textContent()).toBe(CLASS);
    expect(await page.getByTestId('class-status').first().textContent()).toBe('计划中');
    const pa = page.getByTestId('plan-actual');
    await pa.getByText('计划 50 人').waitFor();
    await pa.getByText('录取 0 人').waitFor();
    await page.getByText('王工（电工讲师）').waitFor();
  });

  it('adds a session on the timetable tab and opens enrolment; the programme shows plan against actual', async () => {
    await shoot('planned');
    await page.getByRole('tab', { name: '课表' }).click();
    await page.getByRole('button', { name: '排课' }).click();
    const dialog = page.getByRole('dialog');
    await pickDate(dialog.getByLabel('日期'), '2026-12-10');
    await dialog.getByLabel('开始时间').fill('08:30');
    await dialog.getByLabel('结束时间').fill('11:30');
    await dialog.getByLabel('课程内容').fill(TOPIC);
    await dialog.getByLabel('教室').fill('实训楼 201');
    // Picking the teacher's account fills the name shown on the timetable (again if a fading dropdown swallowed the click).
    const teacherName = dialog.getByLabel('授课教师', { exact: true });
    for (let i = 0; i < 3 && !(await teacherName.inputValue()); i++) {
      await choose(dialog, '教师账号（可在手机上签到点名）', '王工');
      await page.waitForTimeout(300);
    }
    expect(await teacherName.inputValue()).toBe('王工（电工讲师）');
    await dialog.getByRole('button', { name: '保存' }).click();
    const table = page.getByTestId('sessions-table');
    await table.getByText(TOPIC).waitFor();
    await table.getByText('王工（电工讲师）').waitFor();
    await page.getByTestId('cal-2026-12-10').getByText(TOPIC).waitFor();
    expect(await table.getByRole('link', { name: '上课签到' }).getAttribute('href')).toMatch(/\/admin\/training\/sessions\/\d+\/teach$/);
    await page.screenshot({ path: '/tmp/training-console-sessions-1440.png', fullPage: true });

    await page.getByRole('tab', { name: '概览' }).click();
    await changeStatus('开始报名', '报名中');
    await page.getByTestId('plan-actual').getByText('已上 0 / 共 1 次').waitFor();
    await shoot('enrolling');

    await page.goto('/admin/training');
    const card = page.getByTestId(/^programme-\d+$/).filter({ hasText: PROGRAMME });
    await card.getByTestId('programme-plan-actual').getByText('计划 200 人（各班计划合计 50 人）').waitFor();
    await card.getByText('开班 0 / 1').waitFor();
    await card.getByRole('link', { name: CLASS }).waitFor();
    await page.screenshot({ path: '/tmp/training-console-programmes-1440.png', fullPage: true });
    const p = await phone.newPage();
    await p.goto('/admin/training');
    await p.getByTestId('programme-plan-actual').waitFor();
    await p.screenshot({ path: '/tmp/training-console-programmes-390.png', fullPage: true });
    await p.close();
    await page.getByRole('tab', { name: '课程日历' }).click();
    await page.getByRole('cell', { name: TOPIC, exact: true }).waitFor();
    await page.getByTestId('cal-2026-12-10').getByText(TOPIC).waitFor();
    await page.screenshot({ path: '/tmp/training-console-calendar-1440.png', fullPage: true });
  });

  it('the public timetable lists the class and its session on a 390 px phone', async () => {
    const p = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN', baseURL: server.baseUrl });
    await p.goto('/');
    await p.getByRole('link', { name: '培训课表', exact: true }).click();
    await p.waitForURL(/\/training$/);
    const cls = p.getByTestId('public-classes').locator('.ant-card').filter({ hasText: CLASS });
    await cls.getByText('报名中').waitFor();
    await cls.getByText('江川市技师学院').waitFor();
    await cls.getByText('江川市人力资源和社会保障局').waitFor();
    await cls.getByText('2026-12-10 ~ 2027-01-18').waitFor();
    await cls.getByText('课表（1 次）').click();
    await cls.getByText(TOPIC).waitFor();
    expect(await p.title()).toBe('培训开班课表 · 技能月');
    const width = await p.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await p.screenshot({ path: '/tmp/training-console-public-390.png', fullPage: true });
    await p.close();
  });

  it('the class page says its status truthfully through running, finished and cancelled', async () => {
    await page.goto(`/admin/training/classes/${classId}`);
    await changeStatus('开班', '培训中', '2026-12-10');
    await page.getByTestId('plan-actual').getByText('2026-12-10', { exact: true }).nth(1).waitFor();
    await shoot('running');
    await changeStatus('结业', '已结业', '2027-01-18');
    await expect.poll(() => page.getByRole('button', { name: '编辑' }).count(), POLL).toBe(0);
    await shoot('finished');

    const [programme] = await admin.get('/api/training/programmes');
    const other = await admin.post('/api/training/classes', {
      programmeId: programme.id, name: '第二期（焊工）', targetGroup: 'new-technicians', curriculum: 'syllabus', plannedStartOn: '2027-03-01', plannedEndOn: '2027-04-09', plannedSize: 50, quota: 60,
    });
    classId = other.id;
    await page.goto(`/admin/training/classes/${classId}`);
    await changeStatus('取消培训班', '已取消');
    await expect.poll(() => page.getByRole('button', { name: '开始报名' }).count(), POLL).toBe(0);
    await shoot('cancelled');
  });
});

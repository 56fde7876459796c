/**
 * 技术能手推荐 in the browser: a unit nominates one of its people with evidence; the verifier returns
 * it with a reason (no consent form); the unit sees the reason, uploads the signed form and
 * resubmits; the verifier accepts it.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijingDate } from '../src/shared/calendar/working-days';
import { makeIdNumber } from '../src/shared/idcard';
import { ApiSession } from './support/competition';
import { launchBrowser, loginThroughUi, newContext, POLL, screenshotOnFailure } from './support/browser';
import { startServer, type TestServer } from './support/server';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
const PASSWORD = 'Nominate2024-e2e';
const REASON = '缺少本人签字的同意书';

let server: TestServer;
let browser: Browser;
let unitContext: BrowserContext;
let adminContext: BrowserContext;
let unitPage: Page;
let adminPage: Page;
let admin: ApiSession;
let roundId: number;
let personName: string;
let unitUser: string;
let current: Page | undefined;

beforeAll(async () => {
  server = await startServer();
  admin = await ApiSession.login(server.baseUrl, 'admin', server.passwordOf('admin'));
  const tag = Date.now().toString(36).slice(-5);
  const unit = await admin.post<{ id: number }>('/api/units', { name: `推荐测试机械厂${tag}`, kind: 'enterprise', district: '江北区' });
  personName = `推荐甲${tag.slice(-2)}`;
  const trades = await admin.get<{ id: number }[]>('/api/trades');
  let n = Number.parseInt(tag, 36) % 997;
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.post('/api/people', { name: personName, idNumber: makeIdNumber('330106', '1978-03-0' + ((n % 9) + 1), n, 'M'), unitId: unit.id, tradeId: trades[0]!.id, level: 3, frontLine: true });
      break;
    } catch (e) {
      if (attempt > 5) throw e;
      n = (n + 131) % 997;
    }
  }
  unitUser = `nom_${tag}`;
  await admin.post('/api/accounts', { username: unitUser, displayName: `推荐测试机械厂${tag}`, role: 'unit', unitId: unit.id, password: PASSWORD });
  const campaigns = await admin.get<{ id: number }[]>('/api/campaigns');
  const day = (d: number) => beijingDate(new Date(Date.now() + d * 86_400_000));
  const round = await admin.post<{ id: number }>('/api/selection/rounds', { campaignId: campaigns[0]!.id, name: `技术能手评选${tag}`, nominationOpensOn: day(-1), nominationClosesOn: day(10) });
  roundId = round.id;
  browser = await launchBrowser();
  unitContext = await newContext(browser, server.baseUrl);
  adminContext = await newContext(browser, server.baseUrl);
  unitPage = await unitContext.newPage();
  adminPage = await adminContext.newPage();
});

afterAll(async () => {
  await admin?.dispose();
  await unitContext?.close();
  await adminContext?.close();
  await browser?.close();
  await server?.stop();
});

screenshotOnFailure('selection-nominate', () => current);

async function uploadThrough(page: Page, testId: string, name: string, mimeType: string, buffer: Buffer) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId(testId).click();
  await (await chooser).setFiles({ name, mimeType, buffer });
}

/** The candidate's file (a drawer). */
const fileOf = (page: Page) => page.getByRole('dialog').filter({ hasText: '候选人材料' });

async function candidate() {
  const list = await admin.get<{ id: number; name: string; status: string; returnReason: string | null }[]>(`/api/selection/rounds/${roundId}/candidates`);
  return list.find((c) => c.name === personName);
}

async function openInQueue() {
  current = adminPage;
  await adminPage.goto(`/admin/selection/${roundId}?tab=queue`);
  const c = await expect.poll(candidate, POLL).toBeTruthy().then(candidate);
  await adminPage.getByTestId(`open-${c!.id}`).click();
  return fileOf(adminPage);
}

describe('a nomination from a unit, returned, corrected and accepted', () => {
  it('the unit nominates one of its people and uploads the evidence', async () => {
    current = unitPage;
    await loginThroughUi(unitPage, unitUser, PASSWORD);
    await unitPage.goto(`/admin/selection/${roundId}?tab=nominate`);
    await unitPage.getByText('正在接受推荐').waitFor();
    await unitPage.getByRole('button', { name: '推荐候选人' }).click();
    const modal = unitPage.getByRole('dialog');
    const boxes = modal.getByRole('combobox');
    await boxes.nth(0).click();
    await boxes.nth(0).fill(personName);
    await unitPage.locator('.ant-select-item-option').filter({ hasText: personName }).click();
    await boxes.nth(1).click();
    await unitPage.locator('.ant-select-item-option').filter({ hasText: '在市级以上职业技能竞赛中获奖' }).click();
    await unitPage.keyboard.press('Escape');
    await modal.getByLabel('业绩说明').fill('2008年市职业技能大赛车工一等奖');
    await modal.getByRole('button', { name: '提交推荐' }).click();
    const drawer = fileOf(unitPage);
    await drawer.getByText(personName).first().waitFor();
    await uploadThrough(unitPage, 'upload-prize', '获奖证书.pdf', 'application/pdf', PDF);
    await drawer.getByRole('link', { name: '获奖证书.pdf' }).waitFor();
    await expect.poll(async () => (await candidate())?.status, POLL).toBe('submitted');
  });

  it('the verifier sees the machine check and returns it with a reason', async () => {
    await loginThroughUi(adminPage, 'admin', server.passwordOf('admin'));
    const drawer = await openInQueue();
    await drawer.getByText('尚未取得本人同意').first().waitFor();
    await drawer.getByRole('link', { name: '获奖证书.pdf' }).waitFor();
    await drawer.getByLabel('原因（退回或不符合条件时必填）').fill(REASON);
    await drawer.getByRole('button', { name: '退回修改' }).click();
    await expect.poll(async () => (await candidate())?.status, POLL).toBe('returned');
  });

  it('the unit sees the reason, uploads the signed consent form and resubmits', async () => {
    current = unitPage;
    await unitPage.reload();
    await unitPage.getByRole('cell', { name: REASON }).waitFor();
    const c = await candidate();
    await unitPage.getByTestId(`open-${c!.id}`).click();
    const drawer = fileOf(unitPage);
    await drawer.getByText(`被退回：${REASON}`).waitFor();
    await uploadThrough(unitPage, 'upload-consent', '同意书.png', 'image/png', PNG);
    await drawer.getByText('已上传签字的同意书').waitFor();
    await drawer.getByRole('button', { name: '重新提交' }).click();
    await expect.poll(async () => (await candidate())?.status, POLL).toBe('submitted');
  });

  it('the verifier accepts it, accepting the claimed condition', async () => {
    const drawer = await openInQueue();
    await drawer.getByText('已上传签字的同意书').waitFor();
    await drawer.getByRole('checkbox', { name: '在市级以上职业技能竞赛中获奖' }).waitFor();
    await drawer.getByRole('button', { name: '审查通过' }).click();
    await expect.poll(async () => (await candidate())?.status, POLL).toBe('eligible');
    const c = await candidate();
    const view = await admin.get<{ verifications: { decision: string; reason: string | null }[] }>(`/api/selection/candidates/${c!.id}`);
    expect(view.verifications.map((v) => [v.decision, v.reason])).toEqual([['returned', REASON], ['eligible', null]]);
  });
});

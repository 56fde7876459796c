/**
 * 认识该选手 on a phone (390×844): after the draw a judge can no longer declare a conflict with a
 * unit or a person, only report one on a code in front of them. Judge 1 opens a code, reports
 * knowing the contestant, and the code leaves their sheet; the organizers' progress shows the
 * code, never with whom.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchInPage, launchBrowser, loginThroughUi, newContext, screenshotOnFailure } from './support/browser';
import { ApiSession, setUpCompetition, type CompetitionSetup } from './support/competition';
import { startServer, type TestServer } from './support/server';

type Sheet = { aspects: { aspectId: number; code: string; contestants: { code: string }[] }[] };

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true };

let server: TestServer;
let browser: Browser;
let admin: ApiSession;
let setup: CompetitionSetup;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  admin = await ApiSession.login(server.baseUrl, 'admin', server.passwordOf('admin'));
  setup = await setUpCompetition(admin, { stage: 'marking', perUnit: 2, tag: 'rc' });
  context = await newContext(browser, server.baseUrl, PHONE);
  page = await context.newPage();
});

afterAll(async () => {
  await admin?.dispose();
  await context?.close();
  await browser?.close();
  await server?.stop();
});

screenshotOnFailure('report-conflict', () => page);

describe('认识该选手 on the phone marking screen', () => {
  it('reports a code the judge recognises: it leaves their sheet, and progress shows the code alone', async () => {
    const judge = setup.judges[0]!;
    await loginThroughUi(page, judge.username, judge.password);
    await page.waitForURL(/\/admin\/marking$/);
    await page.getByText(setup.name).click();
    await page.waitForURL(new RegExp(`/admin/marking/${setup.competitionId}`));
    const before = await fetchInPage<Sheet>(page, `/api/competitions/${setup.competitionId}/marking/sheet`);
    const judgement = setup.aspects.find((a) => a.kind === 'judgement')!;
    const codes = before.body.aspects.find((a) => a.aspectId === judgement.id)!.contestants.map((c) => c.code);
    expect(codes).toHaveLength(4);

    await page.getByRole('combobox', { name: '评分细则' }).click();
    await page.locator('.ant-select-item-option').filter({ hasText: new RegExp(`^${judgement.code.replace('.', '\\.')}`) }).click();
    await page.getByTestId('code-list').getByRole('button', { name: new RegExp(`^编号 ${codes[0]}，未评`) }).click();
    const entry = page.getByTestId('mark-entry');
    await entry.getByTestId('report-conflict').click();
    await page.locator('.ant-popconfirm').getByText(`报告您认识编号 ${codes[0]} 的选手？`).waitFor();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '认识该选手' }).click();
    await page.getByText(`已报告：您不再为编号 ${codes[0]} 评分`).waitFor();
    await expect.poll(async () => (await page.getByTestId('code-list').getByRole('button', { name: new RegExp(`^编号 ${codes[0]}，`) }).count()), { timeout: 15_000 }).toBe(0);

    const after = await fetchInPage<Sheet>(page, `/api/competitions/${setup.competitionId}/marking/sheet`);
    for (const a of after.body.aspects) expect(a.contestants.map((c) => c.code)).not.toContain(codes[0]);
    const progress = await admin.get<{ reportedConflicts: { code: string }[] }>(`/api/competitions/${setup.competitionId}/marking/progress`);
    expect(progress.reportedConflicts.map((r) => r.code)).toEqual([codes[0]]);
    // A unit or person conflict can no longer be declared for this judge.
    await expect(admin.post(`/api/judges/${judge.id}/conflicts`, { kind: 'unit', unitId: 1, reason: 'other' })).rejects.toThrow(/409/);
  });
});

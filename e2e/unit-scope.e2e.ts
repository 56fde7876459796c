/**
 * A unit account (unit01, one demo enterprise) sees only its own people, cannot open the
 * administrators' pages, and cannot read another unit's person even by asking for its id.
 */
import { request, type APIRequestContext, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_UNITS } from '../src/server/demo/data';
import { fetchInPage, launchBrowser, POLL, loginThroughUi, newContext, screenshotOnFailure } from './support/browser';
import { startServer, type TestServer } from './support/server';
import { DEMO_PEOPLE_COUNT } from '../src/server/demo/data.js';
import { SELECTION_PEOPLE_COUNT } from '../src/server/demo/selection-data.js';
import { TRAINING_PEOPLE_COUNT } from '../src/server/demo/training-data.js';

type Person = { id: number; name: string; idNumberMasked: string; unitId: number; unitName: string };
type List<T> = { items: T[]; total: number; page: number; pageSize: number };
type Me = { username: string; displayName: string; role: string; unitId: number | null };

/** The demo registry: the competition's 980, the selection's 330 and the training programmes' 1,292 trainees. */
const DEMO_PEOPLE = DEMO_PEOPLE_COUNT + SELECTION_PEOPLE_COUNT + TRAINING_PEOPLE_COUNT;
const UNIT_NAME = DEMO_UNITS[0]!.name;

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let admin: APIRequestContext;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  context = await newContext(browser, server.baseUrl);
  page = await context.newPage();
  // The administrator, over the API only, to find people of other units.
  admin = await request.newContext({ baseURL: server.baseUrl });
  const login = await admin.post('/api/auth/login', { data: { login: 'admin', password: server.passwordOf('admin') } });
  expect(login.status()).toBe(200);
});

afterAll(async () => {
  await admin?.dispose();
  await context?.close();
  await browser?.close();
  await server?.stop();
});

screenshotOnFailure('unit-scope', () => page);

/** Every person the current page's session may list, over the API (200 a page). */
async function allListed(): Promise<Person[]> {
  const out: Person[] = [];
  for (let p = 1; ; p++) {
    const r = await fetchInPage<List<Person>>(page, `/api/people?page=${p}&pageSize=200`);
    expect(r.status).toBe(200);
    out.push(...r.body.items);
    if (out.length >= r.body.total || r.body.items.length === 0) return out;
  }
}

/** The rows the people table shows now, as { name, unit }, once it has finished loading. */
async function visibleRows(): Promise<{ name: string; unit: string; id: string }[]> {
  const table = page.getByTestId('people-table');
  await expect.poll(() => table.locator('.ant-spin-spinning').count(), POLL).toBe(0);
  const headers = (await table.getByRole('columnheader').allInnerTexts()).map((s) => s.trim());
  const nameAt = headers.indexOf('姓名');
  const unitAt = headers.indexOf('单位');
  const idAt = headers.indexOf('身份证号');
  expect([nameAt, unitAt, idAt].every((i) => i >= 0), `headers: ${headers.join(',')}`).toBe(true);
  const rows = table.locator('tbody tr.ant-table-row');
  const out = [];
  for (let i = 0, n = await rows.count(); i < n; i++) {
    const cells = (await rows.nth(i).getByRole('cell').allInnerTexts()).map((s) => s.trim());
    out.push({ name: cells[nameAt]!, unit: cells[unitAt]!, id: cells[idAt]! });
  }
  return out;
}

describe('a unit account', () => {
  it('signs in to its own people list', async () => {
    await loginThroughUi(page, 'unit01', server.passwordOf('unit01'));
    // A unit account has no overview: /admin sends it to the people page.
    await page.waitForURL(/\/admin\/people$/);
    const me = await fetchInPage<Me>(page, '/api/auth/me');
    expect(me.body).toMatchObject({ username: 'unit01', role: 'unit', displayName: UNIT_NAME });
    expect(me.body.unitId).not.toBeNull();
    expect(await page.getByRole('banner').innerText()).toContain(UNIT_NAME);
    // Its menu offers only what it may open: no overview, units, accounts or audit log.
    await page.getByRole('menuitem', { name: '人员' }).waitFor();
    const menu = (await page.getByRole('menuitem').allInnerTexts()).map((s) => s.trim());
    expect(menu).toEqual(expect.arrayContaining(['活动', '人员', '修改密码']));
    for (const adminOnly of ['概览', '单位', '账号', '审计日志']) expect(menu).not.toContain(adminOnly);
  });

  it('sees exactly its own unit’s people, page after page', async () => {
    const listed = await allListed();
    const total = listed.length;
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThan(DEMO_PEOPLE);
    expect(new Set(listed.map((p) => p.unitName))).toEqual(new Set([UNIT_NAME]));

    // The administrator's view of the same unit has the same people.
    const unitId = listed[0]!.unitId;
    const byAdmin = await admin.get(`/api/people?unitId=${unitId}&pageSize=200`);
    expect(byAdmin.status()).toBe(200);
    const adminList = (await byAdmin.json()) as List<Person>;
    expect(adminList.total).toBe(total);
    expect(adminList.items.map((p) => p.id).sort((a, b) => a - b)).toEqual(listed.map((p) => p.id).sort((a, b) => a - b));

    // The table: no unit filter, the API's total, and only this unit on every page.
    await page.getByText(`共 ${total} 条`).waitFor();
    expect(await page.getByText('全部单位').count()).toBe(0);
    const seen: { name: string; unit: string; id: string }[] = [];
    const pages = Math.ceil(total / 20);
    expect(pages).toBeGreaterThan(1);
    for (let p = 1; p <= pages; p++) {
      if (p > 1) {
        await Promise.all([
          page.waitForResponse((r) => new URL(r.url()).pathname === '/api/people' && new URL(r.url()).searchParams.get('page') === String(p)),
          page.getByTitle('下一页').click(),
        ]);
        await expect.poll(() => page.locator('.ant-pagination-item-active').innerText(), POLL).toBe(String(p));
      }
      const rows = await visibleRows();
      expect(rows.length).toBe(p < pages ? 20 : total - 20 * (pages - 1));
      seen.push(...rows);
    }
    expect(seen).toHaveLength(total);
    for (const r of seen) {
      expect(r.unit).toBe(UNIT_NAME);
      expect(r.id).toMatch(/^\d{3}\*{11}\d{3}[\dX]$/);
    }
    expect(seen.map((r) => r.name).sort()).toEqual(listed.map((p) => p.name).sort());
  });

  it('is refused the units, accounts and audit pages', async () => {
    for (const path of ['/admin/units', '/admin/accounts', '/admin/audit']) {
      await page.goto(path);
      await page.getByText('无权访问此页面').waitFor();
      expect(await page.getByText('403', { exact: true }).isVisible()).toBe(true);
      expect(new URL(page.url()).pathname).toBe(path);
      // No list of units or accounts behind the refusal.
      expect(await page.getByRole('table').count()).toBe(0);
      expect(await page.getByRole('button', { name: '新增' }).count()).toBe(0);
    }
    // The server refuses as well: the pages' data cannot be fetched directly.
    for (const api of ['/api/accounts', '/api/audit']) {
      expect((await fetchInPage(page, api)).status, api).toBe(403);
    }
  });

  it('cannot read another unit’s person by id', async () => {
    const own = await allListed();
    const ownIds = new Set(own.map((p) => p.id));
    const unitId = own[0]!.unitId;

    const everyone = (await (await admin.get('/api/people?pageSize=200')).json()) as List<Person>;
    expect(everyone.total).toBe(DEMO_PEOPLE);
    const other = everyone.items.find((p) => p.unitId !== unitId && !ownIds.has(p.id));
    expect(other, 'a person of another unit').toBeDefined();
    const adminView = await admin.get(`/api/people/${other!.id}`);
    expect(adminView.status()).toBe(200);

    // Its own person opens; the other unit's does not, and nothing of it comes back.
    const mine = await fetchInPage<Person>(page, `/api/people/${own[0]!.id}`);
    expect(mine.status).toBe(200);
    expect(mine.body.name).toBe(own[0]!.name);
    const theirs = await fetchInPage(page, `/api/people/${other!.id}`);
    expect([403, 404]).toContain(theirs.status);
    const text = JSON.stringify(theirs.body);
    expect(text).not.toContain(other!.idNumberMasked);
    expect(text).not.toContain(other!.unitName);

    // Nor can it change that person, or filter its list to that person's unit.
    const patch = await page.evaluate(async (id) => {
      const me = await (await fetch('/api/auth/me')).json();
      const res = await fetch(`/api/people/${id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({ name: '越权修改' }),
      });
      return res.status;
    }, other!.id);
    expect([403, 404]).toContain(patch);
    expect((await (await admin.get(`/api/people/${other!.id}`)).json()).name).toBe(other!.name);
    const filtered = await fetchInPage<List<Person>>(page, `/api/people?unitId=${other!.unitId}`);
    // (the unit scope is added to any filter: another unit's id filters down to nobody)
    expect(filtered.status).toBe(200);
    expect(filtered.body.total).toBe(0);
  });
});

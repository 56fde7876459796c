import { and, eq, inArray } from 'drizzle-orm';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSerial } from '../../../shared/certificates/serial.js';
import type { Certificate } from '../../../shared/contracts/certificates.js';
import { accounts } from '../accounts/tables.js';
import { competitions } from '../../competition/competitions/tables.js';
import { entries } from '../../competition/entries/tables.js';
import { notices } from '../notices/tables.js';
import { outcomes } from '../../competition/outcomes/tables.js';
import { buildCompetition, type CompetitionWorld } from '../../test/competition-fixture.js';
import { buildAccount, call, login, makeTestEnv, type Session, type TestEnv } from '../../test/harness.js';
import { jobs } from '../jobs/tables.js';
import { settledZipJob, ZIP_KIND } from './jobs.js';
import { pdfText, qrModulesDiffering } from './testing.js';

let env: TestEnv;
let w: CompetitionWorld;
let person: Session;
let list: Certificate[];

/** Final outcomes as the outcomes module writes them at finality (inserted directly here). */
async function finalOutcomes() {
  const db = env.database.db;
  const es = await db.select().from(entries).where(inArray(entries.id, [...w.entriesA, ...w.entriesB]));
  const entry = (id: number) => es.find((e) => e.id === id)!;
  const [a0, a1, b0] = [entry(w.entriesA[0]!), entry(w.entriesA[1]!), entry(w.entriesB[0]!)];
  const base = { competitionId: w.competitionId, decidedOn: '2009-06-01', createdAt: env.clock.now() };
  const ind = (e: typeof a0) => ({ ...base, entryId: e.id, personId: e.personId });
  await db.insert(outcomes).values([
    { ...ind(a0), kind: 'award', rank: 1, title: '第1名' },
    { ...ind(a0), kind: 'promotion', level: 2, title: '技师' },
    { ...ind(a0), kind: 'title', title: '市技术能手' },
    { ...ind(a1), kind: 'level', level: 3, title: '高级工' },
    { ...ind(b0), kind: 'award', rank: 2, title: '第2名' },
    { ...base, kind: 'team', unitId: w.unitA.id, rank: 1, title: '团体第1名' },
    { ...base, kind: 'organization', unitId: w.unitB.id, title: '组织奖' },
  ]);
  await db.update(competitions).set({ status: 'final' }).where(eq(competitions.id, w.competitionId));
  await db.insert(notices).values({
    kind: 'competition-results', subjectId: w.competitionId, round: 1, title: '成绩公示', intro: '', columns: [], rows: [], status: 'final',
    workingDays: 5, startsOn: '2009-05-25', endsOn: '2009-05-29', endsAt: new Date('2009-05-29T16:00:00Z'),
    publishedBy: w.admin.accountId, publishedAt: new Date('2009-05-25T02:00:00Z'), closedAt: new Date('2009-05-30T01:00:00Z'),
  });
  const acc = await buildAccount(env, 'person');
  await db.update(accounts).set({ personId: a0.personId }).where(eq(accounts.id, acc.id));
  person = await login(env, acc.username);
}

beforeAll(async () => {
  env = await makeTestEnv();
  w = await buildCompetition(env, 'approved', 2);
});
afterAll(() => env.close());

describe('issuing certificates', () => {
  it('refuses before the results are final', async () => {
    const res = await call(env, w.admin, 'POST', `/api/competitions/${w.competitionId}/certificates`, {});
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('成绩确定');
  });

  it('issues one certificate per final outcome, once, dated the day the notice became final, by the campaign organizer', async () => {
    await finalOutcomes();
    const res = await call(env, w.admin, 'POST', `/api/competitions/${w.competitionId}/certificates`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ issued: 7 });
    expect((await call(env, w.admin, 'POST', `/api/competitions/${w.competitionId}/certificates`, {})).json()).toEqual({ issued: 0 });
    list = (await call(env, w.admin, 'GET', `/api/competitions/${w.competitionId}/certificates`)).json();
    expect(list).toHaveLength(7);
    expect(new Set(list.map((c) => c.issuer))).toEqual(new Set(['市劳动和社会保障局']));
    expect(new Set(list.map((c) => c.issuedOn))).toEqual(new Set(['2009-05-30']));
    const trade = list[0]!.tradeName;
    expect(list.map((c) => c.title).sort()).toEqual([`${trade} 第1名`, `${trade} 第2名`, '团体第1名', '市技术能手', '晋升技师', '组织奖', '高级工（国家职业资格三级）'].sort());
    const team = list.find((c) => c.kind === 'team')!;
    expect(team.holderIdMasked).toBeNull();
    expect(team.holderName).toBe(team.unitName);
    for (const c of list.filter((x) => x.kind !== 'team' && x.kind !== 'organization')) {
      expect(c.holderIdMasked).toMatch(/^\d{3}\*+\w{4}$/);
      expect(c.holderName).toMatch(/^选手/);
    }
  });

  it('gives serials that are valid, unique and not sequential', () => {
    const serials = list.map((c) => c.serial);
    for (const s of serials) expect(parseSerial(s)).toBe(s);
    expect(new Set(serials).size).toBe(serials.length);
    const differing = (a: string, b: string) => [...a].filter((ch, i) => ch !== b[i]).length;
    for (let i = 1; i < serials.length; i++) expect(differing(serials[i - 1]!, serials[i]!)).toBeGreaterThan(10);
  });

  it('lets a unit list only its holders\' certificates and a person only their own', async () => {
    const a = (await call(env, w.unitA.session, 'GET', `/api/competitions/${w.competitionId}/certificates`)).json() as Certificate[];
    expect(a.map((c) => c.kind).sort()).toEqual(['award', 'level', 'promotion', 'team', 'title']);
    const b = (await call(env, w.unitB.session, 'GET', `/api/competitions/${w.competitionId}/certificates`)).json() as Certificate[];
    expect(b.map((c) => c.kind).sort()).toEqual(['award', 'organization']);
    const mine = (await call(env, person, 'GET', '/api/me/certificates')).json() as Certificate[];
    expect(mine.map((c) => c.kind).sort()).toEqual(['award', 'promotion', 'title']);
  });
});

describe('certificate PDFs', () => {
  it('renders the holder, title and serial in Chinese, with the QR pointing at PUBLIC_BASE_URL or the request origin', async () => {
    const c = list.find((x) => x.kind === 'award' && x.title.endsWith('第1名'))!;
    const res = await call(env, w.admin, 'GET', `/api/certificates/${c.id}/pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent(c.serial));
    const text = pdfText(res.rawPayload);
    for (const s of ['荣誉证书', c.holderName, c.title, c.serial, c.unitName, '市劳动和社会保障局', '2009年5月30日']) expect(text).toContain(s);
    expect(qrModulesDiffering(res.rawPayload, `http://localhost:80/verify/${c.serial}`)).toBe(0);
    process.env.PUBLIC_BASE_URL = 'https://jineng.example.cn';
    try {
      const behindProxy = await call(env, w.admin, 'GET', `/api/certificates/${c.id}/pdf`);
      expect(qrModulesDiffering(behindProxy.rawPayload, `https://jineng.example.cn/verify/${c.serial}`)).toBe(0);
    } finally {
      delete process.env.PUBLIC_BASE_URL;
    }
  });

  it('lets the holder and the holder\'s unit download, and refuses another unit and another person', async () => {
    const a0 = list.find((x) => x.kind === 'promotion')!;
    const org = list.find((x) => x.kind === 'organization')!;
    expect((await call(env, person, 'GET', `/api/certificates/${a0.id}/pdf`)).statusCode).toBe(200);
    expect((await call(env, w.unitA.session, 'GET', `/api/certificates/${a0.id}/pdf`)).statusCode).toBe(200);
    expect((await call(env, w.unitB.session, 'GET', `/api/certificates/${a0.id}/pdf`)).statusCode).toBe(403);
    expect((await call(env, w.unitA.session, 'GET', `/api/certificates/${org.id}/pdf`)).statusCode).toBe(403);
    expect((await call(env, person, 'GET', `/api/certificates/${org.id}/pdf`)).statusCode).toBe(403);
    expect((await call(env, w.admin, 'GET', '/api/certificates/999999/pdf')).statusCode).toBe(404);
  });
});

describe('bulk ZIP', () => {
  it('renders every certificate into one stored ZIP named <serial>-<name>.pdf, for the starting account only', async () => {
    const start = await call(env, w.admin, 'POST', `/api/competitions/${w.competitionId}/certificates/zip`);
    expect(start.statusCode, start.body).toBe(200);
    const job = start.json();
    expect(job).toMatchObject({ total: 7, status: 'running' });
    expect((await call(env, w.unitA.session, 'GET', `/api/certificate-jobs/${job.id}`)).statusCode).toBe(404);
    await settledZipJob(env.database.db, job.id);
    expect((await call(env, w.admin, 'GET', `/api/certificate-jobs/${job.id}`)).json()).toMatchObject({ done: 7, total: 7, status: 'done', error: null });
    expect((await call(env, w.unitA.session, 'GET', `/api/certificate-jobs/${job.id}/download`)).statusCode).toBe(404);
    const res = await call(env, w.admin, 'GET', `/api/certificate-jobs/${job.id}/download`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const files = unzipSync(new Uint8Array(res.rawPayload));
    expect(Object.keys(files).sort()).toEqual(list.map((c) => `${c.serial}-${c.holderName}.pdf`).sort());
    for (const f of Object.values(files)) expect(Buffer.from(f.subarray(0, 5)).toString()).toBe('%PDF-');
  });

  it('refuses a third ZIP while two of the account\'s are waiting or running (429 with the reason), and keeps the job in the database', async () => {
    const done = await env.database.db.select().from(jobs).where(eq(jobs.accountId, w.admin.accountId));
    expect(done.length).toBeGreaterThan(0); // the ZIP made above is a row, with its file
    const later = new Date(Date.now() + 3_600_000);
    await env.database.db.insert(jobs).values([1, 2].map(() => ({ kind: ZIP_KIND, accountId: w.admin.accountId, status: 'queued' as const, runAt: later, expiresAt: later, payload: {} })));
    const res = await call(env, w.admin, 'POST', `/api/competitions/${w.competitionId}/certificates/zip`);
    expect(res.statusCode).toBe(429);
    expect(res.json().error.message).toContain('正在生成');
    await env.database.db.delete(jobs).where(and(eq(jobs.accountId, w.admin.accountId), eq(jobs.status, 'queued')));
  });

  it('packs a unit\'s own certificates only', async () => {
    const job = (await call(env, w.unitB.session, 'POST', `/api/competitions/${w.competitionId}/certificates/zip`)).json();
    expect(job.total).toBe(2);
    expect(await settledZipJob(env.database.db, job.id)).toMatchObject({ status: 'done', done: 2 });
  });
});

describe('public verification', () => {
  it('answers the API and the /verify page for a valid certificate, with the ID masked', async () => {
    const c = list.find((x) => x.kind === 'level')!;
    const api = await call(env, null, 'GET', `/api/public/certificates/${c.serial}`);
    expect(api.statusCode).toBe(200);
    const { id: _id, ...expected } = c;
    expect(api.json()).toEqual(expected);
    const page = await call(env, null, 'GET', `/verify/${c.serial}`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    for (const s of ['有效', c.holderName, c.holderIdMasked!, c.title, c.tradeName, c.eventName, '市劳动和社会保障局', '2009年5月30日', 'width=device-width']) expect(page.body).toContain(s);
    expect(page.body).not.toMatch(/\d{17}[\dX]/);
    expect(page.body).not.toContain('<script');
    // Typed in lower case: sent to the canonical address.
    const typed = await call(env, null, 'GET', `/verify/${c.serial.toLowerCase()}`);
    expect(typed.statusCode).toBe(301);
    expect(typed.headers.location).toBe(`/verify/${c.serial}`);
    const form = await call(env, null, 'GET', `/verify?serial=${encodeURIComponent(c.serial.replace(/-/g, ' '))}`);
    expect(form.statusCode).toBe(303);
    expect(form.headers.location).toBe(`/verify/${c.serial}`);
  });

  it('speaks the reader’s language: ?lang=en (remembered in a cookie), the cookie, or Accept-Language; offers 中文/English', async () => {
    const c = list.find((x) => x.kind === 'level')!;
    const get = (url: string, headers: Record<string, string> = {}) => env.app.inject({ method: 'GET', url, headers });
    const zh = await get(`/verify/${c.serial}`);
    expect(zh.body).toContain('证书查验');
    expect(zh.body).toMatch(/<a href="\?lang=en"[^>]*>English<\/a>/);
    const en = await get(`/verify/${c.serial}?lang=en`);
    expect(en.statusCode).toBe(200);
    for (const s of ['Certificate verification', 'Valid', 'Holder', 'Issued by', c.holderName, c.title]) expect(en.body).toContain(s);
    expect(en.body).toContain('<html lang="en">');
    expect(en.body).not.toContain('持证人');
    expect(String(en.headers['set-cookie'])).toMatch(/lang=en/);
    expect((await get(`/verify/${c.serial}`, { cookie: 'lang=en' })).body).toContain('Certificate verification');
    expect((await get(`/verify/${c.serial}`, { 'accept-language': 'en-GB,en;q=0.9' })).body).toContain('Certificate verification');
    expect((await get(`/verify/${c.serial}`, { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' })).body).toContain('持证人');
    expect((await get('/verify/NOSUCHSERIAL?lang=en')).body).toContain('Certificate not found');
    expect((await get('/verify?lang=fr')).statusCode).toBe(200);
  });

  it('shows 已撤销 with the date and reason once revoked (the cached answer is dropped)', async () => {
    const c = list.find((x) => x.kind === 'title')!;
    expect((await call(env, null, 'GET', `/verify/${c.serial}`)).body).toContain('有效');
    expect((await call(env, w.unitA.session, 'POST', `/api/certificates/${c.id}/revoke`, { reason: '获奖资格经复查撤销' })).statusCode).toBe(403);
    const res = await call(env, w.admin, 'POST', `/api/certificates/${c.id}/revoke`, { reason: '获奖资格经复查撤销' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'revoked', revokeReason: '获奖资格经复查撤销' });
    const page = (await call(env, null, 'GET', `/verify/${c.serial}`)).body;
    expect(page).toContain('已撤销');
    expect(page).toContain('获奖资格经复查撤销');
    expect(page).not.toContain('badge valid');
    expect((await call(env, null, 'GET', `/api/public/certificates/${c.serial}`)).json()).toMatchObject({ status: 'revoked' });
    const again = await call(env, w.admin, 'POST', `/api/certificates/${c.id}/revoke`, { reason: '再次撤销试试' });
    expect(again.statusCode).toBe(409);
  });

  it('answers an unknown or malformed serial with a clear not-found page and a form (never a 500)', async () => {
    const unknown = (list[0]!.serial.slice(0, -1) + (list[0]!.serial.endsWith('0') ? '1' : '0'));
    for (const s of ['NOSUCHSERIAL', encodeURIComponent('<script>alert(1)</script>'), unknown, 'SM09-00000-00000-00000-0000' + '0']) {
      const page = await call(env, null, 'GET', `/verify/${s}`);
      expect(page.statusCode, s).toBe(404);
      expect(page.body).toContain('未找到该证书');
      expect(page.body).toContain('<form action="/verify"');
      expect(page.body).not.toContain('<script>');
      const api = await call(env, null, 'GET', `/api/public/certificates/${s}`);
      expect(api.statusCode).toBe(404);
      expect(api.json().error.message).toBe('未找到该编号的证书，请核对证书编号');
    }
    const empty = await call(env, null, 'GET', '/verify');
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain('输入证书编号查验');
  });
});

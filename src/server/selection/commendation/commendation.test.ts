import { and, count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts } from '../../core/accounts/tables.js';
import { auditLog } from '../../core/audit/tables.js';
import { campaigns } from '../../core/campaign/tables.js';
import { pdfText, qrModulesDiffering } from '../../core/certificates/testing.js';
import { people, qualificationEligibilities, qualificationRecords } from '../../core/people/tables.js';
import type { ServiceContext } from '../../context.js';
import ExcelJS from '../../excel/exceljs.js';
import { buildAccount, buildPerson, buildTrade, buildUnit, call, login, makeTestEnv, sessionAs, type Session, type TestEnv } from '../../test/harness.js';
import { selectionCandidates } from '../nominations/tables.js';
import { selectionRounds } from '../rounds/tables.js';
import { writeAwards } from './service.js';
import { selectionAwards } from './tables.js';

/**
 * 表彰: the final experts' awards written once at finality (title, cash award, promotion into the
 * qualification records), certificates verifiable at /verify, bank details kept masked but in the
 * payment list the finance body downloads.
 */
let env: TestEnv;
let roundId: number;
let candidates: number[];
let personIds: number[];
let s: Record<'admin' | 'finance' | 'committee' | 'unit' | 'otherUnit' | 'judge' | 'expert' | 'otherPerson', Session>;
const ACCOUNT = '6222021234567890123';

async function accountSession(role: 'committee' | 'person', set: { committeeBody?: string; personId?: number }) {
  const a = await buildAccount(env, role);
  await env.database.db.update(accounts).set(set).where(eq(accounts.id, a.id));
  return login(env, a.username);
}

const ctx = (): ServiceContext => ({ db: env.database.db, actor: null, clock: env.clock, pii: env.pii });
const write = () => env.database.db.transaction((tx) => writeAwards(tx, ctx(), roundId, candidates, '2009-06-20'));

async function snapshot() {
  const db = env.database.db;
  const [[records], [eligibilities], [awards], [audits], levels] = await Promise.all([
    db.select({ n: count() }).from(qualificationRecords).where(inArray(qualificationRecords.personId, personIds)),
    db.select({ n: count() }).from(qualificationEligibilities).where(inArray(qualificationEligibilities.personId, personIds)),
    db.select({ n: count() }).from(selectionAwards).where(eq(selectionAwards.roundId, roundId)),
    db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, 'selection.awards')),
    db.select({ id: people.id, level: people.level }).from(people).where(inArray(people.id, personIds)),
  ]);
  return { records: records!.n, eligibilities: eligibilities!.n, awards: awards!.n, audits: audits!.n, levels: personIds.map((id) => levels.find((l) => l.id === id)!.level) };
}

beforeAll(async () => {
  env = await makeTestEnv();
  const db = env.database.db;
  const admin = await sessionAs(env, 'admin');
  const [c] = await db.insert(campaigns).values({
    name: '2009年技能月', theme: '技能成才', startsOn: '2009-05-01', endsOn: '2009-05-31', organizer: '江川市劳动和社会保障局',
    coOrganizers: [], committeeBodies: [], contentAreas: [],
  }).returning();
  const r = await call(env, admin, 'POST', '/api/selection/rounds', { campaignId: c!.id, name: '2009年市技术能手评选', nominationOpensOn: '2009-05-04', nominationClosesOn: '2009-05-15' });
  roundId = r.json().id;
  const unit = await buildUnit(env, { name: '江川机床厂' });
  const trade = await buildTrade(env, '车工');
  // The default round's 20 experts: levels 3, 3, 2, 1 and sixteen more 高级工 — eighteen promoted to
  // 技师, one eligible for 高级技师 early, one kept.
  const levels = [3, 3, 2, 1, ...Array<number>(16).fill(3)];
  const ps = [];
  for (const [i, level] of levels.entries()) {
    const p = await buildPerson(env, unit.id, { name: ['王建国', '李卫东', '张秀英', '赵志强'][i] ?? `技能${i}`, tradeId: trade.id });
    await db.update(people).set({ level }).where(eq(people.id, p.id));
    ps.push(p);
  }
  personIds = ps.map((p) => p.id);
  const now = env.clock.now();
  const rows = await db.insert(selectionCandidates).values(ps.map((p) => ({ roundId, personId: p.id, status: 'eligible' as const, createdAt: now, updatedAt: now }))).returning();
  candidates = rows.map((x) => x.id);
  s = {
    admin, finance: await accountSession('committee', { committeeBody: 'finance' }), committee: await accountSession('committee', { committeeBody: 'competition' }),
    unit: await sessionAs(env, 'unit', { unitId: unit.id }), otherUnit: await sessionAs(env, 'unit'), judge: await sessionAs(env, 'judge'),
    expert: await accountSession('person', { personId: ps[0]!.id }), otherPerson: await accountSession('person', { personId: (await buildPerson(env, unit.id)).id }),
  };
});
afterAll(() => env.close());

const awardsOf = async (who: Session) => (await call(env, who, 'GET', `/api/selection/rounds/${roundId}/awards`)).json();
const ROLES = () => [['admin', s.admin], ['finance', s.finance], ['committee', s.committee], ['unit', s.unit], ['otherUnit', s.otherUnit], ['judge', s.judge], ['expert', s.expert], ['otherPerson', s.otherPerson], ['anonymous', null]] as const;

describe('the commendation stage', () => {
  it('blocks closing while the awards are not written, and refuses certificates before its stage', async () => {
    const before = await awardsOf(s.admin);
    expect(before).toMatchObject({ written: false, awards: [], total: 0, mayIssue: false });
    const cert = await call(env, s.admin, 'POST', `/api/selection/rounds/${roundId}/certificates`, {});
    expect(cert.statusCode).toBe(409);
    expect(cert.json().error.message).toContain('推荐报名');
    // The round reaches 表彰 (the earlier stages are the other modules' to run).
    await env.database.db.update(selectionRounds).set({ stage: 11 }).where(eq(selectionRounds.id, roundId));
    const round = (await call(env, s.admin, 'GET', `/api/selection/rounds/${roundId}`)).json();
    const stage = round.stages.find((x: { kind: string }) => x.kind === 'commendation');
    expect(stage).toMatchObject({ state: 'open', count: 0 });
    expect(stage.blockers.join()).toContain('表彰结果尚未写入');
    const early = await call(env, s.admin, 'POST', `/api/selection/rounds/${roundId}/certificates`, {});
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('还没有可颁发证书');
  });

  it('writes the outcomes once after finality: a second call writes nothing, and a level is never lowered', async () => {
    await write();
    const first = await snapshot();
    expect(first).toEqual({ records: 18, eligibilities: 1, awards: 20, audits: 1, levels: [2, 2, 2, 1, ...Array<number>(16).fill(2)] });
    await write();
    expect(await snapshot()).toEqual(first);

    const awards = await env.database.db.select().from(selectionAwards).where(eq(selectionAwards.roundId, roundId));
    expect(awards).toHaveLength(20);
    expect(awards.slice(0, 4).map((a) => [a.title, a.amount, a.promotion])).toEqual([
      ['市技术能手', 2000, 'to_technician'], ['市技术能手', 2000, 'to_technician'], ['市技术能手', 2000, 'early_senior_technician'], ['市技术能手', 2000, 'none'],
    ]);
    const recs = await env.database.db.select().from(qualificationRecords).where(inArray(qualificationRecords.personId, personIds));
    expect(new Set(recs.map((r) => `${r.level} ${r.source} ${r.obtainedOn}`))).toEqual(new Set(['2 2009年市技术能手评选 2009-06-20']));
    expect(recs).toHaveLength(18);
    expect(awards[0]!.qualificationRecordId).toBe(recs[0]!.id);
    expect(awards[2]!.qualificationRecordId).toBeNull();
    const [elig] = await env.database.db.select().from(qualificationEligibilities).where(eq(qualificationEligibilities.personId, personIds[2]!));
    expect(elig).toMatchObject({ level: 1, early: true, source: '2009年市技术能手评选' });
  });

  it('a later round builds on the raised level: the 技师 of 2009 may sit 高级技师 early in 2010, still level 2', async () => {
    const db = env.database.db;
    const [r1] = await db.select().from(selectionRounds).where(eq(selectionRounds.id, roundId));
    const now = env.clock.now();
    const [r2] = await db.insert(selectionRounds).values({ campaignId: r1!.campaignId, name: '2010年市技术能手评选', rules: r1!.rules, createdAt: now, updatedAt: now }).returning();
    const cands = await db.insert(selectionCandidates).values([personIds[0]!, personIds[3]!].map((personId) => ({ roundId: r2!.id, personId, status: 'eligible' as const, createdAt: now, updatedAt: now }))).returning();
    await db.transaction((tx) => writeAwards(tx, ctx(), r2!.id, cands.map((c) => c.id), '2010-06-20'));
    const awards = await db.select().from(selectionAwards).where(eq(selectionAwards.roundId, r2!.id));
    expect(awards.map((a) => a.promotion)).toEqual(['early_senior_technician', 'none']);
    const levels = await db.select({ id: people.id, level: people.level }).from(people).where(inArray(people.id, [personIds[0]!, personIds[3]!]));
    expect(levels.map((l) => l.level).sort()).toEqual([1, 2]);
  });

  it('lists the awards to the office (all) and a unit (its own), the bank account masked; refuses the rest', async () => {
    const all = await awardsOf(s.admin);
    // The demo's payment: 20 × 2000 = 40,000 yuan.
    expect(all).toMatchObject({ written: true, total: 40000, missingBank: 20, certificatesIssued: 0, mayDownloadPayments: true, mayIssue: true });
    expect(all.awards.slice(0, 5).map((a: { promotion: string }) => a.promotion)).toEqual(['to_technician', 'to_technician', 'early_senior_technician', 'none', 'to_technician']);
    expect((await awardsOf(s.finance)).mayDownloadPayments).toBe(true);
    expect((await awardsOf(s.committee))).toMatchObject({ mayDownloadPayments: false, total: 40000 });
    expect((await awardsOf(s.unit)).awards).toHaveLength(20);
    const round = (await call(env, s.admin, 'GET', `/api/selection/rounds/${roundId}`)).json();
    expect(round.stages.find((x: { kind: string }) => x.kind === 'commendation')).toMatchObject({ count: 20, blockers: ['尚有 20 名技术能手未颁发证书'] });
    expect((await awardsOf(s.otherUnit))).toMatchObject({ awards: [], total: 0, mayIssue: false });
    for (const [role, who] of ROLES()) {
      if (['admin', 'finance', 'committee', 'unit', 'otherUnit'].includes(role)) continue;
      expect((await call(env, who, 'GET', `/api/selection/rounds/${roundId}/awards`)).statusCode, role).toBe(who ? 403 : 401);
    }
  });
});

describe('bank details', () => {
  let awardIds: number[];
  beforeAll(async () => {
    awardIds = (await awardsOf(s.admin)).awards.map((a: { id: number }) => a.id);
  });

  it('refuses a bad account or bank name with the field', async () => {
    for (const [body, field] of [
      [{ bankName: '中国工商银行江川分行', bankAccount: '62220212345' }, 'bankAccount'],
      [{ bankName: '中国工商银行江川分行', bankAccount: '6222-0212-3456-789X' }, 'bankAccount'],
      [{ bankName: '中国工商银行江川分行', bankAccount: '1'.repeat(31) }, 'bankAccount'],
      [{ bankName: '', bankAccount: ACCOUNT }, 'bankName'],
      [{ bankName: '中国工商银行江川分行' }, 'bankAccount'],
    ] as const) {
      const res = await call(env, s.expert, 'PUT', `/api/selection/awards/${awardIds[0]}/bank`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.issues[0].field).toBe(field);
    }
  });

  it('is entered by the expert, their unit or the office; refused to anyone else; stored encrypted, shown masked', async () => {
    const url = `/api/selection/awards/${awardIds[0]}/bank`;
    const body = { bankName: '中国工商银行江川分行', bankAccount: '6222 0212 3456 7890 123' };
    const codes: Record<string, number> = {};
    for (const [role, who] of ROLES()) codes[role] = (await call(env, who, 'PUT', url, body)).statusCode;
    expect(codes).toEqual({ admin: 200, finance: 200, committee: 200, unit: 200, otherUnit: 403, judge: 403, expert: 200, otherPerson: 403, anonymous: 401 });
    const res = await call(env, s.expert, 'PUT', url, body);
    expect(res.json()).toMatchObject({ bankName: '中国工商银行江川分行', bankAccountMasked: '6222***********0123' });
    const [row] = await env.database.db.select().from(selectionAwards).where(eq(selectionAwards.id, awardIds[0]!));
    expect(row!.bankAccountEnc).not.toContain(ACCOUNT);
    expect(env.pii.decrypt(row!.bankAccountEnc!)).toBe(ACCOUNT);
    // A second expert's details by their unit.
    expect((await call(env, s.unit, 'PUT', `/api/selection/awards/${awardIds[1]}/bank`, { bankName: '中国农业银行', bankAccount: '622848001122334455' })).statusCode).toBe(200);
    expect((await awardsOf(s.admin)).missingBank).toBe(18);
  });

  it('never shows the full account outside the payment list: every role, every commendation route', async () => {
    for (const [role, who] of ROLES()) {
      for (const url of [`/api/selection/rounds/${roundId}/awards`, '/api/selection/me/awards', '/api/me/certificates']) {
        const res = await call(env, who, 'GET', url);
        expect(res.body, `${role} ${url}`).not.toContain(ACCOUNT);
        expect(res.body, `${role} ${url}`).not.toContain('622848001122334455');
      }
    }
    const mine = await call(env, s.expert, 'GET', '/api/selection/me/awards');
    expect(mine.json()).toMatchObject([{ name: '王建国', title: '市技术能手', promotion: 'to_technician', bankAccountMasked: '6222***********0123' }, { roundName: '2010年市技术能手评选', promotion: 'early_senior_technician', bankAccountMasked: null }]);
    expect((await call(env, s.otherPerson, 'GET', '/api/selection/me/awards')).json()).toEqual([]);
  });
});

describe('the payment list', () => {
  it('is for the office and the finance body only', async () => {
    const codes: Record<string, number> = {};
    for (const [role, who] of ROLES()) codes[role] = (await call(env, who, 'POST', `/api/selection/rounds/${roundId}/payment-list`)).statusCode;
    expect(codes).toEqual({ admin: 200, finance: 200, committee: 403, unit: 403, otherUnit: 403, judge: 403, expert: 403, otherPerson: 403, anonymous: 401 });
  });

  it('lists name, unit, masked ID, bank, full account and amount, marks who lacks bank details, and totals', async () => {
    const res = await call(env, s.finance, 'POST', `/api/selection/rounds/${roundId}/payment-list`);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const rows: unknown[][] = [];
    wb.worksheets[0]!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    expect(rows[0]).toEqual(['序号', '姓名', '单位', '身份证号', '开户银行', '银行账号', '金额（元）', '备注']);
    expect(rows[1]).toEqual([1, '王建国', '江川机床厂', expect.stringMatching(/^\d{3}\*{11}\w{4}$/), '中国工商银行江川分行', ACCOUNT, 2000]);
    expect(rows[3]!.slice(4)).toEqual(['（未填写）', '（未填写）', 2000, '缺银行账户，暂不能发放']);
    expect(rows.at(-1)).toEqual([undefined, '合计', undefined, undefined, undefined, undefined, 40000]);
    expect(rows).toHaveLength(22);
    expect(rows.filter((r) => r[7] === '缺银行账户，暂不能发放')).toHaveLength(18);
    const [audit] = await env.database.db.select().from(auditLog).where(eq(auditLog.action, 'selection.payment_export')).limit(1);
    expect(audit).toBeDefined();
  });
});

describe('certificates', () => {
  it('are issued by the office, once, one per award', async () => {
    for (const [role, who] of ROLES()) {
      if (role === 'admin' || role === 'finance' || role === 'committee') continue;
      expect((await call(env, who, 'POST', `/api/selection/rounds/${roundId}/certificates`, {})).statusCode, role).toBe(who ? 403 : 401);
    }
    const res = await call(env, s.committee, 'POST', `/api/selection/rounds/${roundId}/certificates`, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ issued: 20 });
    expect((await call(env, s.admin, 'POST', `/api/selection/rounds/${roundId}/certificates`)).json()).toEqual({ issued: 0 });
    const list = await awardsOf(s.admin);
    expect(list.certificatesIssued).toBe(20);
    const round = (await call(env, s.admin, 'GET', `/api/selection/rounds/${roundId}`)).json();
    expect(round.stages.find((x: { kind: string }) => x.kind === 'commendation')).toMatchObject({ count: 20, blockers: [] });
  });

  it('prints the title and the round, with a QR to /verify, for the holder, their unit and the office', async () => {
    const [mine] = (await call(env, s.expert, 'GET', '/api/me/certificates')).json();
    expect(mine).toMatchObject({ source: 'selection-award', kind: 'title', title: '市技术能手', eventName: '2009年市技术能手评选', holderName: '王建国', issuer: '江川市劳动和社会保障局', issuedOn: '2009-06-20', status: 'valid' });
    const pdf = await call(env, s.expert, 'GET', `/api/certificates/${mine.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    const text = pdfText(pdf.rawPayload);
    for (const t of ['荣誉证书', '王建国', '市技术能手', '2009年市技术能手评选', '在2009年市技术能手评选中被评为', '车工', '江川机床厂', mine.serial]) expect(text).toContain(t);
    expect(text).toMatch(/评\s+选\s+2009年市技术能手评选/);
    expect(text).not.toMatch(/竞\s+赛/);
    expect(qrModulesDiffering(pdf.rawPayload, `http://localhost:80/verify/${mine.serial}`)).toBe(0);
    expect((await call(env, s.unit, 'GET', `/api/certificates/${mine.id}/pdf`)).statusCode).toBe(200);
    expect((await call(env, s.committee, 'GET', `/api/certificates/${mine.id}/pdf`)).statusCode).toBe(200);
    for (const who of [s.otherUnit, s.otherPerson, s.judge]) expect((await call(env, who, 'GET', `/api/certificates/${mine.id}/pdf`)).statusCode).toBe(403);
  });

  it('verify at /verify as valid, then as revoked once the office revokes one', async () => {
    const [mine] = (await call(env, s.expert, 'GET', '/api/me/certificates')).json();
    const page = await call(env, null, 'GET', `/verify/${mine.serial}`);
    expect(page.statusCode).toBe(200);
    for (const t of ['有效', '王建国', '市技术能手', '评选', '2009年市技术能手评选']) expect(page.body).toContain(t);
    expect(page.body).not.toContain('<dt>竞赛</dt>');
    expect((await call(env, s.unit, 'POST', `/api/certificates/${mine.id}/revoke`, { reason: '经复查撤销称号' })).statusCode).toBe(403);
    // Any committee member runs the selection (not only the competition committee).
    const finance = await call(env, s.finance, 'POST', `/api/certificates/${mine.id}/revoke`, { reason: '经复查撤销称号' });
    expect(finance.statusCode, finance.body).toBe(200);
    const after = await call(env, null, 'GET', `/verify/${mine.serial}`);
    expect(after.body).toContain('已撤销');
    expect(after.body).toContain('经复查撤销称号');
    expect((await call(env, null, 'GET', `/api/public/certificates/${mine.serial}`)).json()).toMatchObject({ status: 'revoked', source: 'selection-award' });
    expect((await awardsOf(s.admin)).awards[0].certificate).toMatchObject({ serial: mine.serial, status: 'revoked' });
    const again = await call(env, s.admin, 'POST', `/api/certificates/${mine.id}/revoke`, { reason: '再次撤销试试' });
    expect(again.statusCode).toBe(409);
    const [c] = await env.database.db.select({ n: count() }).from(selectionAwards).where(and(eq(selectionAwards.roundId, roundId)));
    expect(c!.n).toBe(20);
  });
});

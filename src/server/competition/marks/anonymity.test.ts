import { asc, eq } from 'drizzle-orm';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entries } from '../entries/tables.js';
import { people } from '../../core/people/tables.js';
import { units } from '../../core/units/tables.js';
import { personSession } from '../outcomes/test-world.js';
import { buildCompetition, enterTheory, fillAllMarks, sheetCodes, type CompetitionWorld } from '../../test/competition-fixture.js';
import { buildAccount, call, login, makeTestEnv, sessionAs, type Session, type TestEnv } from '../../test/harness.js';

/**
 * 加密 — codes stay sealed until decoding. A role × view walk over a populated competition in the
 * drawn, marking and locked states: every GET route under /api/competitions/{id}/…, /api/me/… and /api/public/…
 * (read from the OpenAPI document, so a new route is walked without anyone listing it), the Excel
 * exports included, as every role. No response may hold a code together with anything that
 * identifies the same entry: its exam number, name, ID number or unit name anywhere in the body,
 * or its entry id in the object that carries the code.
 */

let env: TestEnv;
let w: CompetitionWorld;
const url = (p: string) => `/api/competitions/${w.competitionId}${p}`;

interface Who { entryId: number; code: string; examNumber: string; name: string; idNumber: string; unitName: string; unitId: number }
let who: Who[] = [];
let roles: [string, Session | null][] = [];
let reported: Who;

async function ok(res: { statusCode: number; body: string; json(): any }, what: string) {
  expect(res.statusCode, `${what}: ${res.body}`).toBe(200);
  return res.json();
}

async function loadWho() {
  const rows = await env.database.db.select({ entryId: entries.id, code: entries.code, examNumber: entries.examNumber, name: people.name, idNumberEnc: people.idNumberEnc, unitName: units.name, unitId: entries.unitId })
    .from(entries).innerJoin(people, eq(people.id, entries.personId)).innerJoin(units, eq(units.id, entries.unitId))
    .where(eq(entries.competitionId, w.competitionId)).orderBy(asc(entries.code));
  who = rows.map((r) => ({ entryId: r.entryId, code: r.code!, examNumber: r.examNumber!, name: r.name, idNumber: env.pii.decrypt(r.idNumberEnc), unitName: r.unitName, unitId: r.unitId }));
}

const codeRe = (code: string) => new RegExp(`(?<![A-Za-z0-9])${code}(?![0-9])`);

/** Every pairing of a code with an identifier of the same entry in one response body. */
function pairings(text: string, json: unknown): string[] {
  const found: string[] = [];
  for (const e of who) {
    if (!codeRe(e.code).test(text)) continue;
    for (const [what, v] of [['exam number', e.examNumber], ['name', e.name], ['ID number', e.idNumber], ['unit', e.unitName]] as const) {
      if (text.includes(v)) found.push(`${e.code} with its ${what} ${v}`);
    }
  }
  // The entry id next to the code: in an object that carries the code.
  const visit = (x: unknown) => {
    if (Array.isArray(x)) return x.forEach(visit);
    if (!x || typeof x !== 'object') return;
    const o = x as Record<string, unknown>;
    const vals = Object.values(o);
    for (const e of who) {
      if (!vals.includes(e.code)) continue;
      for (const [k, v] of Object.entries(o)) if (/entry/i.test(k) && v === e.entryId) found.push(`${e.code} with its entry id (${k}: ${e.entryId})`);
    }
    vals.forEach(visit);
  };
  visit(json);
  return found;
}

/** The text of a response: JSON or text as is; an .xlsx as the XML inside it; a PDF skipped. */
function bodyText(res: { headers: Record<string, unknown>; rawPayload: Buffer; body: string }): { text: string; json: unknown } | null {
  const type = String(res.headers['content-type'] ?? '');
  if (type.includes('spreadsheetml')) {
    const files = unzipSync(new Uint8Array(res.rawPayload));
    return { text: Object.entries(files).filter(([n]) => n.endsWith('.xml')).map(([, b]) => Buffer.from(b).toString('utf8')).join('\n'), json: null };
  }
  if (type.includes('pdf') || type.includes('zip')) return null;
  let json: unknown = null;
  try { json = JSON.parse(res.body); } catch { /* text */ }
  return { text: res.body, json };
}

/** The GET routes to walk, from the OpenAPI document, with their parameters filled in. */
async function getRoutes(): Promise<string[]> {
  const doc = (await call(env, null, 'GET', '/api/openapi.json')).json() as { paths: Record<string, Record<string, { parameters?: { name: string; in: string; required?: boolean; schema?: { enum?: string[] } }[] }>> };
  const own = who.find((e) => e.unitId === w.unitA.id)!;
  const aspectId = w.aspects.find((a) => a.code === 'B1.1')!.id;
  const out: string[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    if (!/^\/api\/(competitions\/\{id\}|public|me)\//.test(path) || !ops.get) continue;
    const params = ops.get.parameters ?? [];
    let variants = [path.replace('{id}', String(w.competitionId)).replace('{entryId}', String(own.entryId)).replace('{serial}', 'SM09-AAAAA-AAAAA-AAAAA-AAAAA')];
    const file = params.find((p) => p.in === 'path' && p.name === 'file');
    if (file) variants = (file.schema?.enum ?? []).map((f) => variants[0]!.replace('{file}', f));
    const query = params.filter((p) => p.in === 'query' && p.required).map((p) => `${p.name}=${encodeURIComponent(p.name === 'code' ? who[0]!.code : p.name === 'aspectId' ? String(aspectId) : '1')}`);
    for (const v of variants) out.push(query.length ? `${v}?${query.join('&')}` : v);
  }
  return out;
}

async function walk(state: string) {
  const routes = await getRoutes();
  expect(routes.length).toBeGreaterThan(20);
  expect(routes.some((r) => r.includes('/exports/results.xlsx'))).toBe(true);
  const problems: string[] = [];
  let scanned = 0;
  for (const [role, s] of roles) {
    for (const r of routes) {
      const res = await call(env, s, 'GET', r);
      expect(res.statusCode, `${state} ${role} GET ${r}: ${res.body.slice(0, 300)}`).toBeLessThan(500);
      const b = bodyText(res);
      if (!b) continue;
      scanned++;
      for (const p of pairings(b.text, b.json)) problems.push(`${state} · ${role} · GET ${r} (${res.statusCode}): ${p}`);
    }
  }
  expect(scanned).toBeGreaterThan(100);
  expect(problems, problems.slice(0, 30).join('\n')).toEqual([]);
}

beforeAll(async () => {
  env = await makeTestEnv();
  w = await buildCompetition(env, 'approved', 3);
  const cur = await ok(await call(env, w.admin, 'GET', url('')), 'get');
  await ok(await call(env, w.admin, 'POST', url('/registration'), { to: 'closed', version: cur.version }), 'close');
  await ok(await call(env, w.admin, 'POST', url('/draw/commit')), 'commit');
  await ok(await call(env, w.admin, 'POST', url('/draw/run')), 'draw');
  await loadWho();
  const operator = await buildAccount(env, 'committee');
  const op = await login(env, operator.username);
  await ok(await call(env, w.admin, 'POST', url('/staff'), { accountId: operator.id, role: 'operator' }), 'operator');
  const [a0] = await env.database.db.select({ personId: entries.personId }).from(entries).where(eq(entries.id, w.entriesA[0]!));
  roles = [
    ['organizer (admin)', await sessionAs(env, 'admin')],
    ['decoder before decoding (admin)', w.admin],
    ['committee member', await sessionAs(env, 'committee')],
    ['chief judge', w.chief.session],
    ['judge (unit A)', w.judges[0]!.session],
    ['judge', w.judges[1]!.session],
    ['substitute', w.substitute.session],
    ['operator', op],
    ['unit A', w.unitA.session],
    ['contestant of unit A', await personSession(env, a0!.personId)],
    ['public', null],
  ];
}, 300_000);
afterAll(() => env.close());

describe('codes stay sealed until decoding (加密): the role × view walk', () => {
  it('in the drawn state', async () => {
    await walk('drawn');
  }, 300_000);

  it('in the marking state (marks, theory scores, a reported conflict)', async () => {
    await ok(await call(env, w.admin, 'POST', url('/marking/start')), 'start');
    const b11 = w.aspects.find((a) => a.code === 'B1.1')!.id;
    const unitB = new Set(w.entriesB);
    const mine = await sheetCodes(env, w.judges[1]!.session, w.competitionId, b11);
    reported = who.find((e) => unitB.has(e.entryId) && mine.includes(e.code))!;
    await ok(await call(env, w.judges[1]!.session, 'POST', url('/marks/report-conflict'), { code: reported.code }), 'report');
    await fillAllMarks(env, w);
    await enterTheory(env, w);
    await ok(await call(env, w.admin, 'PUT', url('/completion-times'), { items: [{ code: who[0]!.code, seconds: 5400 }] }), 'times');
    await walk('marking');
  }, 300_000);

  it('in the locked state (signed off, appeals lodged, an amendment asked)', async () => {
    await ok(await call(env, w.chief.session, 'POST', url('/signoff'), { criterionCode: '*' }), 'signoff');
    await ok(await call(env, w.unitA.session, 'POST', url('/appeals'), { entryId: w.entriesA[1], content: '实操评分与现场情况不符，请求复核评分记录。' }), 'unit appeal');
    await ok(await call(env, roles[9]![1], 'POST', url('/appeals'), { entryId: w.entriesA[0], content: '本人对安全文明生产评分有异议，请求复核。' }), 'contestant appeal');
    await walk('locked');
  }, 300_000);
});

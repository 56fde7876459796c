import fc from 'fast-check';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAccount } from '../core/accounts/service.js';
import { entries } from '../competition/entries/tables.js';
import { INPUT_DB_ERRORS } from './error-handler.js';
import { backend, buildAccount, call, login, makeTestEnv, PASSWORD, sessionAs, type Session, type TestEnv } from '../test/harness.js';
import { buildCompetition, type CompetitionWorld } from '../test/competition-fixture.js';
import { decode, expectOk, lockedWorld } from '../competition/outcomes/test-world.js';
import type { Role } from '../../shared/contracts/auth.js';

/**
 * Contract fuzz: walks the OpenAPI document and, for every operation, sends schema-valid input (generated from
 * its JSON schemas) and hostile input (ids out of range, impossible dates, NUL / bidi / zero-width characters,
 * 100k-character strings, wrong types, missing and extra fields) in the path, the query and the body,
 * anonymously and as each role. Any 5xx fails, and so does a 2xx whose JSON breaks the declared response schema.
 * Seeded and bounded (FUZZ_RUNS valid + FUZZ_RUNS hostile requests per operation and role).
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20090510);
const RUNS = Number(process.env.FUZZ_RUNS ?? 2);
const REQUEST_TIMEOUT_MS = 10_000;
const MAX_ID = 2_147_483_647;
const SAFETY_NET_MESSAGES = new Set(Object.values(INPUT_DB_ERRORS).map((e) => e.message));

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Schema = { [k: string]: any };
interface Operation { method: string; path: string; op: Schema }
interface Req { path: Record<string, string>; query: Record<string, string>; body?: unknown; note: string }

const HOSTILE_IDS = ['0', '-1', String(2 ** 31), '3000000000', '1e300', 'abc', '1.5', '99999999999999999999', '%00', '%E2%80%AE1'];
const LONG = 'x'.repeat(100_000);
const HOSTILE_STRINGS = ['a\u0000b', '\u0000', 'ab\u202Ecd', 'a\u2066b', 'a\u200Bb', '\uFEFFab', 'a\u2060b', '\u0007bell', LONG, '', '   ',
  '2009-02-30', '0000-00-00', '2009-13-45', '2009-02-30T00:00:00Z', '0000-01-01T00:00:00Z', '-1', '3000000000', '1e300', "'; drop table x;--", '\uD800'];
const HOSTILE_VALUES: Json[] = [0, -1, 2 ** 31, 3000000000, 1e300, -1e300, 1.5, 'abc', null, true, [], {}, [1, 2], { a: 1 }, ...HOSTILE_STRINGS];

const safeEncode = (v: string) => { try { return encodeURIComponent(v); } catch { return ''; } };
const PATH_HOSTILE = [...HOSTILE_IDS, ...HOSTILE_STRINGS.map(safeEncode).filter((x) => x.length < 90 && x !== '')];

/** Operations that take a multipart file: the fuzzer sends hostile bodies and expects a 4xx. */
const UPLOAD = /\/import$|^\/api\/imports\/\{kind\}$/;
/** Routes outside the OpenAPI document that anyone can reach (hidden from it), fuzzed as well. */
const EXTRA_OPERATIONS: Operation[] = [
  { method: 'get', path: '/verify', op: { parameters: [{ in: 'query', name: 'serial', schema: { type: 'string', maxLength: 200 } }], responses: {} } },
  { method: 'get', path: '/verify/{serial}', op: { parameters: [{ in: 'path', name: 'serial', required: true, schema: { type: 'string', maxLength: 200 } }], responses: {} } },
];

// ---- JSON schema → fast-check arbitrary ----------------------------------------------------------------------

function resolve(doc: Schema, s: Schema | undefined): Schema {
  let cur = s ?? {};
  for (let i = 0; i < 10 && cur.$ref; i++) {
    const parts = String(cur.$ref).replace(/^#\//, '').split('/');
    cur = parts.reduce((o: any, k) => o?.[k], doc) ?? {};
  }
  return cur;
}

function mergeAllOf(doc: Schema, s: Schema): Schema {
  const parts = (s.allOf as Schema[]).map((p) => resolve(doc, p.allOf ? mergeAllOf(doc, p) : p));
  return { type: 'object', properties: Object.assign({}, ...parts.map((p) => p.properties ?? {})), required: parts.flatMap((p) => p.required ?? []) };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const realDate = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true });
const SAMPLE_TEXT = ['张三', '测试单位', '车工', 'CG001', 'C001', 'A', 'A1', 'A1.1', '13812345678', '市技师学院', 'admin', '理由充分，请求复核成绩。'];
const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

function stringArb(s: Schema, name: string): fc.Arbitrary<string> {
  const min = s.minLength ?? 0;
  const max = Math.min(s.maxLength ?? 40, min + 40);
  if (s.format === 'date-time') return realDate.map((d) => d.toISOString());
  if (s.format === 'date' || s.pattern === DATE_PATTERN) return realDate.map((d) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`);
  if (s.format === 'uuid') return fc.uuid();
  if (s.format === 'email') return fc.emailAddress();
  if (s.pattern) {
    try {
      return fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length >= min && v.length <= (s.maxLength ?? Infinity));
    } catch { /* an unusual pattern: plain strings below */ }
  }
  const plain = fc.string({ minLength: min, maxLength: max });
  const sample = fc.constantFrom(...SAMPLE_TEXT).filter((v) => v.length >= min && v.length <= (s.maxLength ?? Infinity));
  if (/phone/i.test(name)) return fc.oneof(fc.constant('13812345678'), plain);
  return fc.oneof(plain, sample);
}

function numberArb(s: Schema, name: string): fc.Arbitrary<number> {
  const int = s.type === 'integer';
  let lo: number = s.minimum ?? (int ? -MAX_ID : -1e6);
  let hi: number = s.maximum ?? (int ? MAX_ID : 1e6);
  if (s.exclusiveMinimum === true) lo = int ? lo + 1 : lo + 1e-9;
  else if (typeof s.exclusiveMinimum === 'number') lo = int ? s.exclusiveMinimum + 1 : s.exclusiveMinimum + 1e-9;
  if (s.exclusiveMaximum === true) hi = int ? hi - 1 : hi - 1e-9;
  else if (typeof s.exclusiveMaximum === 'number') hi = int ? s.exclusiveMaximum - 1 : s.exclusiveMaximum - 1e-9;
  lo = Math.max(lo, -Number.MAX_SAFE_INTEGER);
  hi = Math.min(hi, Number.MAX_SAFE_INTEGER);
  if (!int) return fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true });
  const full = fc.integer({ min: Math.max(lo, -MAX_ID - 1), max: Math.min(hi, MAX_ID) });
  // ids and versions: mostly small, so that they often name something that exists in the fixture
  const small = fc.integer({ min: Math.max(lo, 0), max: Math.max(Math.min(hi, 20), Math.max(lo, 0)) });
  return /id$|Id$|version/i.test(name) ? fc.oneof({ arbitrary: small, weight: 4 }, { arbitrary: full, weight: 1 }) : fc.oneof(small, full);
}

function arbOf(doc: Schema, raw: Schema | undefined, name = '', depth = 0): fc.Arbitrary<Json> {
  let s = resolve(doc, raw);
  if (s.allOf) s = mergeAllOf(doc, s);
  const base = ((): fc.Arbitrary<Json> => {
    if (depth > 8) return fc.constant(null);
    if (s.const !== undefined) return fc.constant(s.const);
    if (s.enum) return fc.constantFrom(...(s.enum as Json[]));
    const alts = (s.anyOf ?? s.oneOf) as Schema[] | undefined;
    if (alts) return fc.oneof(...alts.map((a) => arbOf(doc, a, name, depth + 1)));
    const type = Array.isArray(s.type) ? s.type.find((t: string) => t !== 'null') : s.type;
    switch (type) {
      case 'string': return stringArb(s, name);
      case 'integer': case 'number': return numberArb(s, name);
      case 'boolean': return fc.boolean();
      case 'null': return fc.constant(null);
      case 'array': {
        const minLength = s.minItems ?? 0;
        const maxLength = Math.min(s.maxItems ?? 4, minLength + 3);
        if (Array.isArray(s.items)) return fc.tuple(...s.items.map((i: Schema) => arbOf(doc, i, name, depth + 1))) as fc.Arbitrary<Json>;
        if (s.prefixItems) return fc.tuple(...s.prefixItems.map((i: Schema) => arbOf(doc, i, name, depth + 1))) as fc.Arbitrary<Json>;
        return fc.array(arbOf(doc, s.items, name, depth + 1), { minLength, maxLength });
      }
      case 'object': default: {
        if (!s.properties && !s.additionalProperties && type !== 'object') return fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>;
        const props: Record<string, fc.Arbitrary<Json>> = {};
        for (const [k, v] of Object.entries<Schema>(s.properties ?? {})) props[k] = arbOf(doc, v, k, depth + 1);
        const rec = fc.record(props, { requiredKeys: (s.required ?? []).filter((k: string) => k in props) });
        if (s.additionalProperties && typeof s.additionalProperties === 'object') {
          const dict = fc.dictionary(fc.integer({ min: 1, max: 20 }).map(String), arbOf(doc, s.additionalProperties, name, depth + 1), { maxKeys: 3 });
          return fc.tuple(rec, dict).map(([r, d]) => ({ ...d, ...r }));
        }
        return rec as fc.Arbitrary<Json>;
      }
    }
  })();
  return s.nullable || (Array.isArray(s.type) && s.type.includes('null')) ? fc.oneof(base, fc.constant(null)) : base;
}

// ---- hostile input -------------------------------------------------------------------------------------------

/** Every path to a value inside a JSON value (objects and arrays), the root included. */
function leafPaths(v: unknown, at: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [at];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...leafPaths(x, [...at, i])));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(...leafPaths(x, [...at, k]));
  return out;
}

function setAt(v: unknown, at: (string | number)[], value: unknown, remove = false): unknown {
  if (at.length === 0) return value;
  const copy: any = Array.isArray(v) ? [...v] : { ...(v as object) };
  const [k, ...rest] = at;
  if (rest.length === 0) {
    if (remove) { if (Array.isArray(copy)) copy.splice(k as number, 1); else delete copy[k!]; } else copy[k!] = value;
  } else copy[k!] = setAt(copy[k!], rest, value, remove);
  return copy;
}

/** A valid request turned hostile in one place: a path parameter, a query parameter, or somewhere in the body. */
function hostileArb(valid: fc.Arbitrary<Req>): fc.Arbitrary<Req> {
  return fc.tuple(valid, fc.nat(), fc.nat(), fc.nat()).map(([r, a, b, c]) => {
    const slots: string[] = [...Object.keys(r.path).map((k) => `path:${k}`), ...Object.keys(r.query).map((k) => `query:${k}`), 'query:+', ...(r.body !== undefined ? ['body', 'body', 'body'] : ['body:new'])];
    const slot = slots[a % slots.length]!;
    if (slot.startsWith('path:')) {
      const k = slot.slice(5);
      const v = PATH_HOSTILE[b % PATH_HOSTILE.length]!;
      return { ...r, path: { ...r.path, [k]: v }, note: `path ${k}=${v.slice(0, 40)}` };
    }
    if (slot === 'query:+') return { ...r, query: { ...r.query, unexpected: 'a\u0000b' }, note: 'extra query parameter' };
    if (slot.startsWith('query:')) {
      const k = slot.slice(6);
      const v = [...HOSTILE_IDS.map(decodeURIComponent), ...HOSTILE_STRINGS][b % (HOSTILE_IDS.length + HOSTILE_STRINGS.length)]!;
      return { ...r, query: { ...r.query, [k]: v }, note: `query ${k}=${JSON.stringify(v.slice(0, 40))}` };
    }
    if (slot === 'body:new') return { ...r, body: { unexpected: HOSTILE_VALUES[b % HOSTILE_VALUES.length]! }, note: 'unexpected body' };
    const paths = leafPaths(r.body);
    const at = paths[b % paths.length]!;
    const kind = c % 4;
    if (kind === 0 && at.length > 0) return { ...r, body: setAt(r.body, at, undefined, true), note: `body missing ${at.join('.')}` };
    if (kind === 1 && r.body && typeof r.body === 'object' && !Array.isArray(r.body)) return { ...r, body: { ...r.body, extra: HOSTILE_VALUES[b % HOSTILE_VALUES.length] }, note: 'body extra field' };
    const v = HOSTILE_VALUES[(b + c) % HOSTILE_VALUES.length];
    return { ...r, body: setAt(r.body, at, v), note: `body ${at.join('.') || '(root)'}=${JSON.stringify(v)?.slice(0, 40)}` };
  });
}

// ---- response schema check -----------------------------------------------------------------------------------

function check(doc: Schema, raw: Schema | undefined, v: unknown, at = '$'): string[] {
  const s = resolve(doc, raw);
  if (s.allOf) return (s.allOf as Schema[]).flatMap((p) => check(doc, p, v, at));
  if (v === null && (s.nullable || (Array.isArray(s.type) && s.type.includes('null')) || s.type === 'null')) return [];
  if (s.const !== undefined) return v === s.const ? [] : [`${at}: expected ${JSON.stringify(s.const)}`];
  if (s.enum) return (s.enum as unknown[]).includes(v) ? [] : [`${at}: ${JSON.stringify(v)} not in enum`];
  const alts = (s.anyOf ?? s.oneOf) as Schema[] | undefined;
  if (alts) return alts.some((a) => check(doc, a, v, at).length === 0) ? [] : [`${at}: matches no alternative`];
  const type = Array.isArray(s.type) ? s.type.find((t: string) => t !== 'null') : s.type;
  switch (type) {
    case undefined: return [];
    case 'string': return typeof v === 'string' ? (s.pattern && !new RegExp(s.pattern).test(v) ? [`${at}: ${JSON.stringify(v)} does not match ${s.pattern}`] : []) : [`${at}: expected string`];
    case 'integer': return Number.isInteger(v) ? [] : [`${at}: expected integer, got ${JSON.stringify(v)}`];
    case 'number': return typeof v === 'number' ? [] : [`${at}: expected number`];
    case 'boolean': return typeof v === 'boolean' ? [] : [`${at}: expected boolean`];
    case 'null': return v === null ? [] : [`${at}: expected null`];
    case 'array':
      if (!Array.isArray(v)) return [`${at}: expected array`];
      if (Array.isArray(s.items)) return v.flatMap((x, i) => check(doc, s.items[i], x, `${at}[${i}]`));
      return v.flatMap((x, i) => check(doc, s.items, x, `${at}[${i}]`));
    case 'object': {
      if (!v || typeof v !== 'object' || Array.isArray(v)) return [`${at}: expected object`];
      const o = v as Record<string, unknown>;
      const out = (s.required ?? []).filter((k: string) => !(k in o)).map((k: string) => `${at}.${k}: missing`);
      for (const [k, x] of Object.entries(o)) {
        if (s.properties?.[k]) out.push(...check(doc, s.properties[k], x, `${at}.${k}`));
        else if (s.additionalProperties === false) out.push(`${at}.${k}: not declared`);
        else if (s.additionalProperties && typeof s.additionalProperties === 'object') out.push(...check(doc, s.additionalProperties, x, `${at}.${k}`));
      }
      return out;
    }
    default: return [];
  }
}

// ---- the walk ------------------------------------------------------------------------------------------------

function hashSeed(s: string): number {
  let h = SEED;
  for (const ch of s) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return h;
}

function requestArb(doc: Schema, o: Operation): fc.Arbitrary<Req> {
  const params = ((o.op.parameters ?? []) as Schema[]).map((p) => resolve(doc, p));
  const path: Record<string, fc.Arbitrary<Json>> = {};
  const query: Record<string, fc.Arbitrary<Json>> = {};
  const requiredQuery: string[] = [];
  for (const p of params) {
    if (p.in === 'path') path[p.name] = arbOf(doc, p.schema, p.name);
    if (p.in === 'query') { query[p.name] = arbOf(doc, p.schema, p.name); if (p.required) requiredQuery.push(p.name); }
  }
  const bodySchema = o.op.requestBody?.content?.['application/json']?.schema as Schema | undefined;
  const str = (r: Record<string, Json>) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined && v !== null).map(([k, v]) => [k, String(v)]));
  return fc.record({
    path: fc.record(path).map(str),
    query: fc.record(query, { requiredKeys: requiredQuery }).map(str),
    body: bodySchema ? arbOf(doc, bodySchema) : fc.constant(undefined),
  }).map((r) => ({ ...r, body: r.body as unknown, note: 'valid' }));
}

function urlOf(o: Operation, r: Req): string {
  const p = o.path.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = r.path[k] ?? '1';
    return /%[0-9A-F]{2}/i.test(v) ? v : safeEncode(v);
  });
  const q = new URLSearchParams(r.query).toString();
  return q ? `${p}?${q}` : p;
}

type Who = Role | 'anonymous';
const ROLES: Who[] = ['anonymous', 'admin', 'committee', 'unit', 'judge', 'person'];

describe('contract fuzz: every operation of the OpenAPI document, valid and hostile input, every role', () => {
  let env: TestEnv;
  let world: CompetitionWorld;
  let lockedAdmin: Session;
  let lockedId: number;
  const sessions = new Map<Who, Session | null>();

  async function freshSession(who: Who): Promise<Session | null> {
    if (who === 'anonymous') return null;
    if (who === 'unit') return sessionAs(env, 'unit', { unitId: world.unitA.id });
    if (who === 'judge') {
      const s = await sessionAs(env, 'judge');
      await call(env, world.admin, 'POST', `/api/competitions/${world.competitionId}/staff`, { accountId: s.accountId, role: 'judge' });
      // also on the panel of the finished competition: a judge's write there meets a state that refuses it
      await call(env, lockedAdmin, 'POST', `/api/competitions/${lockedId}/staff`, { accountId: s.accountId, role: 'judge' });
      return s;
    }
    if (who === 'person') {
      const [e] = await env.database.db.select({ personId: entries.personId }).from(entries).where(eq(entries.id, world.entriesA[0]!));
      const username = `contestant_${Math.random().toString(36).slice(2, 10)}`;
      await insertAccount(env.database.db, env, { username, displayName: '参赛选手', role: 'person', personId: e!.personId, password: PASSWORD });
      return login(env, username);
    }
    return login(env, (await buildAccount(env, who)).username);
  }

  /**
   * The fuzzer may log a session out, disable its account or reset its password: checked before each operation,
   * and replaced when it no longer works.
   */
  async function refreshSession(who: Who): Promise<void> {
    if (who === 'anonymous') return;
    const s = sessions.get(who);
    if (s) {
      const me = await call(env, s, 'GET', '/api/auth/me');
      if (me.statusCode === 200 && !me.json().mustChangePassword) return;
    }
    sessions.set(who, await freshSession(who));
  }

  beforeAll(async () => {
    env = await makeTestEnv();
    // A second competition taken to the end (marks locked, decoded, results on public notice), so that results,
    // notices and the public pages answer with real objects, and every state-dependent write meets a state
    // that refuses it. Then the competition the fuzzer's roles belong to, in the marking phase.
    const locked = await lockedWorld(env, 2);
    lockedAdmin = locked.admin;
    lockedId = locked.competitionId;
    await decode(env, locked);
    env.clock.advance(3 * 3_600_000); // past the appeal window
    await expectOk(await call(env, locked.admin, 'POST', `/api/competitions/${locked.competitionId}/notice`, { workingDays: 5 }), 'notice');
    world = await buildCompetition(env, 'marking');
    sessions.set('admin', await freshSession('admin'));
  }, 300_000);
  afterAll(async () => { await env?.close(); });

  it('answers every request with no 5xx, and every 2xx with a body that satisfies the declared schema', async () => {
    const docRes = await env.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(docRes.statusCode).toBe(200);
    const doc = docRes.json() as Schema;
    const operations: Operation[] = [...EXTRA_OPERATIONS];
    for (const [path, item] of Object.entries<Schema>(doc.paths)) {
      for (const [method, op] of Object.entries<Schema>(item)) {
        if (['get', 'post', 'put', 'patch', 'delete'].includes(method)) operations.push({ method, path, op });
      }
    }
    const skipped: { op: string; reason: string }[] = [];
    const failures: string[] = [];
    const histogram = new Map<number, number>();
    let requests = 0;
    const slow: string[] = [];
    const dbConflicts: string[] = [];
    let schemaChecked = 0;
    let okWithoutSchema = 0;
    const started = Date.now();

    const send = async (o: Operation, who: Who, r: Req, file?: { type: string; payload: string | Buffer }) => {
      const s = sessions.get(who) ?? null;
      const url = urlOf(o, r);
      const headers: Record<string, string> = s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {};
      if (file) headers['content-type'] = file.type;
      const pending = env.app.inject({
        method: o.method.toUpperCase() as 'GET', url, headers,
        ...(file ? { payload: file.payload } : r.body !== undefined ? { payload: JSON.stringify(r.body), headers: { ...headers, 'content-type': 'application/json' } } : {}),
      });
      let timer: NodeJS.Timeout | undefined;
      const res = await Promise.race([pending, new Promise<null>((done) => { timer = setTimeout(() => done(null), REQUEST_TIMEOUT_MS); })]);
      clearTimeout(timer);
      requests++;
      const where = `${o.method.toUpperCase()} ${o.path} as ${who} (${r.note}) → ${url.slice(0, 160)}${r.body !== undefined ? ` body ${JSON.stringify(r.body).slice(0, 200)}` : ''}`;
      if (!res) throw new Error(`HANG: no answer within ${REQUEST_TIMEOUT_MS} ms: ${where}`);
      histogram.set(res.statusCode, (histogram.get(res.statusCode) ?? 0) + 1);
      if (res.statusCode >= 500) failures.push(`${res.statusCode} ${where}: ${res.body.slice(0, 300)}`);
      // The error handler's safety net (a database error caused by input): the contract let bad input through.
      const error = res.statusCode >= 400 && String(res.headers['content-type'] ?? '').includes('json') ? (res.json() as { error?: { code: string; message: string } }).error : undefined;
      if (res.statusCode < 500 && error && SAFETY_NET_MESSAGES.has(error.message)) {
        const { code } = error;
        if (code === 'VALIDATION') failures.push(`${res.statusCode} from the database, not the contract: ${where}: ${res.body.slice(0, 200)}`);
        else dbConflicts.push(`${res.statusCode} ${where}`);
      }
      if (file && res.statusCode < 400) failures.push(`${res.statusCode} for a hostile upload: ${where}`);
      if (res.statusCode >= 200 && res.statusCode < 300) {
        const declared = o.op.responses?.[String(res.statusCode)]?.content?.['application/json']?.schema;
        if (declared && String(res.headers['content-type'] ?? '').includes('json')) {
          schemaChecked++;
          const problems = check(doc, declared, res.json());
          if (problems.length) failures.push(`response breaks its schema: ${where}: ${problems.slice(0, 5).join('; ')}`);
        } else okWithoutSchema++;
      }
      return res.statusCode;
    };

    for (const o of operations) {
      const name = `${o.method.toUpperCase()} ${o.path}`;
      const valid = requestArb(doc, o);
      const seed = hashSeed(name);
      const samplesValid = fc.sample(valid, { seed, numRuns: RUNS });
      const samplesHostile = fc.sample(hostileArb(valid), { seed: seed + 1, numRuns: RUNS });
      const opStarted = Date.now();
      const admitted: Who[] = [];
      for (const who of ROLES) {
        await refreshSession(who);
        for (const r of samplesValid) {
          const status = await send(o, who, r);
          if (status !== 401 && status !== 403 && !admitted.includes(who)) admitted.push(who);
        }
        for (const r of samplesHostile) await send(o, who, r);
      }
      // Every query parameter and every field of the body, one at a time, with the hostile values of the issue,
      // as the first role the operation admits (so that the input reaches the contract and the service).
      const sweeper = (['admin', 'judge', 'person', 'unit', 'committee', 'anonymous'] as Who[]).find((w) => admitted.includes(w));
      if (sweeper) {
        const base = samplesValid[0]!;
        await refreshSession(sweeper);
        for (const k of Object.keys(base.query)) {
          for (const v of ['a\u0000b', '3000000000', '2009-02-30']) await send(o, sweeper, { ...base, query: { ...base.query, [k]: v }, note: `query ${k}=${JSON.stringify(v)}` });
        }
        if (base.body !== undefined) {
          for (const at of leafPaths(base.body).filter((a) => a.length > 0)) {
            const leaf = at.reduce<any>((x, k) => x?.[k], base.body);
            const values: Json[] = typeof leaf === 'number' ? [3000000000, 1e300, -1] : typeof leaf === 'string' ? ['a\u0000b', 'x\u202Ey\u200B', '2009-02-30'] : [];
            for (const v of values) await send(o, sweeper, { ...base, body: setAt(base.body, at, v), note: `body ${at.join('.')}=${JSON.stringify(v)}` });
          }
        }
      }
      // the ids of the issue, in every path parameter, anonymously and as the admin
      const pathParams = ((o.op.parameters ?? []) as Schema[]).filter((p) => p.in === 'path').map((p) => p.name as string);
      for (const p of pathParams) {
        for (const v of ['3000000000', '2147483648', '0', '-1', 'abc', '%00']) {
          for (const who of ['anonymous', 'admin'] as Who[]) await send(o, who, { ...samplesValid[0]!, path: { ...samplesValid[0]!.path, [p]: v }, note: `path ${p}=${v}` });
        }
      }
      if (UPLOAD.test(o.path) && o.method === 'post') {
        const r = samplesValid[0]!;
        const boundary = '----fuzz';
        const multipart = (name: string, content: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="a\u0000.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n${content}\r\n--${boundary}--\r\n`;
        for (const who of ['admin', 'unit', 'anonymous'] as Who[]) {
          await send(o, who, { ...r, note: 'garbage file' }, { type: `multipart/form-data; boundary=${boundary}`, payload: multipart('file', 'PK\u0003\u0004 not a zip') });
          await send(o, who, { ...r, note: 'wrong field' }, { type: `multipart/form-data; boundary=${boundary}`, payload: multipart('other', 'x') });
          await send(o, who, { ...r, note: 'truncated multipart' }, { type: `multipart/form-data; boundary=${boundary}`, payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"` });
          await send(o, who, { ...r, note: 'JSON instead of a file' }, { type: 'application/json', payload: '{"file":"a\\u0000"}' });
          await send(o, who, { ...r, note: 'text instead of a file' }, { type: 'text/plain', payload: LONG });
        }
      }
      const took = Date.now() - opStarted;
      if (took > 3000) slow.push(`${name} ${(took / 1000).toFixed(1)} s`);
    }
    if (operations.length === 0) skipped.push({ op: '(all)', reason: 'the OpenAPI document has no operations' });

    const hist = [...histogram.entries()].sort(([a], [b]) => a - b).map(([k, v]) => `${k}×${v}`).join(' ');
    console.log([
      `contract fuzz (${backend}, seed ${SEED}, ${RUNS}+${RUNS} per operation and role): ${operations.length} operations × ${ROLES.length} roles, ${requests} requests in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      `statuses: ${hist}`,
      `2xx checked against a declared response schema: ${schemaChecked}; 2xx without a declared JSON schema (not checked): ${okWithoutSchema}`,
      `slowest operations (> 3 s): ${slow.join(', ') || 'none'}`,
      `database conflicts (23505/23503 → 409): ${dbConflicts.length}${dbConflicts.length ? `: ${dbConflicts.slice(0, 5).join('; ')}` : ''}`,
      `skipped operations: ${skipped.length ? skipped.map((s) => `${s.op} (${s.reason})`).join(', ') : 'none'}`,
      ...(failures.length ? [`${failures.length} failures:`, ...failures.slice(0, 40)] : []),
    ].join('\n'));
    expect(failures).toEqual([]);
  }, 900_000);
});

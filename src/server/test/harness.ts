import crypto from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp } from '../app.js';
import { insertAccount } from '../core/accounts/service.js';
import { LoginThrottle } from '../core/auth/throttle.js';
import type { TrustProxy } from '../config.js';
import type { Clock } from '../context.js';
import { openDatabase, type Database } from '../db/client.js';
import type { App } from '../http/types.js';
import type { JobsOptions } from '../core/jobs/install.js';
import { personValues } from '../core/people/service.js';
import { people } from '../core/people/tables.js';
import { PiiCipher } from '../core/pii/cipher.js';
import { trades } from '../core/trades/tables.js';
import { insertUnits } from '../core/units/service.js';
import type { UnitInput } from '../../shared/contracts/units.js';
import type { Role } from '../../shared/contracts/auth.js';
import { makeIdNumber } from '../../shared/idcard.js';

/** Which database the integration suite runs on: PGlite in memory, or PostgreSQL (TEST_DB=postgres). */
export const backend = process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite';

async function freshPostgres(): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = process.env.TEST_DATABASE_URL;
  if (!admin) throw new Error('TEST_DB=postgres needs TEST_DATABASE_URL');
  const name = `skillmonth_t_${crypto.randomBytes(6).toString('hex')}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`create database ${name}`);
  await c.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const d = new pg.Client({ connectionString: admin });
      await d.connect();
      await d.query(`drop database if exists ${name} with (force)`);
      await d.end();
    },
  };
}

let template: Promise<Blob> | undefined;
/** The migrated data directory made once per run by pglite-template.ts (absent when run without that setup). */
function pgliteTemplate(): Promise<Blob> | undefined {
  const file = inject('pgliteTemplate');
  if (!file) return undefined;
  template ??= fs.promises.readFile(file).then((b) => new Blob([b]));
  return template;
}

export class TestClock implements Clock {
  constructor(public t = new Date('2009-05-10T02:00:00Z')) {}
  now() {
    return new Date(this.t);
  }
  advance(ms: number) {
    this.t = new Date(this.t.getTime() + ms);
  }
}

export interface TestEnv {
  app: App;
  database: Database;
  pii: PiiCipher;
  clock: TestClock;
  close(): Promise<void>;
}

export async function makeTestEnv(opts: { throttle?: LoginThrottle; trustProxy?: TrustProxy } = {}): Promise<TestEnv> {
  let drop = async () => {};
  let database: Database;
  if (backend === 'postgres') {
    const fresh = await freshPostgres();
    drop = fresh.drop;
    database = await openDatabase({ url: fresh.url });
  } else {
    database = await openDatabase({ pgliteDir: 'memory://', pgliteTemplate: await pgliteTemplate() });
  }
  const pii = new PiiCipher(crypto.randomBytes(32));
  const clock = new TestClock(new Date());
  const app = await buildApp({ database, pii, clock, throttle: opts.throttle, trustProxy: opts.trustProxy, serveClient: false });
  await app.ready();
  return {
    app, database, pii, clock,
    close: async () => {
      await app.close();
      await database.close();
      await drop();
    },
  };
}

/**
 * Two server instances on one fresh PostgreSQL database, as two processes would be: each its own
 * connection pool, job worker, login throttle and caches; they share the database, the PII key and
 * (for tests) the clock. PostgreSQL only: PGlite is one process's database.
 */
export async function makeTwinEnvs(jobs: JobsOptions = {}): Promise<{ a: TestEnv; b: TestEnv; close(): Promise<void> }> {
  if (backend !== 'postgres') throw new Error('two instances need PostgreSQL: run with TEST_DB=postgres');
  const fresh = await freshPostgres();
  const pii = new PiiCipher(crypto.randomBytes(32));
  const clock = new TestClock(new Date());
  const instance = async (): Promise<TestEnv> => {
    const database = await openDatabase({ url: fresh.url });
    const app = await buildApp({ database, pii, clock, serveClient: false, jobs });
    await app.ready();
    return { app, database, pii, clock, close: async () => { await app.close(); await database.close(); } };
  };
  const a = await instance();
  const b = await instance();
  return {
    a, b,
    close: async () => {
      await Promise.all([a.close(), b.close()]);
      await fresh.drop();
    },
  };
}

let seq = 0;
/** A valid, unique ID number for tests. */
export function testIdNumber(gender: 'M' | 'F' = 'M'): string {
  seq++;
  const day = String((seq % 28) + 1).padStart(2, '0');
  const month = String(((seq >> 5) % 12) + 1).padStart(2, '0');
  return makeIdNumber('330102', `198${seq % 10}-${month}-${day}`, (seq * 2 + 1) % 1000, gender);
}

let unitSeq = 0;
export async function buildUnit(env: TestEnv, over: Partial<UnitInput> = {}) {
  unitSeq++;
  const [u] = await insertUnits(env.database.db, env, [{ name: `测试单位${unitSeq}-${crypto.randomBytes(3).toString('hex')}`, kind: 'enterprise', ...over }]);
  return u!;
}

export async function buildTrade(env: TestEnv, name = `工种${crypto.randomBytes(3).toString('hex')}`) {
  const [t] = await env.database.db.insert(trades).values({ code: name, name, category: 'general', levels: [5, 4, 3, 2, 1] }).returning();
  return t!;
}

export async function buildPerson(env: TestEnv, unitId: number, over: { name?: string; phone?: string; idNumber?: string; tradeId?: number } = {}) {
  const idNumber = over.idNumber ?? testIdNumber();
  const [row] = await env.database.db.insert(people).values(personValues(env, {
    name: over.name ?? '张三', idNumber, phone: over.phone ?? '13812345678', unitId, tradeId: over.tradeId ?? null, frontLine: true,
  })).returning();
  return { ...row!, idNumber };
}

export const PASSWORD = 'Passw0rd-test';

export async function buildAccount(env: TestEnv, role: Role, over: { unitId?: number; username?: string; phone?: string } = {}) {
  const username = over.username ?? `${role}_${crypto.randomBytes(4).toString('hex')}`;
  const { row } = await insertAccount(env.database.db, env, {
    username, displayName: username, role, password: PASSWORD, unitId: over.unitId, phone: over.phone,
    committeeBody: role === 'committee' ? 'competition' : undefined,
  });
  return row;
}

export interface Session {
  cookie: string;
  csrf: string;
  accountId: number;
  unitId: number | null;
}

export async function login(env: TestEnv, username: string, password = PASSWORD): Promise<Session> {
  const res = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: username, password }, remoteAddress: '127.0.0.2' });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const setCookie = String(res.headers['set-cookie']);
  const cookie = setCookie.split(';')[0]!;
  const me = res.json();
  return { cookie, csrf: me.csrfToken, accountId: me.id, unitId: me.unitId };
}

/** An account of the role, logged in. Unit accounts get a unit of their own unless one is given. */
export async function sessionAs(env: TestEnv, role: Role, over: { unitId?: number } = {}): Promise<Session> {
  const unitId = over.unitId ?? (role === 'unit' || role === 'judge' ? (await buildUnit(env)).id : undefined);
  const a = await buildAccount(env, role, { unitId });
  return login(env, a.username);
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
/** A request as the session (cookie and CSRF header), or as the anonymous public. */
export function call(env: TestEnv, s: Session | null, method: Method, url: string, payload?: unknown) {
  return env.app.inject({
    method, url,
    headers: s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {},
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });
}

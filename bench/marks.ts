// Mark submissions per second with 200 concurrent judges over loopback HTTP (each judge its own
// session, marking its own panel seats), against a bare single-row insert transaction served by
// the same server on the same database, under the same 200-way load, in the same run.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { PARTS_30_70 } from '../src/shared/competition/parts.js';
import { CompetitionRules } from '../src/shared/contracts/competitions.js';
import { buildApp } from '../src/server/app.js';
import { accounts } from '../src/server/core/accounts/tables.js';
import { createSession } from '../src/server/core/auth/sessions.js';
import { campaigns } from '../src/server/core/campaign/tables.js';
import { addStaff, changeRegistration, createCompetition, getCompetition } from '../src/server/competition/competitions/service.js';
import { systemClock, type ServiceContext } from '../src/server/context.js';
import { openDatabase } from '../src/server/db/client.js';
import { commitDrawSeed, runDraw } from '../src/server/competition/draws/service.js';
import { decideEntries, registerEntries } from '../src/server/competition/entries/service.js';
import { assignJudges } from '../src/server/competition/judging/service.js';
import { startMarking } from '../src/server/competition/marks/progress.js';
import { personValues } from '../src/server/core/people/service.js';
import { people } from '../src/server/core/people/tables.js';
import { PiiCipher } from '../src/server/core/pii/cipher.js';
import { saveScheme } from '../src/server/competition/schemes/service.js';
import { trades } from '../src/server/core/trades/tables.js';
import { insertUnits } from '../src/server/core/units/service.js';
import { makeIdNumber } from '../src/shared/idcard.js';
import { judgementScheme, report } from './lib.js';

const JUDGES = 201; // 67 panels of three
const CONNECTIONS = 200;
const CONTESTANTS = Number(process.env.BENCH_MARK_CONTESTANTS ?? 300);
const SECONDS = Number(process.env.BENCH_MARK_SECONDS ?? 5);
const ROUNDS = 3;

async function setUp() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-bench-marks-'));
  const database = await openDatabase({ pgliteDir: path.join(dir, 'pgdata') });
  const db = database.db;
  const pii = new PiiCipher(crypto.randomBytes(32));
  await db.insert(campaigns).values({ name: '基准', theme: '基准', startsOn: '2009-05-01', endsOn: '2009-05-31', organizer: '局', coOrganizers: [], committeeBodies: [], contentAreas: [] });
  const [trade] = await db.insert(trades).values({ code: '车工', name: '车工', levels: [5, 4, 3, 2, 1] }).returning();
  const [contestantUnit, judgeUnit] = await insertUnits(db, { pii }, [{ name: '参赛单位', kind: 'enterprise' }, { name: '裁判单位', kind: 'department' }]);
  const [admin] = await db.insert(accounts).values({ username: 'admin', displayName: 'admin', role: 'admin', passwordHash: 'x' }).returning();
  const ctx: ServiceContext = { db, pii, clock: systemClock, actor: { id: admin!.id, username: 'admin', displayName: 'admin', role: 'admin', unitId: null, personId: null, committeeBody: null } };
  const now = Date.now();
  const c = await createCompetition(ctx, {
    tradeId: trade!.id, level: 3, name: '基准竞赛', startsOn: '2009-05-22', endsOn: '2009-05-24', venue: '实训中心', stations: 50, codePrefix: 'B',
    registrationOpensAt: new Date(now - 3_600_000).toISOString(), registrationClosesAt: new Date(now + 3_600_000).toISOString(),
    defaultQuota: null, unitQuotas: {}, parts: PARTS_30_70.map((p) => ({ ...p })), rules: CompetitionRules.parse({}),
  });
  await changeRegistration(ctx, c.id, 'registration', c.version);
  const saved = await saveScheme(ctx, c.id, judgementScheme(JUDGES / 3, 1.5));
  const personRows = Array.from({ length: CONTESTANTS }, (_, i) => personValues({ pii }, {
    name: `选手${i}`, idNumber: makeIdNumber('330102', `19${70 + (i % 20)}-0${(i % 9) + 1}-1${i % 9}`, i % 1000, 'M'), unitId: contestantUnit!.id, tradeId: trade!.id, frontLine: true,
  }));
  const personIds = (await db.insert(people).values(personRows).returning({ id: people.id })).map((r) => r.id);
  const { entryIds } = await registerEntries(ctx, c.id, personIds);
  await decideEntries(ctx, c.id, { entryIds, decision: 'approved' });
  const judgeRows = await db.insert(accounts).values(Array.from({ length: JUDGES }, (_, i) => ({
    username: `judge${i}`, displayName: `裁判${i}`, role: 'judge' as const, unitId: judgeUnit!.id, passwordHash: 'x',
  }))).returning({ id: accounts.id });
  for (const j of judgeRows) await addStaff(ctx, c.id, { accountId: j.id, role: 'judge' });
  for (const [i, a] of saved!.aspects.entries()) await assignJudges(ctx, c.id, { aspectIds: [a.id], judgeIds: judgeRows.slice(i * 3, i * 3 + 3).map((j) => j.id) });
  await changeRegistration(ctx, c.id, 'closed', (await getCompetition(ctx, c.id)).version);
  await commitDrawSeed(ctx, c.id);
  const draw = await runDraw(ctx, c.id);
  await startMarking(ctx, c.id);
  const codes = draw.lots.map((l) => l.code);
  const workers = [];
  for (const [i, j] of judgeRows.slice(0, CONNECTIONS).entries()) {
    const s = await createSession(db, j.id, new Date());
    workers.push({ cookie: `sm_session=${s.token}`, csrf: s.csrfToken, aspectId: saved!.aspects[Math.floor(i / 3)]!.id });
  }
  await db.execute(sql`create table bench_rows (id bigint generated always as identity primary key, judge int not null, v numeric(6,2) not null, at timestamptz not null default now())`);
  return { dir, database, pii, competitionId: c.id, codes, workers };
}

/** `CONNECTIONS` workers, each sending its own requests back to back for `SECONDS`. */
async function load(send: (worker: number, n: number) => Promise<Response>) {
  const latencies: number[] = [];
  let errors = 0;
  let firstError = '';
  const started = performance.now();
  const until = started + SECONDS * 1000;
  await Promise.all(Array.from({ length: CONNECTIONS }, async (_, w) => {
    for (let n = 0; performance.now() < until; n++) {
      const t = performance.now();
      const res = await send(w, n);
      const body = await res.text();
      if (res.status !== 200 && errors++ === 0) firstError = `${res.status} ${body.slice(0, 300)}`;
      latencies.push(performance.now() - t);
    }
  }));
  latencies.sort((a, b) => a - b);
  const elapsed = (performance.now() - started) / 1000; // until the last request in flight is answered
  return { perSecond: latencies.length / elapsed, p99: latencies[Math.floor(latencies.length * 0.99)] ?? 0, errors, firstError, count: latencies.length };
}

export async function benchMarks() {
  const s = await setUp();
  const app = await buildApp({ database: s.database, pii: s.pii, serveClient: false });
  app.post('/bench/bare-insert', async (req) => {
    const { judge, v } = req.body as { judge: number; v: number };
    await s.database.db.transaction((tx) => tx.execute(sql`insert into bench_rows (judge, v) values (${judge}, ${v})`));
    return { ok: true };
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

  let n0 = 0; // each round continues where the last left off, so every mark is a new version
  const markRound = () => {
    const start = n0;
    return load((w, i) => {
      const n = start + i;
      n0 = Math.max(n0, n + 1);
      const wk = s.workers[w]!;
      const code = s.codes[n % s.codes.length]!;
      const version = Math.floor(n / s.codes.length); // after a full round the judge re-scores: a new version
      return fetch(`${base}/api/competitions/${s.competitionId}/marks`, {
        method: 'POST', headers: { 'content-type': 'application/json', cookie: wk.cookie, 'x-csrf-token': wk.csrf },
        body: JSON.stringify({ code, aspectId: wk.aspectId, value: (n + w) % 4 === 0 ? 1 : 2, expectedVersion: version }),
      });
    });
  };
  const bareRound = () => load((w, n) => fetch(`${base}/bench/bare-insert`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ judge: w, v: n % 4 }),
  }));
  // Interleaved rounds, medians: a passing load on the machine hits both sides alike.
  const oursRounds = [];
  const bareRounds = [];
  for (let r = 0; r < ROUNDS; r++) {
    oursRounds.push(await markRound());
    bareRounds.push(await bareRound());
  }
  const median = <T extends { perSecond: number }>(xs: T[]) => [...xs].sort((a, b) => a.perSecond - b.perSecond)[Math.floor(xs.length / 2)]!;
  const ours = { ...median(oursRounds), errors: oursRounds.reduce((a, x) => a + x.errors, 0), firstError: oursRounds.find((x) => x.firstError)?.firstError ?? '' };
  const bare = { ...median(bareRounds), errors: bareRounds.reduce((a, x) => a + x.errors, 0), firstError: bareRounds.find((x) => x.firstError)?.firstError ?? '' };
  await app.close();
  await s.database.close();
  fs.rmSync(s.dir, { recursive: true, force: true });
  // A refused request is not a transaction: the figure counts only a clean run.
  if (ours.errors || bare.errors) throw new Error(`${ours.errors + bare.errors} requests failed, first: ${ours.firstError || bare.firstError}`);
  console.log(`  ${CONNECTIONS} concurrent judges, ${ROUNDS} interleaved rounds of ${SECONDS} s, medians; marks: ${ours.count} (p99 ${ours.p99.toFixed(1)} ms), bare inserts: ${bare.count} (p99 ${bare.p99.toFixed(1)} ms)`);
  return report(
    'Mark submission with 200 concurrent judges (HTTP on loopback, PGlite on disk)',
    { label: `skillmonth mark submission (p99 ${ours.p99.toFixed(0)} ms)`, value: ours.perSecond, unit: 'tx/s' },
    { label: `bare single-row insert tx (p99 ${bare.p99.toFixed(0)} ms)`, value: bare.perSecond, unit: 'tx/s' },
    '≥ 0.4',
  );
}

// QR sign-ins: 500 trainees signing in to one session over loopback HTTP — each trainee its own
// signed-in session cookie and its own phone (device cookie), real tokens fetched from the
// teacher's code route as the screen does — against a bare single-row insert transaction served by
// the same server on the same database, under the same concurrency, in the same run.
import type { AddressInfo } from 'node:net';
import { count, eq, sql } from 'drizzle-orm';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { ClassInput, ProgrammeInput } from '../src/shared/contracts/training.js';
import { buildApp } from '../src/server/app.js';
import { accounts } from '../src/server/core/accounts/tables.js';
import { createSession } from '../src/server/core/auth/sessions.js';
import { personValues } from '../src/server/core/people/service.js';
import { people } from '../src/server/core/people/tables.js';
import { insertUnits } from '../src/server/core/units/service.js';
import { setCheckinWindow } from '../src/server/training/attendance/checkin.js';
import { trainingAttendance } from '../src/server/training/attendance/tables.js';
import { trainingEnrolments } from '../src/server/training/enrolment/tables.js';
import { beijingDay } from '../src/server/training/programmes/plan-actual.js';
import { changeClassStatus, createClass, createProgramme } from '../src/server/training/programmes/service.js';
import { createSession as createTrainingSession } from '../src/server/training/programmes/sessions.js';
import { makeIdNumber } from '../src/shared/idcard.js';
import { benchDatabase, report } from './lib.js';

const TRAINEES = Number(process.env.BENCH_CHECKIN_TRAINEES ?? 500);
const CONNECTIONS = Number(process.env.BENCH_CHECKIN_CONNECTIONS ?? 25);
const ROUNDS = 3;

async function setUp() {
  const b = await benchDatabase('sm-bench-checkin-');
  const { db, pii, ctx } = b;
  const [employer] = await insertUnits(db, { pii }, [{ name: '学员单位', kind: 'enterprise' }]);
  const p = await createProgramme(ctx, ProgrammeInput.parse({ kind: 'entrepreneurship', name: '创业培训', plannedTrainees: 1000, trainingFeeYuan: 800 }));
  const today = beijingDay(new Date());
  let c = await createClass(ctx, ClassInput.parse({
    programmeId: p.id, name: '返乡农民工创业培训班', targetGroup: 'migrant-workers', curriculum: 'SYB', venue: '镇文化站',
    plannedStartOn: today, plannedEndOn: today, plannedSize: TRAINEES, quota: TRAINEES,
  }));
  // One session per round: a trainee signs in once per session.
  const sessionIds = [];
  for (let r = 0; r < ROUNDS; r++) sessionIds.push((await createTrainingSession(ctx, c.id, { day: today, startsAt: '00:00', endsAt: '23:59', room: '', topic: `第 ${r + 1} 课`, teacherName: '' })).id);
  c = await changeClassStatus(ctx, c.id, { to: 'enrolling', version: c.version });
  await changeClassStatus(ctx, c.id, { to: 'running', version: c.version });
  for (const id of sessionIds) await setCheckinWindow(ctx, id, true);
  const personRows = Array.from({ length: TRAINEES }, (_, i) => personValues({ pii }, {
    name: `学员${i}`, idNumber: makeIdNumber('330102', `19${70 + (i % 20)}-0${(i % 9) + 1}-1${i % 9}`, i % 1000, 'M'), unitId: employer!.id, frontLine: true,
  }));
  const personIds = (await db.insert(people).values(personRows).returning({ id: people.id })).map((r) => r.id);
  const now = new Date();
  await db.insert(trainingEnrolments).values(personIds.map((personId) => ({ classId: c.id, personId, status: 'enrolled' as const, source: 'organizer' as const, unitId: employer!.id, createdAt: now, updatedAt: now })));
  const accountRows = await db.insert(accounts).values(personIds.map((personId, i) => ({ username: `trainee${i}`, displayName: `学员${i}`, role: 'person' as const, personId, passwordHash: 'x' })))
    .returning({ id: accounts.id });
  const trainees = [];
  for (const a of accountRows) {
    const s = await createSession(db, a.id, new Date());
    trainees.push({ cookie: `sm_session=${s.token}; sm_device=${crypto.randomBytes(32).toString('base64url')}`, csrf: s.csrfToken });
  }
  const teacher = await createSession(db, ctx.actor!.id, new Date());
  await db.execute(sql`create table bench_rows (id bigint generated always as identity primary key, who int not null, at timestamptz not null default now())`);
  return { ...b, sessionIds, trainees, teacherCookie: `sm_session=${teacher.token}` };
}

/** All TRAINEES requests, CONNECTIONS at a time. */
async function load(send: (i: number) => Promise<Response>) {
  const latencies: number[] = [];
  let errors = 0;
  let firstError = '';
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, async () => {
    for (let i = next++; i < TRAINEES; i = next++) {
      const t = performance.now();
      const res = await send(i);
      const body = await res.text();
      if (res.status !== 200 && errors++ === 0) firstError = `${res.status} ${body.slice(0, 300)}`;
      latencies.push(performance.now() - t);
    }
  }));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { perSecond: latencies.length / elapsed, seconds: elapsed, p99: latencies[Math.floor(latencies.length * 0.99)] ?? 0, errors, firstError };
}

export async function benchTrainingCheckin() {
  const s = await setUp();
  const app = await buildApp({ database: s.database, pii: s.pii, serveClient: false });
  app.post('/bench/bare-insert', async (req) => {
    const { who } = req.body as { who: number };
    await s.database.db.transaction((tx) => tx.execute(sql`insert into bench_rows (who) values (${who})`));
    return { ok: true };
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

  const checkinRound = async (sessionId: number) => {
    // The teacher's screen: a fresh code every 5 s (valid 10–20 s), as the page polls it; a
    // trainee scans whatever the screen shows at that moment.
    const fetchCode = async () => ((await (await fetch(`${base}/api/training/sessions/${sessionId}/checkin/code`, { headers: { cookie: s.teacherCookie } })).json()) as { token: string }).token;
    let screen = { at: performance.now(), code: fetchCode() };
    const shown = () => {
      if (performance.now() - screen.at > 5000) screen = { at: performance.now(), code: fetchCode() };
      return screen.code;
    };
    return load(async (i) => fetch(`${base}/api/training/checkin`, {
      method: 'POST', headers: { 'content-type': 'application/json', cookie: s.trainees[i]!.cookie, 'x-csrf-token': s.trainees[i]!.csrf }, body: JSON.stringify({ code: await shown() }),
    }));
  };
  const bareRound = () => load((i) => fetch(`${base}/bench/bare-insert`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ who: i }) }));

  const oursRounds = [];
  const bareRounds = [];
  for (let r = 0; r < ROUNDS; r++) {
    oursRounds.push(await checkinRound(s.sessionIds[r]!));
    bareRounds.push(await bareRound());
  }
  const [signedIn] = await s.db.select({ n: count() }).from(trainingAttendance).where(eq(trainingAttendance.method, 'qr'));
  const median = <T extends { perSecond: number }>(xs: T[]) => [...xs].sort((a, b) => a.perSecond - b.perSecond)[Math.floor(xs.length / 2)]!;
  const ours = median(oursRounds);
  const bare = median(bareRounds);
  const errors = [...oursRounds, ...bareRounds].reduce((a, x) => a + x.errors, 0);
  const firstError = [...oursRounds, ...bareRounds].find((x) => x.firstError)?.firstError ?? '';
  await app.close();
  await s.database.close();
  fs.rmSync(s.dir, { recursive: true, force: true });
  if (errors) throw new Error(`${errors} requests failed, first: ${firstError}`);
  if (signedIn?.n !== TRAINEES * ROUNDS) throw new Error(`expected ${TRAINEES * ROUNDS} QR attendances, found ${signedIn?.n}`);
  console.log(`  ${TRAINEES} trainees × ${ROUNDS} sessions, ${CONNECTIONS} at a time, interleaved with bare-insert rounds, medians; ` +
    `one session's ${TRAINEES} sign-ins took ${ours.seconds.toFixed(1)} s (p99 ${ours.p99.toFixed(1)} ms), ${TRAINEES} bare inserts ${bare.seconds.toFixed(1)} s (p99 ${bare.p99.toFixed(1)} ms)`);
  return report(
    `QR sign-in: ${TRAINEES} trainees to one session (HTTP on loopback, PGlite on disk)`,
    { label: `skillmonth QR sign-in (p99 ${ours.p99.toFixed(0)} ms)`, value: ours.perSecond, unit: 'sign-ins/s' },
    { label: `bare single-row insert tx (p99 ${bare.p99.toFixed(0)} ms)`, value: bare.perSecond, unit: 'tx/s' },
    '≥ 0.5',
  );
}

// Six concurrent people exports of ~200k rows each against a running server (its own process started
// by `npm start`'s script, PGlite on disk), while /api/health is polled every 50 ms: its p50/p99
// latency and the server's peak RSS during the exports, beside the same polling with no export
// running (baseline), measured in the same run.
import { spawn, type ChildProcess } from 'node:child_process';

import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { accounts } from '../src/server/core/accounts/tables.js';
import { hashPassword } from '../src/server/core/auth/password.js';
import { openDatabase } from '../src/server/db/client.js';
import { fillPeople } from '../src/server/test/people-fill.js';
import { trades } from '../src/server/core/trades/tables.js';
import { units } from '../src/server/core/units/tables.js';
import { report } from './lib.js';

const ROWS = Number(process.env.BENCH_EXPORT_ROWS ?? 200_000);
const EXPORTS = Number(process.env.BENCH_EXPORTS ?? 6);
const BASELINE_MS = Number(process.env.BENCH_BASELINE_MS ?? 10_000);
const POLL_MS = 50;
const root = path.resolve(import.meta.dirname, '..');
const PASSWORD = 'Bench-Committee-2009!x';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    }).on('error', reject);
  });
}

function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};

/** Fires GET /api/health every 50 ms (not waiting for the previous one) and samples the server's RSS, until stopped. */
function poll(base: string, pid: number) {
  const latencies: number[] = [];
  const slowest: { at: number; ms: number }[] = [];
  const t0 = performance.now();
  let peakRss = 0;
  let failures = 0;
  const pending = new Set<Promise<void>>();
  const timer = setInterval(() => {
    peakRss = Math.max(peakRss, rssMb(pid));
    const t = performance.now();
    const p = fetch(`${base}/api/health`, { signal: AbortSignal.timeout(60_000) })
      .then(async (r) => {
        await r.arrayBuffer();
        if (!r.ok) failures++;
        latencies.push(performance.now() - t);
        slowest.push({ at: t - t0, ms: performance.now() - t });
      })
      .catch(() => {
        failures++;
        latencies.push(performance.now() - t);
      })
      .finally(() => pending.delete(p));
    pending.add(p);
  }, POLL_MS);
  return async () => {
    clearInterval(timer);
    await Promise.all([...pending]);
    slowest.sort((a, b) => b.ms - a.ms);
    return { latencies, peakRss, failures, slowest: slowest.slice(0, 5) };
  };
}

async function prepare(dir: string) {
  const database = await openDatabase({ pgliteDir: path.join(dir, 'pgdata') });
  const db = database.db;
  const [unit] = await db.insert(units).values({ name: '江川重型机械有限公司', kind: 'enterprise' }).returning();
  const [trade] = await db.insert(trades).values({ code: '车工', name: '车工', levels: [5, 4, 3, 2, 1] }).returning();
  for (let from = 1; from <= ROWS; from += 50_000) await fillPeople(db, unit!.id, trade!.id, Math.min(50_000, ROWS - from + 1), from);
  // A committee member (who may run the people export) with a known password.
  await db.insert(accounts).values({ username: 'bench_committee', displayName: '竞赛委员', role: 'committee', committeeBody: 'competition', passwordHash: await hashPassword(PASSWORD) });
  await database.close();
}

async function start(dir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: root, stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, DATA_DIR: dir, PORT: String(port), HOST: '127.0.0.1', DEMO: '0', ADMIN_PASSWORD: 'Bench-Admin-2009!x', LOG_LEVEL: 'warn', NODE_ENV: 'production' },
  });
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  const t = performance.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${err}`);
    if (performance.now() - t > 600_000) throw new Error(`server did not start: ${err}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return child;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function benchExports() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-bench-exports-'));
  const child = { current: null as ChildProcess | null };
  try {
    let t = performance.now();
    await prepare(dir);
    console.log(`  ${ROWS} people inserted in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    child.current = await start(dir, port);
    const pid = child.current.pid!;
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'bench_committee', password: PASSWORD }) });
    if (!login.ok) throw new Error(`login: ${login.status} ${await login.text()}`);
    const cookie = String(login.headers.get('set-cookie')).split(';')[0]!;

    // The first export after a start loads ExcelJS's writer (kept out of the start): measured
    // apart with an empty export, so the figures below are the steady state.
    const stopWarm = poll(base, pid);
    const warmT = performance.now();
    const warm = await fetch(`${base}/api/people/export?tradeId=999999`, { headers: { cookie } });
    await warm.arrayBuffer();
    const warmMs = performance.now() - warmT;
    const warmPoll = await stopWarm();
    console.log(`  first export after the start (loads ExcelJS's writer, no rows): ${warm.status} in ${warmMs.toFixed(0)} ms; /api/health max ${Math.max(...warmPoll.latencies).toFixed(0)} ms meanwhile`);

    // Baseline: the same polling, nothing else running.
    await new Promise((r) => setTimeout(r, 1_000));
    const idleRss = rssMb(pid);
    const stopIdle = poll(base, pid);
    await new Promise((r) => setTimeout(r, BASELINE_MS));
    const idle = await stopIdle();

    // Six exports at once, polled the same way.
    const stopBusy = poll(base, pid);
    t = performance.now();
    const results = await Promise.all(Array.from({ length: EXPORTS }, async () => {
      const s = performance.now();
      const r = await fetch(`${base}/api/people/export`, { headers: { cookie } });
      const firstByteMs = performance.now() - s;
      let bytes = 0;
      if (r.body) for await (const chunk of r.body) bytes += chunk.length;
      return { status: r.status, bytes, ms: performance.now() - s, firstByteMs, retryAfter: r.headers.get('retry-after') };
    }));
    const exportsMs = performance.now() - t;
    const busy = await stopBusy();

    const ok = results.filter((r) => r.status === 200);
    console.log(`  ${EXPORTS} exports: ${results.map((r) => `${r.status} ${(r.bytes / 1024 / 1024).toFixed(1)} MB in ${(r.ms / 1000).toFixed(1)} s (headers at ${(r.firstByteMs / 1000).toFixed(1)} s)${r.retryAfter ? ` (Retry-After ${r.retryAfter})` : ''}`).join('; ')}`);
    console.log(`  all done in ${(exportsMs / 1000).toFixed(1)} s; HEAVY_JOBS=${process.env.HEAVY_JOBS ?? 2} at once; /api/health samples: idle ${idle.latencies.length} (${idle.failures} failed), during exports ${busy.latencies.length} (${busy.failures} failed), max ${Math.max(...busy.latencies).toFixed(0)} ms`);
    console.log(`  slowest /api/health during the exports (sent at → took): ${busy.slowest.map((x) => `${(x.at / 1000).toFixed(1)} s → ${x.ms.toFixed(0)} ms`).join(', ')}`);
    console.log(`  server RSS: ${idleRss.toFixed(0)} MB after start, peak ${idle.peakRss.toFixed(0)} MB idle, peak ${busy.peakRss.toFixed(0)} MB during the exports`);
    if (ok.length === 0) throw new Error('no export succeeded');
    report(`/api/health p50 while ${EXPORTS} people exports of ${ROWS} rows run`,
      { label: 'p50 during exports', value: pct(busy.latencies, 50), unit: 'ms' }, { label: 'p50 idle (baseline)', value: pct(idle.latencies, 50), unit: 'ms' }, 'answering throughout');
    report(`/api/health p99 while ${EXPORTS} people exports of ${ROWS} rows run`,
      { label: 'p99 during exports', value: pct(busy.latencies, 99), unit: 'ms' }, { label: 'p99 idle (baseline)', value: pct(idle.latencies, 99), unit: 'ms' }, 'p99 < 1000 ms');
    return report(`Server peak RSS while ${EXPORTS} people exports of ${ROWS} rows run`,
      { label: 'peak RSS during exports', value: busy.peakRss, unit: 'MB' }, { label: 'peak RSS idle (baseline)', value: idle.peakRss, unit: 'MB' }, 'bounded (no growth with the number of exports)');
  } finally {
    if (child.current && child.current.exitCode === null) {
      child.current.kill('SIGTERM');
      await new Promise((r) => child.current!.once('exit', r));
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchExports();


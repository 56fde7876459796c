// Requests per second of the public site's pages — a published results notice, the team and
// organization rankings, a certificate's verification page (HTML) and its JSON — at 64 connections
// on loopback, served by `npm start` on a data directory with the demo, against a bare Fastify
// hello-world process in the same run. The p99 latency is printed beside each.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { report } from './lib.js';

const root = path.resolve(import.meta.dirname, '..');
const CONNECTIONS = 64;
const SECONDS = Number(process.env.BENCH_PUBLIC_SECONDS ?? 5);

async function start(args: string[], env: NodeJS.ProcessEnv, url: string, timeoutMs: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  const t = performance.now();
  for (;;) {
    if (performance.now() - t > timeoutMs) throw new Error(`no answer from ${url}: ${err}`);
    try {
      if ((await fetch(url)).ok) return child;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function stop(child: ChildProcess) {
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
}

async function load(url: string) {
  // As a browser asks: gzip accepted (the public answers are sent compressed, the hello-world is too small to be).
  const r = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers: { 'accept-encoding': 'gzip, deflate, br' } });
  if (r.non2xx || r.errors) throw new Error(`${url}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return { rps: r.requests.average, p99: r.latency.p99 };
}

/** Logs in as the demo admin and finds a published notice, its competition and a certificate serial. */
async function targets(base: string, dataDir: string) {
  const creds = JSON.parse(fs.readFileSync(path.join(dataDir, 'demo-credentials.json'), 'utf8')) as { username: string; password: string }[] | { accounts: { username: string; password: string }[] };
  const list = Array.isArray(creds) ? creds : creds.accounts;
  const admin = list.find((c) => c.username === 'admin')!;
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'admin', password: admin.password }) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const notices = (await (await fetch(`${base}/api/public/notices`)).json()) as { id: number; subjectId: number }[];
  const notice = notices[0]!;
  const certs = (await (await fetch(`${base}/api/competitions/${notice.subjectId}/certificates`, { headers: { cookie } })).json()) as { serial: string }[];
  return { notice: notice.id, competition: notice.subjectId, serial: certs[0]!.serial };
}

export async function benchPublic() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-bench-public-'));
  const helloFile = path.join(dataDir, 'hello.mjs');
  fs.writeFileSync(helloFile, `import Fastify from '${path.join(root, 'node_modules/fastify/fastify.js')}';\nconst app = Fastify();\napp.get('/', async () => ({ hello: 'world' }));\nawait app.listen({ port: 3922, host: '127.0.0.1' });\n`);
  const server = await start(['scripts/start.mjs'], { DATA_DIR: dataDir, PORT: '3921', HOST: '127.0.0.1', LOG_LEVEL: 'warn' }, 'http://127.0.0.1:3921/api/health', 300_000);
  const base = 'http://127.0.0.1:3921';
  try {
    const t = await targets(base, dataDir);
    const pages = {
      'results notice (JSON)': `${base}/api/public/notices/${t.notice}`,
      'team & organization rankings (JSON)': `${base}/api/public/competitions/${t.competition}/rankings`,
      'verification page /verify/<serial> (HTML)': `${base}/verify/${t.serial}`,
      'verification (JSON)': `${base}/api/public/certificates/${t.serial}`,
    };
    const ours: Record<string, { rps: number; p99: number }> = {};
    for (const [name, url] of Object.entries(pages)) {
      await load(url); // warm-up: caches, JIT
      ours[name] = await load(url);
    }
    await stop(server);
    const hello = await start([helloFile], {}, 'http://127.0.0.1:3922/', 30_000);
    await load('http://127.0.0.1:3922/');
    const baseline = await load('http://127.0.0.1:3922/');
    await stop(hello);
    let worst = Infinity;
    for (const [name, r] of Object.entries(ours)) {
      worst = Math.min(worst, report(`Public page: ${name}, ${CONNECTIONS} connections, ${SECONDS} s`,
        { label: `skillmonth (p99 ${r.p99} ms)`, value: r.rps, unit: 'req/s' },
        { label: `bare Fastify hello-world (p99 ${baseline.p99} ms)`, value: baseline.rps, unit: 'req/s' },
        'ratio ≥ 0.6'));
    }
    return worst;
  } finally {
    if (server.exitCode === null) await stop(server);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

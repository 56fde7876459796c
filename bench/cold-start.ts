// Cold start of `npm start` on an existing data directory to a healthy /api/health, against a
// bare Fastify hello-world process started the same way, in the same run.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { report } from './lib.js';

const root = path.resolve(import.meta.dirname, '..');
const node = process.execPath;

async function startAndWait(args: string[], env: NodeJS.ProcessEnv, url: string, timeoutMs = 120_000): Promise<number> {
  const t = performance.now();
  const child = spawn(node, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  try {
    for (;;) {
      if (performance.now() - t > timeoutMs) throw new Error(`no answer from ${url} in ${timeoutMs} ms: ${err}`);
      try {
        const r = await fetch(url);
        if (r.ok) return performance.now() - t;
      } catch {
        /* not up yet */
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

export async function benchColdStart() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-bench-start-'));
  const env = { DATA_DIR: dataDir, PORT: '3911', HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
  const first = await startAndWait(['scripts/start.mjs'], env, 'http://127.0.0.1:3911/api/health', 300_000);
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) runs.push(await startAndWait(['scripts/start.mjs'], env, 'http://127.0.0.1:3911/api/health'));
  const hello = path.join(dataDir, 'hello.mjs');
  fs.writeFileSync(hello, `import Fastify from '${path.join(root, 'node_modules/fastify/fastify.js')}';\nconst app = Fastify();\napp.get('/', async () => 'ok');\nawait app.listen({ port: 3912, host: '127.0.0.1' });\n`);
  const base: number[] = [];
  for (let i = 0; i < 3; i++) base.push(await startAndWait([hello], {}, 'http://127.0.0.1:3912/'));
  fs.rmSync(dataDir, { recursive: true, force: true });
  const median = (a: number[]) => [...a].sort((x, y) => x - y)[1]!;
  console.log(`  first start (migrations + demo load): ${(first / 1000).toFixed(2)} s; restarts: ${runs.map((r) => (r / 1000).toFixed(2)).join(', ')} s`);
  return report(
    'Cold start of npm start on an existing data directory (median of 3)',
    { label: 'skillmonth: start → healthy /api/health', value: median(runs), unit: 'ms' },
    { label: 'bare Fastify hello-world: start → 200', value: median(base), unit: 'ms' },
    'skillmonth ≤ 3000 ms',
  );
}

/**
 * Starts the real application for a browser test file: `node scripts/start.mjs` (which builds the
 * client first when dist/client is missing or older than its sources), on a free port, in demo
 * mode, with a fresh data directory that is removed again afterwards. The demo is loaded once per
 * run (e2e/support/global-setup.ts, into a template directory); each demo server starts from a copy
 * of it — the same state a first start leaves — instead of loading the demo again.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export type DemoCredential = { username: string; password: string; role: string };

export interface TestServer {
  baseUrl: string;
  dataDir: string;
  credentials: DemoCredential[];
  /** The demo password of an account (admin's is generated at first start). */
  passwordOf(username: string): string;
  /** What the server printed so far (for failure messages). */
  log(): string;
  stop(): Promise<void>;
}

/** The first build of the client plus the demo load can take a while on a small machine. */
const START_TIMEOUT_MS = 240_000;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      if (addr === null || typeof addr === 'string') return reject(new Error('no port'));
      srv.close(() => resolve(addr.port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const done = exited(child);
  const timedOut = await Promise.race([done.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), 15_000))]);
  if (timedOut) {
    child.kill('SIGKILL');
    await done;
  }
}

/** Raised when the server stopped before it answered /api/health. */
class StartFailed extends Error {
  constructor(
    message: string,
    readonly output: string,
  ) {
    super(message);
  }
}

/**
 * Starts a server with a fresh data directory. One retry, only when the first try tripped over
 * dist/client being rebuilt at that moment by another process (its index.html briefly missing).
 */
export async function startServer(options: StartOptions = {}): Promise<TestServer> {
  try {
    return await startOnce(options);
  } catch (e) {
    if (!(e instanceof StartFailed) || !/dist\/client/.test(e.output)) throw e;
    console.error(`retrying the server start (dist/client was being rebuilt):\n${e.output.slice(-1000)}`);
    await new Promise((r) => setTimeout(r, 5_000));
    return startOnce(options);
  }
}

/**
 * The demo by default; `{ demo: false, adminPassword }` is the README's production start
 * (DEMO=0 ADMIN_PASSWORD=…): an empty platform with only the `admin` account.
 */
export type StartOptions = { demo?: boolean; adminPassword?: string; dataDir?: string; fresh?: boolean; keepDataDir?: boolean };

async function startOnce(options: StartOptions): Promise<TestServer> {
  const demo = options.demo ?? true;
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'skillmonth-e2e-'));
  const template = process.env.SKILLMONTH_E2E_DEMO_TEMPLATE;
  if (demo && !options.fresh && template && fs.existsSync(path.join(template, 'demo-credentials.json'))) fs.cpSync(template, dataDir, { recursive: true });
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let output = '';
  // PGlite in the fresh directory, and the demo's generated admin password (written to the directory).
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', DEMO: '1', LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  delete env.ADMIN_PASSWORD;
  if (!demo) {
    env.DEMO = '0';
    if (!options.adminPassword) throw new Error('a start without the demo needs adminPassword');
    env.ADMIN_PASSWORD = options.adminPassword;
  }
  // vitest sets NODE_ENV=test; start.mjs would pass it on to `vite build`, and the client would be
  // built as a test bundle (React/antd development code, every antd dialog labelled by id "test-id").
  delete env.NODE_ENV;
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts/start.mjs')], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let stopping = false;
  let ready = false;
  child.once('exit', (code, signal) => {
    // A server that dies under a running test shows up as "connection refused"; say why.
    if (ready && !stopping) console.error(`the test server on ${baseUrl} exited during the tests (${code ?? signal}):\n${output.slice(-4000)}`);
  });

  // Should the test process end without stop() (a crash, an interrupted run), take the server along.
  const onExit = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    try {
      if (!options.keepDataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    } catch {
      /* best effort while exiting */
    }
  };
  process.once('exit', onExit);

  const cleanup = async () => {
    stopping = true;
    await stopChild(child);
    process.off('exit', onExit);
    if (!options.keepDataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    const deadline = Date.now() + START_TIMEOUT_MS;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        await new Promise((r) => setTimeout(r, 300)); // the last of its output
        throw new StartFailed(`the server exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${output}`, output);
      }
      try {
        const res = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
        if (res.status === 200) break;
      } catch {
        /* not listening yet */
      }
      if (Date.now() > deadline) throw new Error(`the server was not ready within ${START_TIMEOUT_MS / 1000} s:\n${output}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    ready = true;
    const credFile = path.join(dataDir, 'demo-credentials.json');
    const credentials = demo
      ? (JSON.parse(fs.readFileSync(credFile, 'utf8')) as DemoCredential[])
      : [{ username: 'admin', password: options.adminPassword!, role: 'admin' }];
    return {
      baseUrl,
      dataDir,
      credentials,
      passwordOf(username) {
        const c = credentials.find((x) => x.username === username);
        if (!c) throw new Error(`no demo account ${username} in ${credFile}`);
        return c.password;
      },
      log: () => output,
      stop: cleanup,
    };
  } catch (e) {
    await cleanup();
    throw e;
  }
}

/**
 * `npm start` under a service manager: stopping the process it started (SIGTERM to npm, SIGINT,
 * SIGHUP to the server, or npm killed outright) stops the server — the port closes and the data
 * directory's lock is released within seconds. Before the fix, SIGTERM to npm killed npm and its
 * shell and left the server running with the port and the lock.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from './support/server';

const started: { child: ChildProcess; dataDir: string; port: number }[] = [];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

const listening = (port: number) => new Promise<boolean>((resolve) => {
  const s = net.connect({ port, host: '127.0.0.1' });
  s.once('connect', () => { s.destroy(); resolve(true); });
  s.once('error', () => resolve(false));
});

async function until(what: string, ok: () => boolean | Promise<boolean>, ms: number) {
  const deadline = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`not within ${ms / 1000} s: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Starts a fresh DEMO=0 server with `npm start` or `node scripts/start.mjs`; resolves once /api/health answers. */
async function start(how: 'npm' | 'node') {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'skillmonth-sig-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', DEMO: '0', ADMIN_PASSWORD: 'Signal-Test-2026', LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  delete env.NODE_ENV;
  const child = how === 'npm'
    ? spawn('npm', ['start', '--silent'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(process.execPath, [path.join(ROOT, 'scripts/start.mjs')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  started.push({ child, dataDir, port });
  await until(`/api/health on ${port}\n${out}`, async () => {
    if (child.exitCode !== null) throw new Error(`exited early:\n${out}`);
    return fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false);
  }, 240_000);
  const lock = path.join(dataDir, 'skillmonth.lock');
  expect(fs.existsSync(lock)).toBe(true);
  return { child, port, lock, serverPid: Number(fs.readFileSync(lock, 'utf8')), output: () => out };
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

afterEach(async () => {
  for (const s of started.splice(0)) {
    const pid = fs.existsSync(path.join(s.dataDir, 'skillmonth.lock')) ? Number(fs.readFileSync(path.join(s.dataDir, 'skillmonth.lock'), 'utf8')) : null;
    s.child.kill('SIGKILL');
    if (pid && alive(pid)) process.kill(pid, 'SIGKILL');
    fs.rmSync(s.dataDir, { recursive: true, force: true });
  }
});

describe('stopping the server', () => {
  it('SIGTERM to `npm start` stops the server: the port closes and the lock is released', async () => {
    const s = await start('npm');
    s.child.kill('SIGTERM');
    await until('port closed', async () => !(await listening(s.port)), 10_000);
    await until('lock released', () => !fs.existsSync(s.lock), 10_000);
    await until('server process gone', () => !alive(s.serverPid), 10_000);
    await until('npm gone', () => s.child.exitCode !== null || s.child.signalCode !== null, 10_000);
  }, 360_000); // the first start may build the client and the server

  it('npm killed outright (SIGKILL): the server notices and stops', async () => {
    const s = await start('npm');
    expect(s.serverPid).not.toBe(s.child.pid); // the server runs under npm
    s.child.kill('SIGKILL');
    await until('port closed', async () => !(await listening(s.port)), 15_000);
    await until('lock released', () => !fs.existsSync(s.lock), 10_000);
  });

  for (const signal of ['SIGINT', 'SIGHUP'] as const) {
    it(`${signal} to \`node scripts/start.mjs\` stops the server and releases the lock`, async () => {
      const s = await start('node');
      expect(s.serverPid).toBe(s.child.pid); // in-process: the signal reaches the server itself
      s.child.kill(signal);
      await until('port closed', async () => !(await listening(s.port)), 10_000);
      await until('lock released', () => !fs.existsSync(s.lock), 10_000);
      await until('exited', () => s.child.exitCode !== null, 10_000);
      expect(s.child.exitCode).toBe(0);
    });
  }
});

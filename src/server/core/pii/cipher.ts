import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * Personal data at rest: AES-256-GCM for the value, HMAC-SHA256 for look-up and de-duplication.
 * Both keys derive (HKDF) from one 32-byte master key: SECRET_KEY, or `secret.key` in DATA_DIR,
 * made on first start. Lose the key and the encrypted columns are lost: back it up with the data.
 */
export class PiiCipher {
  // KeyObjects, not Buffers: Node imports a Buffer key on every call (5x slower; see bench/import).
  private readonly encKey: crypto.KeyObject;
  private readonly macKey: crypto.KeyObject;
  private ivPool = Buffer.alloc(0);
  private ivAt = 0;

  constructor(masterKey: Buffer) {
    if (masterKey.length !== 32) throw new Error('master key must be 32 bytes');
    const derive = (info: string) => crypto.createSecretKey(Buffer.from(crypto.hkdfSync('sha256', masterKey, Buffer.alloc(0), info, 32)));
    this.encKey = derive('skillmonth pii enc v1');
    this.macKey = derive('skillmonth pii mac v1');
  }

  /** A fresh random 96-bit IV, drawn from a pool refilled in blocks (one syscall per 1024 IVs). */
  private nextIv(): Buffer {
    if (this.ivAt + 12 > this.ivPool.length) {
      this.ivPool = crypto.randomBytes(12 * 1024);
      this.ivAt = 0;
    }
    const iv = this.ivPool.subarray(this.ivAt, this.ivAt + 12);
    this.ivAt += 12;
    return iv;
  }

  encrypt(plain: string): string {
    const iv = this.nextIv();
    const c = crypto.createCipheriv('aes-256-gcm', this.encKey, iv);
    const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
    return `v1.${Buffer.concat([iv, c.getAuthTag(), body]).toString('base64')}`;
  }

  decrypt(sealed: string): string {
    if (!sealed.startsWith('v1.')) throw new Error('unknown ciphertext version');
    const raw = Buffer.from(sealed.slice(3), 'base64');
    const d = crypto.createDecipheriv('aes-256-gcm', this.encKey, raw.subarray(0, 12));
    d.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8');
  }

  /** A keyed hash, separated by field so equal values in different fields do not collide. */
  hash(field: string, normalized: string): string {
    return crypto.createHmac('sha256', this.macKey).update(`${field}\u0000${normalized}`).digest('base64url');
  }

  private sealers: Sealers | null = null;

  /**
   * Many values of one field at once (an import): each one's encrypt() and hash(field), worked
   * out on another thread so the caller's thread goes on (reading the file) meanwhile. Exactly
   * what encrypt() and hash() give; if the helper thread is unavailable, they run here.
   */
  async sealMany(field: string, values: readonly string[]): Promise<{ enc: string[]; hash: string[] }> {
    if (values.length === 0) return { enc: [], hash: [] };
    this.sealers ??= new Sealers(this.encKey, this.macKey);
    try {
      return await this.sealers.run(field, values);
    } catch {
      return { enc: values.map((v) => this.encrypt(v)), hash: values.map((v) => this.hash(field, v)) };
    }
  }
}

/**
 * The helper threads of sealMany(). Their code is plain JavaScript given as text (it must run the
 * same from the TypeScript sources, the tests and the server bundle) and does exactly what
 * encrypt() and hash() do; cipher.test.ts checks the two agree. Threads start on first use and
 * stop after a minute without work; they never keep the process alive.
 */
const SEALER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const crypto = require('node:crypto');
const { encKey, macKey } = workerData;
let pool = Buffer.alloc(0);
let at = 0;
parentPort.on('message', ({ id, field, values }) => {
  try {
    const enc = new Array(values.length);
    const hash = new Array(values.length);
    for (let i = 0; i < values.length; i++) {
      if (at + 12 > pool.length) { pool = crypto.randomBytes(12 * 1024); at = 0; }
      const iv = pool.subarray(at, at + 12);
      at += 12;
      const c = crypto.createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([c.update(values[i], 'utf8'), c.final()]);
      enc[i] = 'v1.' + Buffer.concat([iv, c.getAuthTag(), body]).toString('base64');
      hash[i] = crypto.createHmac('sha256', macKey).update(field + '\\u0000' + values[i]).digest('base64url');
    }
    parentPort.postMessage({ id, enc, hash });
  } catch (e) {
    parentPort.postMessage({ id, error: String(e) });
  }
});
`;

type SealResult = { enc: string[]; hash: string[] };

class Sealers {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, { resolve(r: SealResult): void; reject(e: Error): void }>();
  private nextId = 0;
  private turn = 0;
  private idle: NodeJS.Timeout | null = null;
  private broken = false;

  constructor(
    private readonly encKey: crypto.KeyObject,
    private readonly macKey: crypto.KeyObject,
  ) {}

  run(field: string, values: readonly string[]): Promise<SealResult> {
    if (this.broken) return Promise.reject(new Error('sealer threads unavailable'));
    if (!this.workers.length) this.start();
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    const id = this.nextId++;
    const worker = this.workers[this.turn++ % this.workers.length]!;
    const done = new Promise<SealResult>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    worker.ref(); // keep the process up while an answer is owed
    worker.postMessage({ id, field, values });
    return done;
  }

  private start() {
    const count = Math.max(1, Math.min(3, os.availableParallelism() - 1));
    for (let i = 0; i < count; i++) {
      const w = new Worker(SEALER_SOURCE, { eval: true, execArgv: [], workerData: { encKey: this.encKey, macKey: this.macKey } });
      w.unref();
      w.on('message', (m: { id: number; error?: string } & SealResult) => {
        const p = this.pending.get(m.id);
        this.pending.delete(m.id);
        if (m.error) p?.reject(new Error(m.error));
        else p?.resolve(m);
        if (!this.pending.size) this.rest();
      });
      w.on('error', (e) => this.fail(e));
      w.on('exit', () => this.fail(new Error('sealer thread stopped')));
      this.workers.push(w);
    }
  }

  /** Nothing owed: threads may not hold the process, and stop after a minute unused. */
  private rest() {
    for (const w of this.workers) w.unref();
    if (this.idle) clearTimeout(this.idle);
    this.idle = setTimeout(() => this.stop(), 60_000);
    this.idle.unref();
  }

  private stop() {
    const ws = this.workers.splice(0);
    for (const w of ws) {
      w.removeAllListeners('exit');
      void w.terminate();
    }
  }

  private fail(e: Error) {
    if (!this.workers.length) return;
    this.broken = true;
    this.stop();
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }
}

export function loadMasterKey(opts: { secretKey?: string; dataDir: string }): Buffer {
  if (opts.secretKey) return Buffer.from(opts.secretKey, 'hex');
  const file = path.join(opts.dataDir, 'secret.key');
  if (fs.existsSync(file)) {
    const hex = fs.readFileSync(file, 'utf8').trim();
    if (!/^[0-9a-f]{64}$/i.test(hex)) throw new Error(`${file} is not a 64-hex-character key`);
    return Buffer.from(hex, 'hex');
  }
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const key = crypto.randomBytes(32);
  fs.writeFileSync(file, key.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  return key;
}

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

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

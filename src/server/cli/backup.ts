// npm run db:backup [-- <file or folder>] — one restorable archive of the embedded database and its PII key.
//
// The archive is a gzipped ustar file (open it with `tar tzf`) holding:
//   manifest.json          {format, version, kind:'pglite', createdAt, key, keyFingerprint, counts, files:[{name,size,sha256}]}
//   pgdata.tar             PGlite's own dump of the data directory (dumpDataDir), restored with PGlite's loadDataDir
//   secret.key             DATA_DIR/secret.key, the PII master key (absent when the key comes from SECRET_KEY)
//   demo-credentials.json  when DATA_DIR has one (the generated demo admin password)
// The manifest's sha256 sums let restore refuse a damaged archive before it touches anything.
// With DATABASE_URL (PostgreSQL) nothing is written: the command prints the pg_dump command to use.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { ConfigError, loadConfig } from '../config.js';
import { DataDirLockedError, lockDataDir } from '../db/lock.js';

export const BACKUP_FORMAT = 'skillmonth-backup';
export const BACKUP_VERSION = 1;
export const KEY_FILE = 'secret.key';
export const CREDENTIALS_FILE = 'demo-credentials.json';
export const PGDATA_ENTRY = 'pgdata.tar';

/** A refusal or a damaged archive: the message is for the operator, printed without a stack. */
export class BackupError extends Error {}

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  version: number;
  kind: 'pglite';
  createdAt: string;
  /** Where the PII master key is: in the archive, in the SECRET_KEY environment variable, or nowhere. */
  key: 'file' | 'SECRET_KEY' | 'none';
  /** Identifies the key without revealing it (HMAC of a constant), so restore can check SECRET_KEY. */
  keyFingerprint: string | null;
  counts: { units: number | null; people: number | null; auditEntries: number | null };
  files: { name: string; size: number; sha256: string }[];
}

// ---------------------------------------------------------------------------------------------
// A minimal ustar writer and reader: regular files only, short names, no dependencies.

const BLOCK = 512;

function tarHeader(name: string, size: number, mtime: number): Buffer {
  if (Buffer.byteLength(name) > 100) throw new Error(`tar: name too long: ${name}`);
  const h = Buffer.alloc(BLOCK);
  const put = (value: string, offset: number, length: number) => h.write(value, offset, length, 'utf8');
  const octal = (n: number, length: number) => n.toString(8).padStart(length - 1, '0') + '\0';
  put(name, 0, 100);
  put(octal(0o600, 8), 100, 8); // mode
  put(octal(0, 8), 108, 8); // uid
  put(octal(0, 8), 116, 8); // gid
  put(octal(size, 12), 124, 12);
  put(octal(Math.floor(mtime / 1000), 12), 136, 12);
  put('        ', 148, 8); // checksum placeholder: spaces while summing
  put('0', 156, 1); // regular file
  put('ustar\0', 257, 6);
  put('00', 263, 2);
  put('skillmonth', 265, 32); // uname
  put('skillmonth', 297, 32); // gname
  let sum = 0;
  for (const b of h) sum += b;
  put(sum.toString(8).padStart(6, '0') + '\0 ', 148, 8);
  return h;
}

export function writeTar(entries: { name: string; data: Buffer }[], mtime = Date.now()): Buffer {
  const parts: Buffer[] = [];
  for (const e of entries) {
    parts.push(tarHeader(e.name, e.data.length, mtime), e.data);
    const pad = (BLOCK - (e.data.length % BLOCK)) % BLOCK;
    if (pad) parts.push(Buffer.alloc(pad));
  }
  parts.push(Buffer.alloc(BLOCK * 2)); // end of archive
  return Buffer.concat(parts);
}

export function readTar(tar: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  let at = 0;
  while (at + BLOCK <= tar.length) {
    const h = tar.subarray(at, at + BLOCK);
    if (h.every((b) => b === 0)) return files; // end of archive
    const field = (offset: number, length: number) => h.subarray(offset, offset + length).toString('utf8').replace(/\0.*$/s, '').trim();
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : h[i]!;
    if (parseInt(field(148, 8), 8) !== sum) throw new Error(`tar header checksum mismatch at byte ${at}`);
    const name = field(0, 100);
    const size = parseInt(field(124, 12), 8);
    const type = field(156, 1);
    if (!Number.isSafeInteger(size) || size < 0) throw new Error(`tar entry ${name}: bad size`);
    at += BLOCK;
    if (at + size > tar.length) throw new Error(`tar entry ${name} is truncated`);
    if (type === '0' || type === '') files.set(name, Buffer.from(tar.subarray(at, at + size)));
    at += Math.ceil(size / BLOCK) * BLOCK;
  }
  throw new Error('tar archive is truncated (no end-of-archive marker)');
}

// ---------------------------------------------------------------------------------------------

const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

/** A short, non-secret identifier of a master key. */
export function keyFingerprint(key: Buffer): string {
  return crypto.createHmac('sha256', key).update('skillmonth key fingerprint v1').digest('hex').slice(0, 16);
}

function readKeyFile(file: string): Buffer {
  const hex = fs.readFileSync(file, 'utf8').trim();
  if (!/^[0-9a-f]{64}$/i.test(hex)) throw new BackupError(`${file} is not a 64-hex-character key`);
  return Buffer.from(hex, 'hex');
}

/** `skillmonth-20090510T020000Z` style: UTC, sortable, safe in file names. */
export function utcStamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

/** Refuses with a message that tells the operator what to do, when a server holds the data directory. */
export function lockForTool(dataDir: string, what: string): () => void {
  try {
    return lockDataDir(dataDir);
  } catch (e) {
    if (e instanceof DataDirLockedError) {
      const pid = /pid (\d+)/.exec(e.message)?.[1];
      throw new BackupError(
        `Cannot ${what}: the data directory ${dataDir} is in use by a running skillmonth server${pid ? ` (pid ${pid})` : ''}. ` +
          `Stop the server first (Ctrl+C in its terminal${pid ? `, or kill ${pid}` : ''}), then run this command again.`,
      );
    }
    throw e;
  }
}

export interface BackupResult {
  file: string;
  size: number;
  manifest: BackupManifest;
}

/**
 * Writes one archive of DATA_DIR's embedded database, its PII key and demo credentials.
 * `out`: a file path, or an existing folder (default DATA_DIR/backups); an existing file is never overwritten.
 */
export async function createBackup(opts: { dataDir: string; out?: string; secretKey?: string; now?: Date }): Promise<BackupResult> {
  const dataDir = path.resolve(opts.dataDir);
  const pgdata = path.join(dataDir, 'pgdata');
  const now = opts.now ?? new Date();
  if (!fs.existsSync(path.join(pgdata, 'PG_VERSION'))) {
    throw new BackupError(`No embedded database in ${pgdata}: nothing to back up (start the server once to create it, or set DATA_DIR).`);
  }
  const name = `skillmonth-${utcStamp(now)}.tar.gz`;
  let file = opts.out ? path.resolve(opts.out) : path.join(dataDir, 'backups', name);
  if (opts.out && fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, name);
  if (fs.existsSync(file)) throw new BackupError(`${file} already exists; not overwriting it.`);

  const unlock = lockForTool(dataDir, 'back up');
  try {
    // The key the server would use: SECRET_KEY wins over the file (see loadMasterKey).
    const keyPath = path.join(dataDir, KEY_FILE);
    const fileKey = fs.existsSync(keyPath) ? readKeyFile(keyPath) : null;
    const envKey = opts.secretKey ? Buffer.from(opts.secretKey, 'hex') : null;
    const key: BackupManifest['key'] = envKey ? 'SECRET_KEY' : fileKey ? 'file' : 'none';
    const activeKey = envKey ?? fileKey;

    const client = new PGlite(pgdata);
    let dump: Buffer;
    let counts: BackupManifest['counts'];
    try {
      await client.waitReady;
      const n = async (table: string) => {
        try {
          const r = await client.query<{ n: number }>(`select count(*)::int as n from ${table}`);
          return r.rows[0]?.n ?? null;
        } catch {
          return null; // an older schema without this table
        }
      };
      counts = { units: await n('units'), people: await n('people'), auditEntries: await n('audit_log') };
      await client.exec('CHECKPOINT');
      // Uncompressed inside: the whole archive is gzipped once.
      dump = Buffer.from(await (await client.dumpDataDir('none')).arrayBuffer());
    } finally {
      await client.close();
    }

    const entries = [{ name: PGDATA_ENTRY, data: dump }];
    if (key === 'file') entries.push({ name: KEY_FILE, data: fs.readFileSync(keyPath) });
    const credPath = path.join(dataDir, CREDENTIALS_FILE);
    if (fs.existsSync(credPath)) entries.push({ name: CREDENTIALS_FILE, data: fs.readFileSync(credPath) });

    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      kind: 'pglite',
      createdAt: now.toISOString(),
      key,
      keyFingerprint: activeKey ? keyFingerprint(activeKey) : null,
      counts,
      files: entries.map((e) => ({ name: e.name, size: e.data.length, sha256: sha256(e.data) })),
    };
    const tar = writeTar([{ name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest, null, 2) + '\n') }, ...entries], now.getTime());
    const gz = zlib.gzipSync(tar, { level: 6 });

    fs.mkdirSync(path.dirname(file), { recursive: true });
    const partial = `${file}.partial`;
    fs.writeFileSync(partial, gz, { mode: 0o600 }); // it holds the key: owner-only
    fs.renameSync(partial, file);
    return { file, size: gz.length, manifest };
  } finally {
    unlock();
  }
}

/**
 * Reads and checks an archive: gzip, tar, manifest, every file's size and sha256.
 * Throws BackupError naming what is wrong; returns the files only when all of it is intact.
 */
export function readBackupArchive(file: string): { manifest: BackupManifest; files: Map<string, Buffer> } {
  if (!fs.existsSync(file)) throw new BackupError(`${file}: no such file`);
  const bad = (why: string) => new BackupError(`${file} is not a usable skillmonth backup: ${why}`);
  let tar: Buffer;
  try {
    tar = zlib.gunzipSync(fs.readFileSync(file));
  } catch (e) {
    throw bad(`it does not decompress (${(e as Error).message}); the file is damaged or not a .tar.gz made by npm run db:backup`);
  }
  let files: Map<string, Buffer>;
  try {
    files = readTar(tar);
  } catch (e) {
    throw bad((e as Error).message);
  }
  const raw = files.get('manifest.json');
  if (!raw) throw bad('manifest.json is missing');
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(raw.toString('utf8'));
  } catch {
    throw bad('manifest.json is not valid JSON');
  }
  if (manifest?.format !== BACKUP_FORMAT) throw bad(`manifest format is ${JSON.stringify(manifest?.format)}, expected "${BACKUP_FORMAT}"`);
  if (manifest.version !== BACKUP_VERSION) throw bad(`archive format version ${manifest.version} is not supported (this build reads version ${BACKUP_VERSION})`);
  if (manifest.kind !== 'pglite') throw bad(`kind ${JSON.stringify(manifest.kind)} is not an embedded (PGlite) database`);
  if (!Array.isArray(manifest.files) || !manifest.files.some((f) => f.name === PGDATA_ENTRY)) throw bad(`${PGDATA_ENTRY} is not listed in the manifest`);
  if (manifest.key === 'file' && !manifest.files.some((f) => f.name === KEY_FILE)) throw bad(`${KEY_FILE} is not listed in the manifest`);
  for (const f of manifest.files) {
    const data = files.get(f.name);
    if (!data) throw bad(`${f.name} is missing`);
    if (data.length !== f.size || sha256(data) !== f.sha256) throw bad(`${f.name} is corrupted (its checksum does not match the manifest)`);
  }
  return { manifest, files };
}

/** The URL with its password replaced, safe to print. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '';
    return u.toString().replace(/:@/, '@');
  } catch {
    return '<DATABASE_URL>';
  }
}

const kb = (n: number) => (n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(1)} MB` : `${(n / 1024).toFixed(1)} kB`);

async function cli() {
  const config = loadConfig({ ...process.env, DEMO: process.env.DEMO ?? '1' });
  if (config.databaseUrl) {
    const stamp = utcStamp(new Date());
    console.log(
      [
        'DATABASE_URL is set: the data is in PostgreSQL, which this command does not archive.',
        'Back it up with PostgreSQL\'s own tool (password from PGPASSWORD or ~/.pgpass):',
        '',
        `  pg_dump --format=custom --file=skillmonth-${stamp}.pgdump '${redactUrl(config.databaseUrl)}'`,
        '',
        'and restore it with: pg_restore --clean --if-exists --dbname=<DATABASE_URL> <file>.pgdump',
        config.secretKey
          ? 'Keep SECRET_KEY with it: without that key the encrypted ID numbers and phones cannot be read.'
          : `Keep ${path.join(config.dataDir, KEY_FILE)} with it: without that key the encrypted ID numbers and phones cannot be read.`,
      ].join('\n'),
    );
    return;
  }
  const args = process.argv.slice(2).filter((a) => a !== '--');
  const unknown = args.filter((a) => a.startsWith('-'));
  if (unknown.length) throw new BackupError(`unknown option ${unknown.join(' ')}. Usage: npm run db:backup [-- <file.tar.gz or folder>]`);
  const r = await createBackup({ dataDir: config.dataDir, out: args[0], secretKey: config.secretKey });
  const c = r.manifest.counts;
  console.log(`backup written: ${r.file} (${kb(r.size)})`);
  console.log(`  contains: ${r.manifest.files.map((f) => f.name).join(', ')}`);
  console.log(`  ${c.units ?? '?'} units, ${c.people ?? '?'} people, ${c.auditEntries ?? '?'} audit entries`);
  if (r.manifest.key === 'SECRET_KEY') {
    console.log('  the PII key comes from SECRET_KEY and is NOT in the archive: restoring needs the same SECRET_KEY.');
  } else if (r.manifest.key === 'none') {
    console.log(`  warning: no PII key found (${path.join(config.dataDir, KEY_FILE)} is missing and SECRET_KEY is not set).`);
  } else {
    console.log('  the archive holds the PII master key: store it as carefully as the key itself.');
  }
  console.log(`  restore with: npm run db:restore -- ${r.file}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  cli().catch((e) => {
    if (e instanceof BackupError || e instanceof ConfigError) {
      console.error(`db:backup: ${e.message}`);
      process.exitCode = 2;
    } else {
      console.error(e);
      process.exitCode = 1;
    }
  });
}

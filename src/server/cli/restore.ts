// npm run db:restore -- <archive.tar.gz> [--force] — puts a db:backup archive back into DATA_DIR.
//
// Checks the whole archive first (checksums, key), refuses while a server holds DATA_DIR, loads the
// database into a staging folder, and only then swaps it in. With --force an existing database (and a
// different key file) is moved aside to <name>.before-restore-<UTC time>, never deleted. Finally it
// opens the restored database the way the server does (running migrations), verifies the audit chain,
// decrypts a sample of personal data with the key the server will use, and prints counts.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { count, isNotNull } from 'drizzle-orm';
import { verifyAuditChain } from '../core/audit/service.js';
import { auditLog } from '../core/audit/tables.js';
import { ConfigError, loadConfig } from '../config.js';
import { openDatabase } from '../db/client.js';
import { people } from '../core/people/tables.js';
import { loadMasterKey, PiiCipher } from '../core/pii/cipher.js';
import { units } from '../core/units/tables.js';
import {
  BackupError, CREDENTIALS_FILE, KEY_FILE, PGDATA_ENTRY, keyFingerprint, lockForTool, readBackupArchive, utcStamp, type BackupManifest,
} from './backup.js';

export interface RestoreResult {
  pgdata: string;
  manifest: BackupManifest;
  /** What was in the way and has been moved aside (full paths). */
  movedAside: string[];
  counts: { units: number; people: number; auditEntries: number };
  audit: { ok: boolean; checked: number };
  /** 'ok': a stored phone or ID number decrypted with the key the server will use. */
  pii: 'ok' | 'no encrypted data' | 'no key';
}

function nonEmptyDir(p: string): boolean {
  return fs.existsSync(p) && (!fs.statSync(p).isDirectory() || fs.readdirSync(p).length > 0);
}

function keyOf(data: Buffer | string): Buffer | null {
  const hex = data.toString().trim();
  return /^[0-9a-f]{64}$/i.test(hex) ? Buffer.from(hex, 'hex') : null;
}

export async function restoreBackup(opts: { archive: string; dataDir: string; force?: boolean; secretKey?: string; now?: Date }): Promise<RestoreResult> {
  const dataDir = path.resolve(opts.dataDir);
  const pgdata = path.join(dataDir, 'pgdata');
  const stamp = utcStamp(opts.now ?? new Date());
  const aside = (p: string) => {
    let target = `${p}.before-restore-${stamp}`;
    for (let i = 1; fs.existsSync(target); i++) target = `${p}.before-restore-${stamp}-${i}`;
    return target;
  };

  // 1. The archive, all of it, before anything on disk changes.
  const { manifest, files } = readBackupArchive(path.resolve(opts.archive));
  const archivedKeyRaw = files.get(KEY_FILE);
  const archivedKey = archivedKeyRaw ? keyOf(archivedKeyRaw) : null;
  if (archivedKeyRaw && !archivedKey) throw new BackupError(`${opts.archive}: ${KEY_FILE} in the archive is not a 64-hex-character key`);

  // 2. The key the server will use afterwards must be the one the data was encrypted with.
  const keyPath = path.join(dataDir, KEY_FILE);
  const existingKey = fs.existsSync(keyPath) ? keyOf(fs.readFileSync(keyPath)) : null;
  const envKey = opts.secretKey ? Buffer.from(opts.secretKey, 'hex') : null;
  if (manifest.keyFingerprint) {
    const effective = envKey ?? archivedKey ?? existingKey;
    if (!effective) {
      throw new BackupError(
        `This backup's PII key was not archived (it came from SECRET_KEY, fingerprint ${manifest.keyFingerprint}). ` +
          'Set SECRET_KEY to that same key and run the restore again.',
      );
    }
    if (keyFingerprint(effective) !== manifest.keyFingerprint) {
      throw new BackupError(
        envKey
          ? 'SECRET_KEY is set to a different key than the one this backup was encrypted with: the server would use it and ' +
              'could not read the restored ID numbers and phones. Unset SECRET_KEY (or set it to the original key) and run the restore again.'
          : `No key matching this backup (fingerprint ${manifest.keyFingerprint}) is available: set SECRET_KEY to the original key.`,
      );
    }
  }

  // 3. The target: no server, nothing overwritten without --force.
  const unlock = lockForTool(dataDir, 'restore');
  const staging = path.join(dataDir, `pgdata.restoring-${stamp}`);
  try {
    const keyClash = archivedKey && existingKey && !archivedKey.equals(existingKey);
    if (!opts.force) {
      const problems: string[] = [];
      if (nonEmptyDir(pgdata)) problems.push(`${pgdata} already holds a database`);
      if (keyClash) problems.push(`${keyPath} holds a different key`);
      if (problems.length) {
        throw new BackupError(
          `Refusing to restore: ${problems.join(' and ')}. Run again with --force to move ${problems.length > 1 ? 'them' : 'it'} aside ` +
            `(renamed to *.before-restore-${stamp}, nothing is deleted), or restore into another DATA_DIR.`,
        );
      }
    }

    // 4. Load into a staging folder; a failure leaves DATA_DIR as it was.
    fs.rmSync(staging, { recursive: true, force: true });
    try {
      const client = new PGlite(staging, { loadDataDir: new Blob([new Uint8Array(files.get(PGDATA_ENTRY)!)]) });
      await client.waitReady;
      await client.query('select 1');
      await client.close();
    } catch (e) {
      fs.rmSync(staging, { recursive: true, force: true });
      throw new BackupError(`The database in ${opts.archive} could not be loaded: ${(e as Error).message}`);
    }

    // 5. Swap in; whatever is in the way is moved aside.
    const movedAside: string[] = [];
    const moveAside = (p: string) => {
      const to = aside(p);
      fs.renameSync(p, to);
      movedAside.push(to);
    };
    if (nonEmptyDir(pgdata)) moveAside(pgdata);
    else fs.rmSync(pgdata, { recursive: true, force: true });
    fs.renameSync(staging, pgdata);
    if (archivedKey) {
      if (fs.existsSync(keyPath) && !(existingKey && archivedKey.equals(existingKey))) moveAside(keyPath);
      if (!fs.existsSync(keyPath)) fs.writeFileSync(keyPath, archivedKeyRaw!, { mode: 0o600 });
    }
    const credPath = path.join(dataDir, CREDENTIALS_FILE);
    const archivedCred = files.get(CREDENTIALS_FILE);
    // The demo credentials belong to the database they came with: an old file would print wrong passwords.
    if (fs.existsSync(credPath) && !(archivedCred && fs.readFileSync(credPath).equals(archivedCred))) moveAside(credPath);
    if (archivedCred && !fs.existsSync(credPath)) fs.writeFileSync(credPath, archivedCred, { mode: 0o600 });

    // 6. Prove it: open as the server does (migrations included), verify, decrypt a sample, count.
    const database = await openDatabase({ pgliteDir: pgdata });
    try {
      const db = database.db;
      const [[u], [p], [a]] = await Promise.all([
        db.select({ n: count() }).from(units),
        db.select({ n: count() }).from(people),
        db.select({ n: count() }).from(auditLog),
      ]);
      const audit = await verifyAuditChain(db);
      let pii: RestoreResult['pii'] = 'no key';
      if (envKey || fs.existsSync(keyPath)) {
        const cipher = new PiiCipher(loadMasterKey({ secretKey: opts.secretKey, dataDir }));
        const [sample] = await db.select({ v: units.contactPhoneEnc }).from(units).where(isNotNull(units.contactPhoneEnc)).limit(1);
        const [person] = sample ? [] : await db.select({ v: people.idNumberEnc }).from(people).limit(1);
        const sealed = sample?.v ?? person?.v;
        if (sealed) {
          try {
            cipher.decrypt(sealed);
          } catch {
            throw new BackupError(`The database was restored into ${pgdata}, but the PII key does not decrypt its data: ID numbers and phones will be unreadable. Check ${keyPath} / SECRET_KEY.`);
          }
          pii = 'ok';
        } else pii = 'no encrypted data';
      }
      return {
        pgdata,
        manifest,
        movedAside,
        counts: { units: u?.n ?? 0, people: p?.n ?? 0, auditEntries: a?.n ?? 0 },
        audit: { ok: audit.ok, checked: audit.checked },
        pii,
      };
    } finally {
      await database.close();
    }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
    unlock();
  }
}

async function cli() {
  const config = loadConfig({ ...process.env, DEMO: process.env.DEMO ?? '1' });
  const args = process.argv.slice(2).filter((a) => a !== '--');
  // `npm run db:restore file --force` (without `--`) hands --force to npm, which reports it as npm_config_force.
  const force = args.includes('--force') || process.env.npm_config_force === 'true';
  const rest = args.filter((a) => a !== '--force');
  const usage = 'Usage: npm run db:restore -- <backup.tar.gz> [--force]';
  if (rest.some((a) => a.startsWith('-'))) throw new BackupError(`unknown option ${rest.filter((a) => a.startsWith('-')).join(' ')}. ${usage}`);
  if (rest.length !== 1) throw new BackupError(`give exactly one archive. ${usage}`);
  if (config.databaseUrl) {
    throw new BackupError(
      'DATABASE_URL is set: the server would use PostgreSQL, not the embedded database this command restores. ' +
        'Unset DATABASE_URL to restore into DATA_DIR; for PostgreSQL use pg_restore (see npm run db:backup).',
    );
  }
  const r = await restoreBackup({ archive: rest[0]!, dataDir: config.dataDir, force, secretKey: config.secretKey });
  console.log(`restored ${rest[0]} (made ${r.manifest.createdAt}) into ${r.pgdata}`);
  for (const m of r.movedAside) console.log(`  moved aside: ${m}`);
  console.log(`  ${r.counts.units} units, ${r.counts.people} people, ${r.counts.auditEntries} audit entries`);
  console.log(r.audit.ok ? `  audit chain OK: ${r.audit.checked} entries verified` : `  WARNING: audit chain BROKEN after ${r.audit.checked} entries (run npm run audit:verify)`);
  console.log(
    r.pii === 'ok' ? '  PII key OK: stored personal data decrypts' : r.pii === 'no key' ? '  warning: no PII key (the archive had none and SECRET_KEY is not set)' : '  PII key restored (no encrypted data to check)',
  );
  console.log('  start the server with: npm start');
  if (!r.audit.ok) process.exitCode = 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  cli().catch((e) => {
    if (e instanceof BackupError || e instanceof ConfigError) {
      console.error(`db:restore: ${e.message}`);
      process.exitCode = 2;
    } else {
      console.error(e);
      process.exitCode = 1;
    }
  });
}

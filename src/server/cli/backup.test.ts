import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../core/audit/service.js';
import { openDatabase } from '../db/client.js';
import { loadMasterKey, PiiCipher } from '../core/pii/cipher.js';
import { insertUnits } from '../core/units/service.js';
import { units } from '../core/units/tables.js';
import { createBackup, readBackupArchive, readTar, writeTar } from './backup.js';
import { restoreBackup } from './restore.js';

const PHONE = '13812345678';
const UNIT = '备份测试机床厂';
const clock = { now: () => new Date('2009-05-10T02:00:00Z') };

let root: string;
const dir = (name: string) => path.join(root, name);

/** A data directory as the server leaves it: pgdata with one unit and one audit entry, secret.key, demo credentials. */
async function makeDataDir(dataDir: string, unitName: string, phone: string, secretKey?: string) {
  fs.mkdirSync(dataDir, { recursive: true });
  const database = await openDatabase({ pgliteDir: path.join(dataDir, 'pgdata') });
  const pii = new PiiCipher(loadMasterKey({ dataDir, secretKey }));
  await database.db.transaction(async (tx) => {
    const [row] = await insertUnits(tx, { pii }, [{ name: unitName, kind: 'enterprise', contactPhone: phone }]);
    await recordAudit(tx, { actor: null, clock }, { action: 'unit.create', entity: 'unit', entityId: row!.id, after: { name: unitName } });
  });
  await database.close();
  fs.writeFileSync(path.join(dataDir, 'demo-credentials.json'), JSON.stringify([{ username: 'admin', password: `pw-${unitName}`, role: 'admin' }]));
}

let archive: string;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'skillmonth-backup-'));
  await makeDataDir(dir('src'), UNIT, PHONE);
  archive = (await createBackup({ dataDir: dir('src'), now: new Date('2009-05-31T16:00:00Z') })).file;
});

afterAll(() => {
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

describe('db:backup and db:restore', () => {
  it('writes one archive in DATA_DIR/backups with the database, the key and a checked manifest', () => {
    expect(archive).toBe(path.join(dir('src'), 'backups', 'skillmonth-20090531T160000Z.tar.gz'));
    expect(fs.statSync(archive).size).toBeGreaterThan(10_000);
    const { manifest, files } = readBackupArchive(archive);
    expect(manifest).toMatchObject({ format: 'skillmonth-backup', version: 1, kind: 'pglite', key: 'file', counts: { units: 1, people: 0, auditEntries: 1 } });
    expect([...files.keys()].sort()).toEqual(['demo-credentials.json', 'manifest.json', 'pgdata.tar', 'secret.key']);
    expect(files.get('secret.key')!.equals(fs.readFileSync(path.join(dir('src'), 'secret.key')))).toBe(true);
    // A standard tar.gz: the system's tar lists the same entries.
    const listed = execFileSync('tar', ['tzf', archive], { encoding: 'utf8' }).trim().split('\n').sort();
    expect(listed).toEqual(['demo-credentials.json', 'manifest.json', 'pgdata.tar', 'secret.key']);
    // The lock was released.
    expect(fs.existsSync(path.join(dir('src'), 'skillmonth.lock'))).toBe(false);
  });

  it('restores into an empty DATA_DIR: the unit is there and its phone decrypts with the restored key', async () => {
    const target = dir('restored');
    expect(fs.existsSync(target)).toBe(false);
    const r = await restoreBackup({ archive, dataDir: target });
    expect(r).toMatchObject({ counts: { units: 1, people: 0, auditEntries: 1 }, audit: { ok: true, checked: 1 }, pii: 'ok', movedAside: [] });
    expect(fs.readFileSync(path.join(target, 'secret.key'), 'utf8')).toBe(fs.readFileSync(path.join(dir('src'), 'secret.key'), 'utf8'));
    expect(JSON.parse(fs.readFileSync(path.join(target, 'demo-credentials.json'), 'utf8'))[0].password).toBe(`pw-${UNIT}`);
    expect(fs.existsSync(path.join(target, 'skillmonth.lock'))).toBe(false);
    expect(fs.readdirSync(target).filter((f) => f.startsWith('pgdata.'))).toEqual([]); // no staging left over

    const database = await openDatabase({ pgliteDir: path.join(target, 'pgdata') });
    try {
      const [row] = await database.db.select().from(units).where(eq(units.name, UNIT));
      expect(row?.contactPhoneEnc).toMatch(/^v1\./);
      expect(new PiiCipher(loadMasterKey({ dataDir: target })).decrypt(row!.contactPhoneEnc!)).toBe(PHONE);
      // Not vacuous: another key cannot read it.
      expect(() => new PiiCipher(crypto.randomBytes(32)).decrypt(row!.contactPhoneEnc!)).toThrow();
    } finally {
      await database.close();
    }
  });

  it('refuses to back up while a live process holds the data directory lock', async () => {
    expect(process.ppid).not.toBe(process.pid);
    expect(() => process.kill(process.ppid, 0)).not.toThrow(); // the lock holder is alive
    const lock = path.join(dir('src'), 'skillmonth.lock');
    fs.writeFileSync(lock, String(process.ppid));
    try {
      const before = fs.readdirSync(path.join(dir('src'), 'backups'));
      await expect(createBackup({ dataDir: dir('src'), now: new Date('2009-06-01T00:00:00Z') })).rejects.toThrow(
        new RegExp(`in use by a running skillmonth server \\(pid ${process.ppid}\\)\\. Stop the server first`),
      );
      expect(fs.readdirSync(path.join(dir('src'), 'backups'))).toEqual(before);
      expect(fs.readFileSync(lock, 'utf8')).toBe(String(process.ppid)); // the holder's lock is untouched
      // Restore into it is refused the same way.
      await expect(restoreBackup({ archive, dataDir: dir('src'), force: true })).rejects.toThrow(/Stop the server first/);
    } finally {
      fs.rmSync(lock);
    }
  });

  it('refuses a DATA_DIR that already has a database unless --force, which moves the old one aside', async () => {
    const target = dir('occupied');
    await makeDataDir(target, '另一家单位', '13900000000');
    const oldKey = fs.readFileSync(path.join(target, 'secret.key'), 'utf8');
    expect(oldKey).not.toBe(fs.readFileSync(path.join(dir('src'), 'secret.key'), 'utf8'));

    await expect(restoreBackup({ archive, dataDir: target })).rejects.toThrow(/Refusing to restore: .*already holds a database and .*holds a different key\. Run again with --force/);
    expect(fs.readFileSync(path.join(target, 'secret.key'), 'utf8')).toBe(oldKey);
    expect(fs.readdirSync(target).filter((f) => f.includes('before-restore') || f.includes('restoring'))).toEqual([]);

    const now = new Date('2009-06-02T03:04:05Z');
    const r = await restoreBackup({ archive, dataDir: target, force: true, now });
    expect(r.pii).toBe('ok');
    expect(r.movedAside.map((p) => path.basename(p)).sort()).toEqual([
      'demo-credentials.json.before-restore-20090602T030405Z',
      'pgdata.before-restore-20090602T030405Z',
      'secret.key.before-restore-20090602T030405Z',
    ]);
    expect(fs.readFileSync(path.join(target, 'secret.key.before-restore-20090602T030405Z'), 'utf8')).toBe(oldKey);

    // The old database is intact where it was moved; the new one is the backup's.
    const old = await openDatabase({ pgliteDir: path.join(target, 'pgdata.before-restore-20090602T030405Z') });
    const restored = await openDatabase({ pgliteDir: path.join(target, 'pgdata') });
    try {
      expect((await old.db.select({ name: units.name }).from(units)).map((u) => u.name)).toEqual(['另一家单位']);
      expect((await restored.db.select({ name: units.name }).from(units)).map((u) => u.name)).toEqual([UNIT]);
    } finally {
      await old.close();
      await restored.close();
    }
  });

  it('refuses a damaged archive with a clear error and leaves the target untouched', async () => {
    const bytes = fs.readFileSync(archive);
    const cases: [string, Buffer, RegExp][] = [];

    const flipped = Buffer.from(bytes);
    for (let i = 0; i < 64; i++) flipped[Math.floor(bytes.length / 2) + i]! ^= 0xff;
    cases.push(['flipped.tar.gz', flipped, /not a usable skillmonth backup: it does not decompress/]);
    cases.push(['truncated.tar.gz', bytes.subarray(0, Math.floor(bytes.length * 0.7)), /not a usable skillmonth backup: it does not decompress/]);
    cases.push(['notes.tar.gz', Buffer.from('just some text\n'), /not a usable skillmonth backup: it does not decompress/]);

    // Intact gzip and tar, but the database dump changed after the manifest was written.
    const files = readTar(zlib.gunzipSync(bytes));
    const dump = Buffer.from(files.get('pgdata.tar')!);
    dump[dump.length >> 1]! ^= 1;
    const tampered = writeTar([...files].map(([name, data]) => ({ name, data: name === 'pgdata.tar' ? dump : data })));
    cases.push(['tampered.tar.gz', zlib.gzipSync(tampered), /pgdata\.tar is corrupted \(its checksum does not match the manifest\)/]);

    const foreign = writeTar([{ name: 'manifest.json', data: Buffer.from('{"format":"something-else"}') }]);
    cases.push(['foreign.tar.gz', zlib.gzipSync(foreign), /manifest format is "something-else"/]);

    for (const [name, data, message] of cases) {
      const file = dir(name);
      fs.writeFileSync(file, data);
      const target = dir(`target-${name}`);
      await expect(restoreBackup({ archive: file, dataDir: target, force: true }), name).rejects.toThrow(message);
      expect(fs.existsSync(path.join(target, 'pgdata')), name).toBe(false);
      expect(fs.existsSync(path.join(target, 'secret.key')), name).toBe(false);
    }
  });

  it('refuses when SECRET_KEY is set to a key other than the one the data was encrypted with', async () => {
    const target = dir('wrong-secret');
    await expect(restoreBackup({ archive, dataDir: target, secretKey: crypto.randomBytes(32).toString('hex') })).rejects.toThrow(
      /SECRET_KEY is set to a different key/,
    );
    expect(fs.existsSync(path.join(target, 'pgdata'))).toBe(false);
  });

  it('leaves a SECRET_KEY out of the archive, and restores only with that same key', async () => {
    const secretKey = crypto.randomBytes(32).toString('hex');
    await makeDataDir(dir('envkey'), '密钥单位', '13700000000', secretKey);
    expect(fs.existsSync(path.join(dir('envkey'), 'secret.key'))).toBe(false);
    const b = await createBackup({ dataDir: dir('envkey'), secretKey, out: dir('envkey.tar.gz') });
    expect(b.manifest.key).toBe('SECRET_KEY');
    expect(b.manifest.files.map((f) => f.name)).not.toContain('secret.key');
    expect(zlib.gunzipSync(fs.readFileSync(b.file)).includes(Buffer.from(secretKey))).toBe(false);

    await expect(restoreBackup({ archive: b.file, dataDir: dir('envkey-restored') })).rejects.toThrow(/came from SECRET_KEY.*Set SECRET_KEY to that same key/);
    expect(fs.existsSync(path.join(dir('envkey-restored'), 'pgdata'))).toBe(false);
    const r = await restoreBackup({ archive: b.file, dataDir: dir('envkey-restored'), secretKey });
    expect(r).toMatchObject({ pii: 'ok', counts: { units: 1 } });
    expect(fs.existsSync(path.join(dir('envkey-restored'), 'secret.key'))).toBe(false);
  });

  it('reads back what the tar writer writes', () => {
    const entries = [
      { name: 'a.txt', data: Buffer.from('') },
      { name: 'b.bin', data: crypto.randomBytes(512) },
      { name: 'c.bin', data: crypto.randomBytes(1000) },
    ];
    const back = readTar(writeTar(entries));
    expect([...back.keys()]).toEqual(['a.txt', 'b.bin', 'c.bin']);
    for (const e of entries) expect(back.get(e.name)!.equals(e.data)).toBe(true);
    const broken = writeTar(entries);
    broken[10]! ^= 1;
    expect(() => readTar(broken)).toThrow(/checksum/);
  });
});

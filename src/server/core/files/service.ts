import { createHash } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import type { ServiceContext } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { AppError, notFound } from '../../http/errors.js';
import { storedFiles } from './tables.js';

export type StoredMime = (typeof storedFiles.$inferSelect)['mime'];
export type StoredFile = typeof storedFiles.$inferSelect;

/** Uploaded evidence: at most this many bytes each. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

const MAGIC: { mime: StoredMime; bytes: number[]; name: string }[] = [
  { mime: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], name: 'PDF' },
  { mime: 'image/jpeg', bytes: [0xff, 0xd8, 0xff], name: 'JPG' },
  { mime: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], name: 'PNG' },
];

/** The file's type told by its first bytes (never by its name), or null when it is none we take. */
export function sniffMime(buf: Uint8Array): StoredMime | null {
  return MAGIC.find((m) => buf.length >= m.bytes.length && m.bytes.every((b, i) => buf[i] === b))?.mime ?? null;
}

export const EXTENSION: Record<StoredMime, string> = { 'application/pdf': '.pdf', 'image/jpeg': '.jpg', 'image/png': '.png' };

const refuse = (field: string, message: string) => new AppError(400, 'BAD_FILE', message, [{ field, message }]);

/** A file name as stored: no path, no control characters, bounded, and the extension its content has. */
function cleanName(fileName: string, mime: StoredMime): string {
  const base = (fileName.split(/[\\/]/).pop() ?? '').replace(/[\p{Cc}"]/gu, '').trim().slice(0, 120) || '文件';
  const ext = EXTENSION[mime];
  const stem = base.replace(/\.[A-Za-z0-9]{1,5}$/, '');
  return `${stem}${mime === 'image/jpeg' && /\.jpe?g$/i.test(base) ? base.slice(base.lastIndexOf('.')) : ext}`;
}

/**
 * Stores an upload: its type decided by its content (PDF, JPG or PNG), its size bounded, kept with
 * the SHA-256 of its bytes. Refuses with a 400 naming `field` (default 'file'). Who may read it is
 * the owning module's rule; call inside the owner's transaction.
 */
export async function storeFile(
  tx: DbOrTx,
  ctx: Pick<ServiceContext, 'actor' | 'clock'>,
  input: { owner: string; fileName: string; buf: Buffer; field?: string; maxBytes?: number },
): Promise<StoredFile> {
  const field = input.field ?? 'file';
  const max = input.maxBytes ?? MAX_FILE_BYTES;
  if (input.buf.length === 0) throw refuse(field, '文件是空的，请重新选择');
  if (input.buf.length > max) throw refuse(field, `文件「${input.fileName}」为 ${(input.buf.length / 1024 / 1024).toFixed(1)} MB，超过 ${max / 1024 / 1024} MB 上限`);
  const mime = sniffMime(input.buf);
  if (!mime) throw refuse(field, `文件「${input.fileName}」不是 PDF、JPG 或 PNG 文件（按文件内容判断，与文件名无关）`);
  const [row] = await tx.insert(storedFiles).values({
    owner: input.owner, fileName: cleanName(input.fileName, mime), mime, size: input.buf.length,
    sha256: createHash('sha256').update(input.buf).digest('hex'), body: input.buf,
    uploadedBy: ctx.actor?.id ?? null, uploadedAt: ctx.clock.now(),
  }).returning();
  return row!;
}

/** A stored file's bytes and description; the caller has checked who may read it. */
export async function readFile(db: DbOrTx, id: number): Promise<StoredFile> {
  const [row] = await db.select().from(storedFiles).where(eq(storedFiles.id, id));
  if (!row) throw notFound('文件');
  return row;
}

/** Description only (no bytes), for lists. */
export async function fileInfo(db: DbOrTx, ids: number[]) {
  if (!ids.length) return [];
  return db.select({ id: storedFiles.id, fileName: storedFiles.fileName, mime: storedFiles.mime, size: storedFiles.size, sha256: storedFiles.sha256 })
    .from(storedFiles).where(inArray(storedFiles.id, ids));
}

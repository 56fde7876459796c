import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { AppError } from '../http/errors.js';

/** An .xlsx is a zip: its size, its entries and what they inflate to are all bounded. */
export const EXCEL_LIMITS = {
  fileBytes: 20 * 1024 * 1024,
  entries: 500,
  inflatedBytes: 256 * 1024 * 1024,
  rows: 200_000,
} as const;

export const refuseFile = (message: string) => new AppError(400, 'BAD_FILE', message, [{ field: 'file', message }]);

/** An archive that passed its checks; every entry is inflated at most once, as it is read. */
export interface XlsxArchive {
  /** Entry names (folders left out), in archive order. */
  readonly names: readonly string[];
  has(name: string): boolean;
  /** The inflated bytes of one entry, chunk by chunk. */
  inflate(name: string): AsyncIterable<Buffer>;
  close(): void;
}

/**
 * Opens an upload as an .xlsx archive, before any XML is read: a real zip, not too many entries,
 * a workbook part, and not a zip bomb. The sizes the archive declares must add up to no more than
 * the limit, and no entry may inflate to more than it declares (yauzl checks that while inflating;
 * we count the bytes actually inflated as well), so what is inflated stays within the limit even
 * when the archive lies. Each entry is inflated once, by the reader that needs it.
 */
export async function openXlsx(buf: Buffer): Promise<XlsxArchive> {
  if (buf.length > EXCEL_LIMITS.fileBytes) throw refuseFile(`文件超过 ${EXCEL_LIMITS.fileBytes / 1024 / 1024} MB 上限`);
  if (buf.length < 4 || buf.readUInt32LE(0) !== 0x04034b50) throw refuseFile(notXlsx(buf));
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(buf, { lazyEntries: true, validateEntrySizes: true, autoClose: false }, (err, z) => (err || !z ? reject(err) : resolve(z))),
  ).catch(() => {
    throw refuseFile('文件已损坏或不是有效的 Excel（.xlsx）文件');
  });
  const entries = new Map<string, yauzl.Entry>();
  try {
    let count = 0;
    let declared = 0;
    await new Promise<void>((resolve, reject) => {
      zip.on('error', () => reject(refuseFile('文件已损坏或不是有效的 Excel（.xlsx）文件')));
      zip.on('end', resolve);
      zip.on('entry', (entry: yauzl.Entry) => {
        if (++count > EXCEL_LIMITS.entries) return reject(refuseFile('文件包含的部件过多，不像正常的 Excel 文件'));
        declared += entry.uncompressedSize;
        if (declared > EXCEL_LIMITS.inflatedBytes) return reject(bomb());
        if (!/\/$/.test(entry.fileName)) entries.set(entry.fileName, entry);
        zip.readEntry();
      });
      zip.readEntry();
    });
  } catch (e) {
    zip.close();
    throw e;
  }
  if (!entries.has('xl/workbook.xml')) {
    const ods = entries.has('mimetype') && (await readSmall(zip, entries.get('mimetype')!)).startsWith('application/vnd.oasis.opendocument.spreadsheet');
    zip.close();
    throw refuseFile(ods ? `文件是 OpenDocument 表格（.ods），不是 Excel（.xlsx）文件。${SAVE_AS}` : '压缩包中没有工作簿，不是有效的 Excel（.xlsx）文件');
  }

  let inflated = 0;
  const corrupt = () => refuseFile('文件已损坏，无法解压');
  return {
    names: [...entries.keys()],
    has: (name) => entries.has(name),
    async *inflate(name) {
      const entry = entries.get(name);
      if (!entry) return;
      entries.delete(name); // once
      const stream = await new Promise<Readable>((resolve, reject) =>
        zip.openReadStream(entry, (err, s) => (err || !s ? reject(corrupt()) : resolve(s))),
      );
      try {
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          inflated += chunk.length;
          if (inflated > EXCEL_LIMITS.inflatedBytes) throw bomb();
          yield chunk;
        }
      } catch (e) {
        throw (e as { code?: string }).code === 'BAD_FILE' ? e : corrupt();
      } finally {
        stream.destroy();
      }
    },
    close: () => zip.close(),
  };
}

const SAVE_AS = '请在 Excel/WPS/LibreOffice 中“另存为” .xlsx 格式（Excel 工作簿）后上传';

/**
 * What an upload that is not a zip most likely is, told by its first bytes, so the clerk knows
 * to save it as .xlsx: an OLE compound file (D0 CF 11 E0) is an Excel 97–2003 .xls, a WPS .et or
 * a password-protected workbook; text is a CSV (or a tab-separated export).
 */
function notXlsx(buf: Buffer): string {
  if (buf.length >= 8 && buf.readUInt32BE(0) === 0xd0cf11e0 && buf.readUInt32BE(4) === 0xa1b11ae1) {
    return `文件不是有效的 Excel（.xlsx）文件：它是旧版 Excel 97–2003（.xls）或 WPS（.et）格式，或设置了打开密码。${SAVE_AS}（如有密码请先取消）`;
  }
  const head = buf.subarray(0, 4096);
  const text = !head.includes(0) && (new TextDecoder('utf-8', { fatal: false }).decode(head).match(/\uFFFD/g)?.length ?? 0) <= 1;
  if (text || isGb18030Text(head)) return `文件不是有效的 Excel（.xlsx）文件：它是 CSV 或文本文件。${SAVE_AS}`;
  return `文件不是有效的 Excel（.xlsx）文件。${SAVE_AS}`;
}

/** CSV saved by Chinese Excel is GBK/GB18030: no NUL bytes, and it decodes cleanly as GB18030. */
function isGb18030Text(head: Buffer): boolean {
  if (head.includes(0)) return false;
  try {
    new TextDecoder('gb18030', { fatal: true }).decode(head.subarray(0, lastLineEnd(head)));
    return true;
  } catch {
    return false;
  }
}
/** Up to the last line end, so a multi-byte character cut by the 4 KB sample does not count against it. */
function lastLineEnd(b: Buffer): number {
  const at = b.lastIndexOf(0x0a);
  return at > 0 ? at + 1 : b.length;
}

/** A small entry's text (the ODF mimetype), bounded. */
async function readSmall(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<string> {
  if (entry.uncompressedSize > 200) return '';
  try {
    const stream = await new Promise<Readable>((resolve, reject) => zip.openReadStream(entry, (err, s) => (err || !s ? reject(err) : resolve(s))));
    const chunks: Buffer[] = [];
    for await (const c of stream as AsyncIterable<Buffer>) chunks.push(c);
    return Buffer.concat(chunks).toString('latin1').slice(0, 200);
  } catch {
    return '';
  }
}

const bomb = () => refuseFile(`文件解压后超过 ${EXCEL_LIMITS.inflatedBytes / 1024 / 1024} MB 上限，已拒绝`);

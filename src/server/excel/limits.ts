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
  if (buf.length < 4 || buf.readUInt32LE(0) !== 0x04034b50) throw refuseFile('文件不是有效的 Excel（.xlsx）文件');
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
    zip.close();
    throw refuseFile('压缩包中没有工作簿，不是有效的 Excel（.xlsx）文件');
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

const bomb = () => refuseFile(`文件解压后超过 ${EXCEL_LIMITS.inflatedBytes / 1024 / 1024} MB 上限，已拒绝`);

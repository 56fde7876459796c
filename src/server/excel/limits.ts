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

/**
 * Checks the archive before any spreadsheet parser sees it: a real zip, not too many entries, and
 * (counting the bytes actually inflated, not the sizes the archive claims) not a zip bomb.
 */
export async function inspectXlsx(buf: Buffer): Promise<void> {
  if (buf.length > EXCEL_LIMITS.fileBytes) throw refuseFile(`文件超过 ${EXCEL_LIMITS.fileBytes / 1024 / 1024} MB 上限`);
  if (buf.length < 4 || buf.readUInt32LE(0) !== 0x04034b50) throw refuseFile('文件不是有效的 Excel（.xlsx）文件');
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(buf, { lazyEntries: true, validateEntrySizes: true }, (err, z) => (err || !z ? reject(err) : resolve(z))),
  ).catch(() => {
    throw refuseFile('文件已损坏或不是有效的 Excel（.xlsx）文件');
  });
  let entries = 0;
  let inflated = 0;
  let sawWorkbook = false;
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', reject);
      zip.on('end', resolve);
      zip.on('entry', (entry: yauzl.Entry) => {
        entries++;
        if (entries > EXCEL_LIMITS.entries) return reject(refuseFile('文件包含的部件过多，不像正常的 Excel 文件'));
        if (entry.fileName === 'xl/workbook.xml') sawWorkbook = true;
        if (inflated + entry.uncompressedSize > EXCEL_LIMITS.inflatedBytes) return reject(bomb());
        if (/\/$/.test(entry.fileName)) return zip.readEntry();
        zip.openReadStream(entry, (err, stream) => {
          if (err || !stream) return reject(refuseFile('文件已损坏，无法解压'));
          stream.on('data', (chunk: Buffer) => {
            inflated += chunk.length;
            if (inflated > EXCEL_LIMITS.inflatedBytes) {
              stream.destroy();
              reject(bomb());
            }
          });
          stream.on('error', () => reject(refuseFile('文件已损坏，无法解压')));
          stream.on('end', () => zip.readEntry());
        });
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
  if (!sawWorkbook) throw refuseFile('压缩包中没有工作簿，不是有效的 Excel（.xlsx）文件');
}

const bomb = () => refuseFile(`文件解压后超过 ${EXCEL_LIMITS.inflatedBytes / 1024 / 1024} MB 上限，已拒绝`);

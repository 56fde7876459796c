import { Readable } from 'node:stream';
import ExcelJS, { type Row } from './exceljs.js';
import type { CellValue } from '../../shared/excel/sheet.js';
import { EXCEL_LIMITS, inspectXlsx, refuseFile } from './limits.js';

/** ExcelJS cell values come in many shapes (rich text, formulas, hyperlinks, dates); reduce to plain. */
function plainCell(v: unknown): CellValue {
  if (v == null) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((t) => t.text).join('');
    if ('result' in o) return plainCell(o.result);
    if ('text' in o) return plainCell(o.text);
    if ('error' in o) return null;
  }
  return String(v);
}

export interface SheetRow {
  /** The row number as Excel shows it. */
  number: number;
  cells: CellValue[];
}

/**
 * Streams the first worksheet's rows (header included) after the archive passed its checks.
 * Empty rows are skipped; more than the row limit is refused.
 */
export async function* readFirstSheet(buf: Buffer): AsyncGenerator<SheetRow> {
  await inspectXlsx(buf);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buf]), {
    worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', entries: 'emit',
  });
  let count = 0;
  try {
    for await (const ws of reader) {
      for await (const row of ws as AsyncIterable<Row>) {
        const values = row.values as unknown[];
        const cells: CellValue[] = [];
        for (let i = 1; i < values.length; i++) cells.push(plainCell(values[i]));
        if (cells.every((c) => c === null || c === '')) continue;
        if (++count > EXCEL_LIMITS.rows + 1) throw refuseFile(`文件超过 ${EXCEL_LIMITS.rows} 行上限，请分批导入`);
        yield { number: row.number, cells };
      }
      return; // only the first worksheet
    }
  } catch (e) {
    if ((e as { code?: string }).code === 'BAD_FILE') throw e;
    throw refuseFile('无法读取该 Excel 文件，请使用下载的模板重新填写');
  }
}

import { cellText, headerMatch, locateColumns, type CellValue, type SheetSpec } from '../../shared/excel/sheet.js';
import { refuseFile } from './limits.js';
import { readTable } from './read.js';

/**
 * A table against a spec: its column positions (headers in any order, found in whichever sheet
 * and row hold them) and every non-empty data row keyed by column, with Excel's row numbers —
 * for the small, all-or-none imports of one competition (scheme, part scores, registrations).
 */
export async function readSheetRows<K extends string>(spec: SheetSpec<K>, buf: Buffer) {
  let positions: Record<K, number | null> | null = null;
  const rows: { row: number; values: Record<K, CellValue> }[] = [];
  for await (const { number, cells } of readTable(buf, (cells) => headerMatch(spec, cells))) {
    if (!positions) {
      const loc = locateColumns(spec, cells.map((c) => String(c ?? '')));
      if (!loc.ok) throw refuseFile(`表头缺少必填列：${loc.missing.join('、')}。请使用下载的模板`);
      positions = loc.positions;
      continue;
    }
    const values = {} as Record<K, CellValue>;
    for (const c of spec.columns) values[c.key] = positions[c.key] == null ? null : (cells[positions[c.key]!] ?? null);
    if (Object.values<CellValue>(values).every((v) => cellText(v) === '')) continue;
    rows.push({ row: number, values });
  }
  if (!positions) throw refuseFile('文件是空的：没有找到表头');
  if (rows.length === 0) throw refuseFile('文件中没有数据行');
  return { positions, rows };
}

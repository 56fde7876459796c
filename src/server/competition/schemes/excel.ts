import { flattenAspects, issuePath } from '../../../shared/competition/scheme.js';
import { SCHEME_SHEET, schemeFromRows, schemeToRows } from '../../../shared/excel/scheme-sheet.js';
import { columnLetter, type Column } from '../../../shared/excel/sheet.js';
import type { ServiceContext } from '../../context.js';
import { sheetRefusal } from '../../excel/refusal.js';
import { readSheetRows } from '../../excel/sheet-rows.js';
import { exportRows } from '../../excel/write.js';
import { AppError } from '../../http/errors.js';
import { getScheme, saveScheme } from './service.js';

/** The scheme in force as a spreadsheet (or the empty template): it imports back unchanged. */
export async function exportScheme(ctx: ServiceContext, competitionId: number) {
  const s = await getScheme(ctx, competitionId);
  const rows = s ? schemeToRows(s.scheme) : [];
  return exportRows<(string | number)[]>('评分标准', (SCHEME_SHEET.columns as readonly Column[]).map((c, i) => ({ header: c.header, width: c.width, value: (r) => r[i] ?? null })), [rows]);
}

/**
 * A scheme from Excel: every bad cell refused with its row and column; then the scheme's own rules
 * (total 100, level descriptions…), each traced back to the row of its aspect where it has one.
 */
export async function importScheme(ctx: ServiceContext, competitionId: number, buf: Buffer) {
  const { positions, rows } = await readSheetRows(SCHEME_SHEET, buf);
  const { scheme, issues } = schemeFromRows(rows, positions);
  if (issues.length) throw sheetRefusal(issues);
  try {
    return await saveScheme(ctx, competitionId, scheme);
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'VALIDATION' || !e.issues) throw e;
    // Rows were read in scheme order, so the k-th aspect is the k-th data row.
    const flat = flattenAspects(scheme);
    const located = e.issues.map((i) => {
      const path = issuePath(i.field);
      const ci = path[1] as number | undefined, si = path[3] as number | undefined, ai = path[5] as number | undefined;
      if (ai === undefined) return { field: i.field, message: i.message };
      const at = flat.findIndex((a) => a.criterionCode === scheme.criteria[ci!]?.code && a.subCriterionCode === scheme.criteria[ci!]?.subCriteria[si!]?.code && a.code === scheme.criteria[ci!]?.subCriteria[si!]?.aspects[ai]?.code);
      const row = rows[at]?.row;
      const col = positions[path[6] === 'levels' ? 'level0' : path[6] === 'bands' ? 'bands' : 'code'];
      return row ? { field: `${columnLetter(col ?? 0)}${row}`, message: `第 ${row} 行：${i.message}` } : { field: i.field, message: i.message };
    });
    throw new AppError(400, 'VALIDATION', located[0]!.message, located);
  }
}

import type { RowIssue } from '../../shared/contracts/imports.js';
import { AppError } from '../http/errors.js';

/** A spreadsheet refused row by row: every issue named by its cell (H5) and reason, nothing saved. */
export function sheetRefusal(issues: RowIssue[]): AppError {
  const list = issues.slice(0, 200).map((i) => ({ field: `${i.column}${i.row}`, message: `第 ${i.row} 行 ${i.column} 列「${i.header}」：${i.reason}` }));
  const more = issues.length > list.length ? `（另有 ${issues.length - list.length} 处）` : '';
  return new AppError(400, 'VALIDATION', `表格有 ${issues.length} 处错误，未导入任何数据。${list[0]!.message}${more}`, list);
}

/**
 * ExcelJS's streaming workbook writer alone, for large exports. Loading the whole of ExcelJS (its
 * readers, CSV, zip readers: hundreds of modules) blocks the event loop for a second or more on a
 * busy server, and the first export after a start would pay it while other requests wait; the
 * writer and what it needs load in a tenth of that. (Everything else goes through exceljs.ts, which
 * also fixes ExcelJS's streaming reader; the writer does not read.)
 */
import { createRequire } from 'node:module';
import type * as ExcelJS from 'exceljs';

const require = createRequire(import.meta.url);

export type WorkbookWriter = ExcelJS.stream.xlsx.WorkbookWriter;
type WorkbookWriterClass = typeof ExcelJS.stream.xlsx.WorkbookWriter;

let writer: WorkbookWriterClass | null = null;
export function workbookWriterClass(): WorkbookWriterClass {
  writer ??= require('exceljs/lib/stream/xlsx/workbook-writer.js') as WorkbookWriterClass;
  return writer;
}

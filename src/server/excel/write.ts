import type { Writable } from 'node:stream';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { DataValidation, Fill, Worksheet } from './exceljs.js';
import { workbookWriterClass } from './exceljs-writer.js';

/** ExcelJS is large: it is loaded on the first export, not at every start of the server. */
const excel = async () => (await import('./exceljs.js')).default;
import type { SheetSpec } from '../../shared/excel/sheet.js';
import { columnLetter } from '../../shared/excel/sheet.js';
import { looksLikeFormula } from '../../shared/spreadsheet-safety.js';

const HEADER_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };

/**
 * The downloadable template: Chinese headers (required ones marked *), text-formatted columns for
 * ID numbers and phones, drop-down lists, notes, and an instructions sheet.
 */
export async function buildTemplate(spec: SheetSpec, lists: Record<string, readonly string[]> = {}, rowsWithValidation = 2000): Promise<Buffer> {
  const wb = new (await excel()).Workbook();
  wb.creator = 'skillmonth';
  const ws = wb.addWorksheet(spec.title, { views: [{ state: 'frozen', ySplit: 1 }] });
  const listSheet = wb.addWorksheet('选项', { state: 'veryHidden' });
  ws.columns = spec.columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 14, style: c.text ? { numFmt: '@' } : {} }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  spec.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = HEADER_FILL;
    if (c.required) cell.value = `${c.header}*`;
    if (c.note) cell.note = c.note;
  });
  let listCol = 0;
  spec.columns.forEach((c, i) => {
    const options = lists[c.key] ?? c.list;
    if (!options?.length) return;
    // Long lists go to the hidden sheet; an inline list is limited to 255 characters by Excel.
    const letter = columnLetter(listCol++);
    options.forEach((o, r) => (listSheet.getCell(`${letter}${r + 1}`).value = o));
    const formula = `'选项'!$${letter}$1:$${letter}$${options.length}`;
    const colLetter = columnLetter(i);
    (ws as unknown as { dataValidations: { add(range: string, v: DataValidation): void } }).dataValidations.add(
      `${colLetter}2:${colLetter}${rowsWithValidation + 1}`,
      { type: 'list', allowBlank: !c.required, formulae: [formula], showErrorMessage: true, errorTitle: '输入无效', error: `请从下拉列表中选择${c.header}` },
    );
  });
  const help = wb.addWorksheet('填写说明');
  help.getColumn(1).width = 100;
  [
    `${spec.title}导入模板（技能月）`,
    '1. 带 * 的列为必填项；请勿修改第一行表头。',
    '2. 身份证号、手机号列已设为文本格式，请勿改为数字格式（否则末尾数字会丢失）。',
    '3. 上传后系统会逐行检查并给出错误报告（行号、列、原因），确认后再导入。',
    '4. 已登记的记录不会重复导入。',
    ...spec.columns.filter((c) => c.note).map((c) => `· ${c.header}：${c.note}`),
  ].forEach((line, i) => (help.getCell(`A${i + 1}`).value = line));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface ExportColumn<T> {
  header: string;
  width?: number;
  value: (row: T) => string | number | boolean | null;
}

/**
 * Adds a row; text that Excel would run as a formula if typed (= + - @) is neutralized without
 * changing it. ExcelJS writes every string as a text cell, which Excel, WPS and LibreOffice show
 * as it is and never evaluate; the cell also gets the text format (@), so editing it (F2, Enter)
 * keeps it text, as a quote prefix would (ExcelJS cannot write quotePrefix). No apostrophe is
 * prepended: it showed in the cell and came back on re-import (a scheme export's "-"
 * descriptions became "'-…"). The imports still take off such an apostrophe from older files.
 */
export function addTextSafeRow(ws: Worksheet, values: readonly (string | number | boolean | null)[]) {
  const row = ws.addRow([...values]);
  values.forEach((v, i) => {
    if (typeof v === 'string' && looksLikeFormula(v)) row.getCell(i + 1).numFmt = '@';
  });
  return row;
}

/** Writes a list to .xlsx; text that looks like a formula stays text (see addTextSafeRow). */
export async function exportRows<T>(title: string, columns: ExportColumn<T>[], batches: AsyncIterable<T[]> | T[][]): Promise<Buffer> {
  const wb = new (await excel()).Workbook();
  wb.creator = 'skillmonth';
  const ws = wb.addWorksheet(title, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 14 }));
  ws.getRow(1).font = { bold: true };
  for await (const batch of batches) {
    for (const row of batch) {
      addTextSafeRow(ws, columns.map((c) => c.value(row)));
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A printed list: a title and its particulars above the table, a totals row, and lines below it. */
export interface ReportSheet<T> {
  sheetName: string;
  title: string;
  /** Lines under the title (项目、班级、单位、日期…). */
  meta: string[];
  columns: ExportColumn<T>[];
  rows: T[];
  totals?: (string | number | null)[];
  footer: string[];
}

/**
 * Writes a list as it is printed and signed (a payment list): the title merged across the table,
 * its particulars, the header, the rows, a bold totals row, then the footer lines. Text that looks
 * like a formula stays text (see addTextSafeRow).
 */
export async function exportReport<T>(r: ReportSheet<T>): Promise<Buffer> {
  const wb = new (await excel()).Workbook();
  wb.creator = 'skillmonth';
  const ws = wb.addWorksheet(r.sheetName);
  const last = columnLetter(r.columns.length - 1);
  r.columns.forEach((c, i) => (ws.getColumn(i + 1).width = c.width ?? 14));
  const line = (text: string, bold = false, size?: number) => {
    const row = addTextSafeRow(ws, [text]);
    ws.mergeCells(`A${row.number}:${last}${row.number}`);
    row.font = { bold, ...(size ? { size } : {}) };
    return row;
  };
  line(r.title, true, 14).alignment = { horizontal: 'center' };
  for (const m of r.meta) line(m);
  const header = addTextSafeRow(ws, r.columns.map((c) => c.header));
  header.font = { bold: true };
  header.eachCell((cell) => (cell.fill = HEADER_FILL));
  for (const row of r.rows) addTextSafeRow(ws, r.columns.map((c) => c.value(row)));
  if (r.totals) addTextSafeRow(ws, r.totals).font = { bold: true };
  ws.addRow([]);
  for (const f of r.footer) line(f);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Rows written between two turns of the event loop (about 5 ms of work on a warm server). */
const STREAM_YIELD_ROWS = 200;

/**
 * Writes a list to .xlsx as it is read, into `out` (an HTTP response): ExcelJS's streaming writer
 * commits each row to the zipped sheet at once, so memory holds a page of rows, not the file, and
 * the event loop is given back after every page (and while the client is slow to take the bytes)
 * so other requests keep being answered. Ends `out`; stops early if `out` is closed.
 */
export async function streamRows<T>(out: Writable, title: string, columns: ExportColumn<T>[], batches: AsyncIterable<T[]>): Promise<void> {
  const WorkbookWriter = workbookWriterClass();
  const wb = new WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'skillmonth';
  const ws = wb.addWorksheet(title, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 14 }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  for await (const batch of batches) {
    for (let i = 0; i < batch.length; i++) {
      const row = batch[i]!;
      addTextSafeRow(ws as unknown as Worksheet, columns.map((c) => c.value(row))).commit();
      // A few milliseconds of work at a time: other requests are answered in between.
      if ((i + 1) % STREAM_YIELD_ROWS === 0) await yieldToEventLoop();
    }
    if (out.destroyed) throw new Error('export cancelled: the client went away');
    if (out.writableNeedDrain) await drainedOrClosed(out);
    await yieldToEventLoop();
  }
  ws.commit();
  await wb.commit();
}

function drainedOrClosed(out: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}

/**
 * The one place ExcelJS is imported. ExcelJS 4.4's streaming reader decodes each chunk of a sheet
 * with `TextDecoder.decode(chunk)` (utils/parse-sax.js), without `{ stream: true }`, so a Chinese
 * character split across two chunks turns into U+FFFD (seen: "江川技师学院" read as "���川技师学院").
 * Before ExcelJS loads, we put a corrected parse-sax in Node's module cache: the same code with one
 * streaming decoder per parse. Regression test: read.test.ts. (Uploads are read by read.ts, not by
 * this streaming reader; it stays fixed for whatever else streams a sheet, e.g. the import
 * benchmark's baseline.)
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const parseSaxPath = require.resolve('exceljs/lib/utils/parse-sax.js');
const fromExcelJs = createRequire(parseSaxPath); // ExcelJS's own saxes and readable-stream
const { SaxesParser } = fromExcelJs('saxes') as { SaxesParser: new () => { on(e: string, f: (v: unknown) => void): void; write(s: string): void; close(): void } };
const { PassThrough } = fromExcelJs('readable-stream') as typeof import('node:stream');

async function* parseSax(iterable: AsyncIterable<Buffer | string> & { pipe?: unknown }) {
  let source: AsyncIterable<Buffer | string> = iterable;
  if (iterable.pipe && !(Symbol.asyncIterator in iterable)) source = (iterable as unknown as NodeJS.ReadableStream).pipe(new PassThrough());
  const decoder = new TextDecoder('utf-8');
  const parser = new SaxesParser();
  let error: unknown;
  let events: { eventType: string; value: unknown }[] = [];
  parser.on('error', (e) => (error = e));
  parser.on('opentag', (value) => events.push({ eventType: 'opentag', value }));
  parser.on('text', (value) => events.push({ eventType: 'text', value }));
  parser.on('closetag', (value) => events.push({ eventType: 'closetag', value }));
  for await (const chunk of source) {
    parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    if (error) throw error;
    yield events;
    events = [];
  }
  const rest = decoder.decode();
  if (rest) {
    parser.write(rest);
    if (error) throw error;
    yield events;
  }
}

if (!require.cache[parseSaxPath]) {
  const Module = require('node:module') as { new (id: string): NodeJS.Module };
  const m = new Module(parseSaxPath);
  m.filename = parseSaxPath;
  m.loaded = true;
  m.exports = parseSax;
  require.cache[parseSaxPath] = m;
}

const ExcelJS = require('exceljs') as typeof import('exceljs');
export default ExcelJS;
export type { Row, Workbook, Worksheet, Fill, DataValidation } from 'exceljs';

import { normalizeCellText, type CellValue } from '../../shared/excel/sheet.js';
import { EXCEL_LIMITS, openXlsx, refuseFile, type XlsxArchive } from './limits.js';

/**
 * Reading the first worksheet of an upload. The archive is checked first (limits.ts), then each
 * part is inflated once and read by a small XML scanner made for SpreadsheetML: it streams, keeps
 * only the row at hand, and is several times faster than a general SAX parser (the import of
 * 100k people spent most of its time there). The scanner checks what a reader of data must rely
 * on (balanced tags, quoted attributes, known entities, no DTD) and refuses anything else.
 */

export interface SheetRow {
  /** The row number as Excel shows it. */
  number: number;
  /**
   * By column (0 = A). Cells without a value read as null up to the row's last value (always in
   * the first row); a hostile row with a value thousands of columns out keeps its gap as holes,
   * so read cells with `?? null`.
   */
  cells: CellValue[];
}

const unreadable = () => refuseFile('无法读取该 Excel 文件，请使用下载的模板重新填写');
class XmlError extends Error {}

/**
 * Excel's own limits: 16,384 columns; 32,767 characters in a cell (so no tag or text of a real
 * file comes near 1 MB); SpreadsheetML nests a few elements deep, not hundreds.
 */
const MAX_COLUMNS = 16_384;
const MAX_TOKEN_CHARS = 1024 * 1024;
const MAX_DEPTH = 100;
/** A row's cells are filled out to a dense array up to this column (the rows that may be the header always). */
const DENSE_COLUMNS = 256;
/** The header is looked for in the first this many non-empty rows of each sheet. */
export const HEADER_ROWS = 20;

interface XmlHandler {
  /** `attrs` reads the element's attributes (valid only during the call). */
  open(name: string, attrs: Attrs, selfClosing: boolean): void;
  close(name: string): void;
  /** Called with decoded text only while `capturing` is true. */
  text(s: string): void;
  capturing: boolean;
}

/** The attributes of the tag being scanned, looked up by local name on demand. */
class Attrs {
  src = '';
  names: number[] = []; // start, end pairs of each attribute's local name
  values: number[] = []; // start, end pairs of each raw value (without quotes)
  count = 0;

  get(local: string): string | undefined {
    const { src, names, values } = this;
    for (let i = 0; i < this.count; i++) {
      const s = names[2 * i]!;
      const e = names[2 * i + 1]!;
      if (e - s === local.length && src.startsWith(local, s)) {
        const raw = src.slice(values[2 * i]!, values[2 * i + 1]!);
        return decodeText(raw, true);
      }
    }
    return undefined;
  }
}

function isSpace(c: number) {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
}
function isNameEnd(c: number) {
  return isSpace(c) || c === 0x3e /* > */ || c === 0x2f /* / */ || c === 0x3d /* = */;
}

const ENTITIES = new Map([['lt', '<'], ['gt', '>'], ['amp', '&'], ['quot', '"'], ['apos', "'"]]);

/** XML text as written → its characters: line ends normalized, references decoded. */
function decodeText(raw: string, attribute: boolean): string {
  let s = raw;
  if (s.includes('\r')) s = s.replace(/\r\n?/g, '\n');
  if (attribute && (s.includes('\n') || s.includes('\t'))) s = s.replace(/[\n\t]/g, ' ');
  if (!s.includes('&')) return s;
  let out = '';
  let from = 0;
  for (;;) {
    const amp = s.indexOf('&', from);
    if (amp < 0) break;
    const semi = s.indexOf(';', amp);
    if (semi < 0 || semi - amp > 12) throw new XmlError('bad reference');
    const ref = s.slice(amp + 1, semi);
    let ch = ENTITIES.get(ref);
    if (ch === undefined) {
      const code = /^#x[0-9a-fA-F]{1,6}$/.test(ref) ? parseInt(ref.slice(2), 16) : /^#[0-9]{1,7}$/.test(ref) ? parseInt(ref.slice(1), 10) : -1;
      const xmlChar = code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
      if (!xmlChar) throw new XmlError('bad reference');
      ch = String.fromCodePoint(code);
    }
    out += s.slice(from, amp) + ch;
    from = semi + 1;
  }
  return out + s.slice(from);
}

/**
 * A streaming XML scanner: feed it text in pieces; it calls the handler for each complete
 * element and keeps an unfinished token for the next piece. Element names reach the handler
 * without their namespace prefix.
 */
class XmlScanner {
  private rest = '';
  private readonly stack: string[] = [];
  private readonly attrs = new Attrs();
  private sawRoot = false;

  constructor(private readonly h: XmlHandler) {}

  feed(piece: string) {
    const s = this.rest.length ? this.rest + piece : piece;
    const at = this.scan(s, false);
    this.rest = s.slice(at);
    if (this.rest.length > MAX_TOKEN_CHARS) throw new XmlError('token too long');
  }

  end() {
    const s = this.rest;
    this.rest = '';
    this.scan(s, true);
    if (!this.sawRoot || this.stack.length) throw new XmlError('unbalanced');
  }

  /** Scans complete tokens of `s`; returns where the first incomplete one starts. */
  private scan(s: string, final: boolean): number {
    const h = this.h;
    const stack = this.stack;
    const len = s.length;
    let i = 0;
    while (i < len) {
      if (s.charCodeAt(i) !== 0x3c /* < */) {
        let lt = s.indexOf('<', i);
        if (lt < 0) {
          if (!final) return i;
          lt = len;
        }
        if (h.capturing) h.text(decodeText(s.slice(i, lt), false));
        else if (!stack.length && !isBlank(s, i, lt)) throw new XmlError('text outside the root');
        i = lt;
        continue;
      }
      if (i + 1 >= len) {
        if (final) throw new XmlError('truncated');
        return i;
      }
      const c1 = s.charCodeAt(i + 1);
      if (c1 === 0x2f /* / */) {
        const gt = s.indexOf('>', i + 2);
        if (gt < 0) {
          if (final) throw new XmlError('truncated');
          return i;
        }
        let e = gt;
        while (e > i + 2 && isSpace(s.charCodeAt(e - 1))) e--;
        const name = localName(s, i + 2, e);
        if (stack.pop() !== name) throw new XmlError('mismatched end tag');
        h.close(name);
        i = gt + 1;
      } else if (c1 === 0x3f /* ? */) {
        const end = s.indexOf('?>', i + 2);
        if (end < 0) {
          if (final) throw new XmlError('truncated');
          return i;
        }
        i = end + 2;
      } else if (c1 === 0x21 /* ! */) {
        if (s.startsWith('<!--', i)) {
          const end = s.indexOf('-->', i + 4);
          if (end < 0) {
            if (final) throw new XmlError('truncated');
            return i;
          }
          i = end + 3;
        } else if (s.startsWith('<![CDATA[', i)) {
          const end = s.indexOf(']]>', i + 9);
          if (end < 0) {
            if (final) throw new XmlError('truncated');
            return i;
          }
          if (!stack.length) throw new XmlError('text outside the root');
          if (h.capturing) h.text(s.slice(i + 9, end).replace(/\r\n?/g, '\n'));
          i = end + 3;
        } else if (!final && len - i < 9 && ['<![CDATA[', '<!--'].some((m) => m.startsWith(s.slice(i)))) {
          return i; // cut off mid-marker: wait for the rest
        } else {
          throw new XmlError('DTD or unknown markup'); // no DOCTYPE: no entity tricks
        }
      } else {
        const end = this.openTag(s, i);
        if (end < 0) {
          if (final) throw new XmlError('truncated');
          return i;
        }
        i = end;
      }
    }
    return i;
  }

  /** An open (or empty-element) tag at `at`: its end, or -1 if the text stops inside it. */
  private openTag(s: string, at: number): number {
    const len = s.length;
    let p = at + 1;
    while (p < len && !isNameEnd(s.charCodeAt(p))) p++;
    if (p >= len) return -1;
    if (p === at + 1) throw new XmlError('bad tag');
    const nameEnd = p;
    const a = this.attrs;
    a.src = s;
    a.count = 0;
    for (;;) {
      while (p < len && isSpace(s.charCodeAt(p))) p++;
      if (p >= len) return -1;
      const c = s.charCodeAt(p);
      if (c === 0x3e /* > */ || c === 0x2f /* / */) {
        const selfClosing = c === 0x2f;
        if (selfClosing) {
          if (p + 1 >= len) return -1;
          if (s.charCodeAt(p + 1) !== 0x3e) throw new XmlError('bad tag');
        }
        if (!this.stack.length && this.sawRoot) throw new XmlError('second root');
        this.sawRoot = true;
        const name = localName(s, at + 1, nameEnd);
        if (!selfClosing && this.stack.push(name) > MAX_DEPTH) throw new XmlError('nested too deep');
        this.h.open(name, a, selfClosing);
        if (selfClosing) this.h.close(name);
        return p + (selfClosing ? 2 : 1);
      }
      // an attribute: name = "value" | 'value'
      const ns = p;
      while (p < len && !isNameEnd(s.charCodeAt(p))) p++;
      if (p === ns) throw new XmlError('bad attribute');
      const ne = p;
      while (p < len && isSpace(s.charCodeAt(p))) p++;
      if (p >= len) return -1;
      if (s.charCodeAt(p) !== 0x3d /* = */) throw new XmlError('bad attribute');
      p++;
      while (p < len && isSpace(s.charCodeAt(p))) p++;
      if (p >= len) return -1;
      const q = s.charCodeAt(p);
      if (q !== 0x22 && q !== 0x27) throw new XmlError('unquoted attribute');
      const ve = s.indexOf(q === 0x22 ? '"' : "'", p + 1);
      if (ve < 0) return -1;
      for (let j = p + 1; j < ve; j++) if (s.charCodeAt(j) === 0x3c) throw new XmlError('< in attribute');
      const k = 2 * a.count++;
      a.names[k] = localStart(s, ns, ne);
      a.names[k + 1] = ne;
      a.values[k] = p + 1;
      a.values[k + 1] = ve;
      p = ve + 1;
    }
  }
}

/** Where a name's local part starts (after its prefix, if any). */
function localStart(s: string, start: number, end: number): number {
  for (let i = end - 1; i >= start; i--) if (s.charCodeAt(i) === 0x3a /* : */) return i + 1;
  return start;
}

function localName(s: string, start: number, end: number): string {
  const name = s.slice(localStart(s, start, end), end);
  if (!name) throw new XmlError('bad name');
  return name;
}

function isBlank(s: string, from: number, to: number) {
  for (let i = from; i < to; i++) if (!isSpace(s.charCodeAt(i))) return false;
  return true;
}

/** Runs a whole archive part through the scanner. */
async function scanPart(zip: XlsxArchive, name: string, h: XmlHandler) {
  const scanner = new XmlScanner(h);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for await (const chunk of zip.inflate(name)) scanner.feed(decoder.decode(chunk, { stream: true }));
  scanner.feed(decoder.decode());
  scanner.end();
}

/** A worksheet: its name as the tab shows it, and its part in the archive. */
interface SheetPart {
  name: string;
  part: string;
}

/** The workbook's worksheets in tab order, and the shared strings part. */
async function locateParts(zip: XlsxArchive): Promise<{ sheets: SheetPart[]; sharedStrings: string | null }> {
  const declared: { name: string; rel: string }[] = [];
  await scanPart(zip, 'xl/workbook.xml', {
    capturing: false,
    open(name, attrs) {
      if (name === 'sheet') declared.push({ name: attrs.get('name') ?? '', rel: attrs.get('id') ?? '' });
    },
    close() {},
    text() {},
  });
  const targets = new Map<string, string>();
  let sharedStrings: string | null = null;
  if (zip.has('xl/_rels/workbook.xml.rels')) {
    await scanPart(zip, 'xl/_rels/workbook.xml.rels', {
      capturing: false,
      open(name, attrs) {
        if (name !== 'Relationship') return;
        const target = attrs.get('Target');
        if (!target || attrs.get('TargetMode') === 'External') return;
        const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`.replace(/[^/]+\/\.\.\//g, '');
        targets.set(attrs.get('Id') ?? '', path);
        if (attrs.get('Type')?.endsWith('/sharedStrings')) sharedStrings = path;
      },
      close() {},
      text() {},
    });
  }
  const sheets: SheetPart[] = [];
  for (const d of declared) {
    const part = targets.get(d.rel);
    // A chart sheet or a dangling relationship has no worksheet part to read.
    if (part && zip.has(part) && part !== sharedStrings && !sheets.some((s) => s.part === part)) sheets.push({ name: d.name, part });
  }
  // As ExcelJS did: without a usable relationship, the first worksheet part in the archive.
  if (!sheets.length) {
    const part = zip.names.find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    if (part) sheets.push({ name: declared[0]?.name ?? 'Sheet1', part });
  }
  if (!sharedStrings && zip.has('xl/sharedStrings.xml')) sharedStrings = 'xl/sharedStrings.xml';
  return { sheets, sharedStrings };
}

/** The shared strings: each item's text, rich-text runs joined, phonetic guides left out. */
async function readSharedStrings(zip: XlsxArchive, name: string): Promise<string[]> {
  const strings: string[] = [];
  let text = '';
  let inPhonetic = 0;
  const h: XmlHandler = {
    capturing: false,
    open(n, _a, selfClosing) {
      if (n === 'si') text = '';
      else if (n === 'rPh') inPhonetic++;
      else if (n === 't' && !inPhonetic && !selfClosing) h.capturing = true;
    },
    close(n) {
      if (n === 't') h.capturing = false;
      else if (n === 'rPh') inPhonetic--;
      else if (n === 'si') strings.push(normalizeCellText(text) ?? '');
    },
    text(s) {
      text += s;
    },
  };
  await scanPart(zip, name, h);
  return strings;
}

/** Column index of a cell reference ("AB12" → 27), or -1. */
function columnOf(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) col = col * 26 + (c - 0x40);
    else if (c >= 0x61 && c <= 0x7a) col = col * 26 + (c - 0x60);
    else break;
    if (col > MAX_COLUMNS) return -1;
  }
  return i === 0 ? -1 : col - 1;
}

/**
 * The sheet's rows, in batches as they are read. A cell becomes a plain value: text (shared,
 * inline or a formula's text result), a number (dates stay Excel serial numbers, as styles are not
 * read), a boolean, or null for errors and empty cells. Formulas give their cached result.
 */
class SheetRows implements XmlHandler {
  capturing = false;
  batch: SheetRow[] = [];
  private inData = false;
  private rowNumber = 0;
  private cells: CellValue[] = [];
  private filled = false;
  private maxCol = -1;
  private col = -1;
  private type = 'n';
  private value: string | null = null;
  private inline: string | null = null;
  private inInline = false;
  private inPhonetic = 0;
  private count = 0;

  constructor(private readonly shared: readonly string[]) {}

  open(name: string, attrs: Attrs, selfClosing: boolean) {
    if (!this.inData) {
      if (name === 'sheetData' && !selfClosing) this.inData = true;
      return;
    }
    switch (name) {
      case 'row': {
        const r = attrs.get('r');
        const n = r === undefined ? this.rowNumber + 1 : Number(r);
        if (!Number.isInteger(n) || n < 1 || n > 1_048_576) throw new XmlError('bad row number');
        this.rowNumber = n;
        this.cells = [];
        this.filled = false;
        this.maxCol = -1;
        this.col = -1;
        break;
      }
      case 'c': {
        const r = attrs.get('r');
        const col = r === undefined ? this.col + 1 : columnOf(r);
        if (col < 0 || col >= MAX_COLUMNS) throw new XmlError('bad cell reference');
        this.col = col;
        this.type = attrs.get('t') ?? 'n';
        this.value = null;
        this.inline = null;
        break;
      }
      case 'v':
        if (!selfClosing) {
          this.value = '';
          this.capturing = true;
        }
        break;
      case 'is':
        this.inInline = true;
        this.inline = '';
        break;
      case 'rPh':
        this.inPhonetic++;
        break;
      case 't':
        if (this.inInline && !this.inPhonetic && !selfClosing) this.capturing = true;
        break;
    }
  }

  text(s: string) {
    if (this.inInline) this.inline += s;
    else this.value += s;
  }

  close(name: string) {
    if (!this.inData) return;
    switch (name) {
      case 'v':
      case 't':
        this.capturing = false;
        break;
      case 'is':
        this.inInline = false;
        break;
      case 'rPh':
        this.inPhonetic--;
        break;
      case 'c': {
        const v = this.cellValue();
        if (v !== null) {
          this.cells[this.col] = v;
          if (v !== '') this.filled = true;
          if (this.col > this.maxCol) this.maxCol = this.col;
        }
        break;
      }
      case 'row': {
        if (!this.filled) break; // empty rows are skipped
        if (++this.count > EXCEL_LIMITS.rows + 1) throw refuseFile(`文件超过 ${EXCEL_LIMITS.rows} 行上限，请分批导入`);
        const cells = this.cells;
        if (this.maxCol < DENSE_COLUMNS || this.count <= HEADER_ROWS) for (let i = 0; i <= this.maxCol; i++) if (cells[i] === undefined) cells[i] = null;
        this.batch.push({ number: this.rowNumber, cells });
        break;
      }
      case 'sheetData':
        this.inData = false;
        break;
    }
  }

  private cellValue(): CellValue {
    const v = this.value;
    switch (this.type) {
      case 's':
        return v === null || v.trim() === '' ? null : this.shared[Number(v)] || null;
      case 'inlineStr': {
        const t = this.inline ?? v;
        return t === null ? null : normalizeCellText(t);
      }
      case 'str':
        return v === null ? null : normalizeCellText(v);
      case 'b':
        return v === null || v.trim() === '' ? null : Number(v) !== 0;
      case 'e':
        return null;
      case 'd':
        return v === null ? null : v.slice(0, 10);
      default: {
        if (v === null || v.trim() === '') return null;
        const n = Number(v);
        return Number.isNaN(n) ? normalizeCellText(v) : n;
      }
    }
  }
}

/** The rows of one worksheet part, in batches as they are read. */
async function* sheetBatches(zip: XlsxArchive, part: string, shared: readonly string[]): AsyncGenerator<SheetRow[]> {
  const rows = new SheetRows(shared);
  const scanner = new XmlScanner(rows);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for await (const chunk of zip.inflate(part)) {
    scanner.feed(decoder.decode(chunk, { stream: true }));
    if (rows.batch.length) {
      yield rows.batch;
      rows.batch = [];
    }
  }
  scanner.feed(decoder.decode());
  scanner.end();
  if (rows.batch.length) yield rows.batch;
}

/** How a row reads as the header the caller expects (see headerMatch in shared/excel/sheet.ts). */
export type HeaderMatch = (cells: readonly CellValue[]) => { found: number; missing: string[] };

/**
 * Streams a table's rows in batches, the header row first, after the archive passed its checks.
 * Without `header`, the first worksheet from its first non-empty row. With it, the header is
 * found as a clerk would: the first sheet, in tab order, that has a row naming every required
 * column among its first HEADER_ROWS non-empty rows — past an empty first sheet, a merged title
 * row or a 填写说明 block above the header. Rows above the header are left out. When no sheet has
 * one, the refusal says where it looked and, for the row that came closest, what it lacks.
 * Empty rows are skipped; more than the row limit is refused.
 */
export async function* readTableBatches(buf: Buffer, header?: HeaderMatch): AsyncGenerator<SheetRow[]> {
  const zip = await openXlsx(buf);
  let current: AsyncGenerator<SheetRow[]> | null = null;
  try {
    const { sheets, sharedStrings } = await locateParts(zip);
    const parts = new Set(sheets.map((s) => s.part));
    // Every other part is inflated too (and discarded), and so are the sheets not read, before
    // the first row is handed over: a broken or lying archive is refused before any row is.
    const drain = async (name: string) => {
      for await (const _ of zip.inflate(name));
    };
    for (const name of zip.names) if (!parts.has(name) && name !== sharedStrings) await drain(name);
    const shared = sharedStrings ? await readSharedStrings(zip, sharedStrings) : [];
    const looked: string[] = [];
    let closest: { sheet: string; row: number; found: number; missing: string[] } | null = null;
    let required: string[] | null = null; // what a row with none of the columns lacks: the required ones
    for (let s = 0; s < sheets.length; s++) {
      const sheet = sheets[s]!;
      const it = (current = sheetBatches(zip, sheet.part, shared));
      const seen: SheetRow[] = [];
      let at = -1;
      while (at < 0 && seen.length < HEADER_ROWS) {
        const next = await it.next();
        if (next.done) break;
        for (const row of next.value) {
          seen.push(row);
          if (at >= 0 || seen.length > HEADER_ROWS) continue;
          if (!header) at = 0;
          else {
            const m = header(row.cells);
            if (m.missing.length === 0) at = seen.length - 1;
            else if (!required && m.found === 0) required = m.missing;
            if (at < 0 && m.found > (closest?.found ?? 0)) closest = { sheet: sheet.name, row: row.number, found: m.found, missing: m.missing };
          }
        }
      }
      if (at >= 0) {
        for (const other of sheets.slice(s + 1)) await drain(other.part);
        yield seen.slice(at);
        for (;;) {
          const next = await it.next();
          if (next.done) return;
          yield next.value;
        }
      }
      looked.push(seen.length === 0 ? `「${sheet.name}」（空）` : `「${sheet.name}」第 ${seen[0]!.number}–${seen[Math.min(seen.length, HEADER_ROWS) - 1]!.number} 行`);
      if (!header) break;
      while (!(await it.next()).done); // read to its end: the archive is checked whole
    }
    for (const sheet of sheets.slice(looked.length)) await drain(sheet.part);
    if (!header) return; // an empty first sheet: no rows
    if (!looked.length) throw refuseFile('文件是空的：工作簿中没有工作表');
    const where = `已查看：工作表${looked.join('、')}`;
    if (closest) throw refuseFile(`表头缺少必填列：${closest.missing.join('、')}（在工作表「${closest.sheet}」第 ${closest.row} 行找到的表头；${where}）。请使用下载的模板`);
    throw refuseFile(`没有找到表头：表头须包含必填列 ${(required ?? []).join('、')}（${where}）。请使用下载的模板，表头放在数据上方`);
  } catch (e) {
    if ((e as { code?: string }).code === 'BAD_FILE') throw e;
    throw unreadable();
  } finally {
    await current?.return(undefined); // a reader that stopped early: the sheet's stream is closed
    zip.close();
  }
}

/** The first worksheet's rows in batches, from its first non-empty row (see readTableBatches). */
export function readFirstSheetBatches(buf: Buffer): AsyncGenerator<SheetRow[]> {
  return readTableBatches(buf);
}

/** The first worksheet's rows one by one (see readTableBatches). */
export async function* readFirstSheet(buf: Buffer): AsyncGenerator<SheetRow> {
  for await (const batch of readFirstSheetBatches(buf)) yield* batch;
}

/** A table's rows one by one, the header row first (see readTableBatches). */
export async function* readTable(buf: Buffer, header: HeaderMatch): AsyncGenerator<SheetRow> {
  for await (const batch of readTableBatches(buf, header)) yield* batch;
}

import type { RowIssue } from '../contracts/imports.js';

/** A column of an import template: its Chinese header, and how the template helps fill it in. */
export interface Column<K extends string = string> {
  key: K;
  header: string;
  required?: boolean;
  width?: number;
  /** Offered as an in-cell drop-down list (Excel data validation). */
  list?: readonly string[];
  /** Formatted as text so Excel keeps long digit strings (ID numbers, phones) intact. */
  text?: boolean;
  note?: string;
}

export interface SheetSpec<K extends string = string> {
  kind: string;
  title: string;
  columns: readonly Column<K>[];
}

/** Excel's column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A header as written ("身份证号*", "身份证号（必填）") → the spec's header ("身份证号"). */
const normHeader = (s: string) => s.replace(/[\s*＊（）()]/g, '').replace(/必填$/, '');

/** Where each column of the spec stands in the uploaded header row (headers may be in any order). */
export function locateColumns<K extends string>(spec: SheetSpec<K>, headerRow: readonly string[]):
  { ok: true; positions: Record<K, number | null> } | { ok: false; missing: string[] } {
  const norm = normHeader;
  const positions = {} as Record<K, number | null>;
  const missing: string[] = [];
  for (const col of spec.columns) {
    const at = headerRow.findIndex((h) => norm(h) === norm(col.header));
    positions[col.key] = at >= 0 ? at : null;
    if (at < 0 && col.required) missing.push(col.header);
  }
  return missing.length ? { ok: false, missing } : { ok: true, positions };
}

/**
 * How far a row reads as the spec's header: how many of its columns it names, and which required
 * ones it lacks (none: this is the header). The reader asks this of the first rows of each sheet.
 */
export function headerMatch<K extends string>(spec: SheetSpec<K>, cells: readonly CellValue[]): { found: number; missing: string[] } {
  const names = new Set(Array.from(cells, (c) => (typeof c === 'string' ? normHeader(c) : '')));
  const missing: string[] = [];
  let found = 0;
  for (const col of spec.columns) {
    if (names.has(normHeader(col.header))) found++;
    else if (col.required) missing.push(col.header);
  }
  return { found, missing };
}

/** Gathers a row's problems with their column letter and header. */
export class RowProblems<K extends string> {
  readonly issues: RowIssue[] = [];
  constructor(
    private readonly spec: SheetSpec<K>,
    private readonly positions: Record<K, number | null>,
    readonly row: number,
  ) {}

  add(key: K, reason: string): void {
    const col = this.spec.columns.find((c) => c.key === key)!;
    const at = this.positions[key];
    this.issues.push({ row: this.row, column: at == null ? '-' : columnLetter(at), header: col.header, reason });
  }

  get ok(): boolean {
    return this.issues.length === 0;
  }
}

/** A cell as the reader hands it over: text, a number (Excel's own typing), a boolean or nothing. */
export type CellValue = string | number | boolean | null;

export function cellText(v: CellValue): string {
  if (v == null) return '';
  return String(v).trim();
}

/**
 * Characters that print as nothing (zero-width space, joiners, word joiner, BOM, soft hyphen,
 * Mongolian vowel separator) — pasted from web pages and chat apps, they make a unit name differ
 * from the same name typed — and the spaces that are not U+0020 (NBSP, the typographic spaces).
 */
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u2060-\u2064\uFEFF]/g;
const ODD_SPACES = /[\u00A0\u2000-\u200A\u202F\u205F]/g;
const NEEDS_WORK = /[\u00A0\u00AD\u180E\u2000-\u200F\u202F\u205F\u2060-\u2064\u3000\uFEFF]|^[\s']|\s$/;

/**
 * A text cell as the imports compare it: invisible characters dropped, odd spaces made plain,
 * spaces (ASCII, NBSP, the ideographic U+3000) trimmed at both ends; an ideographic space inside
 * (a name written "欧阳\u3000娜") is kept, and no NFKC: it would turn the full-width brackets of
 * "江川机械（集团）" into ASCII ones and no longer match the registry. An apostrophe before
 * = + - @ (how exports once protected formula-looking text) is taken off, so such a file imports
 * back as the text it showed. Empty after all that → null, as an empty cell.
 */
export function normalizeCellText(s: string): string | null {
  if (!NEEDS_WORK.test(s)) return s === '' ? null : s;
  let t = s.replace(INVISIBLE, '').replace(ODD_SPACES, ' ').replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
  if (/^'[=+\-@]/.test(t)) t = t.slice(1);
  return t === '' ? null : t;
}

/**
 * A number cell for a column that allows `decimals` decimals. What differs from the decimal only
 * by floating noise (85.17 kept as 85.170000000000002) is that decimal. A value with more
 * decimals — typically a formula's result, 85.1666… shown as 85.17 by the cell's format — is
 * refused with the value actually stored, since rounding a score silently could change a rank.
 */
export function numberFromCell(v: CellValue, decimals: number, what: string): { ok: true; value: number } | { ok: false; reason: string } | null {
  if (v == null || v === '') return null;
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v.trim()) : NaN;
  if (!Number.isFinite(n) || (typeof v === 'string' && v.trim() === '')) return { ok: false, reason: `${what}应为数字，而不是“${String(v)}”` };
  const scale = 10 ** decimals;
  const scaled = n * scale;
  const rounded = Math.round(scaled);
  if (Math.abs(scaled - rounded) < 1e-6) return { ok: true, value: rounded / scale + 0 };
  const shown = (Math.round(scaled) / scale).toFixed(decimals);
  const limit = decimals === 0 ? '应为整数' : `最多保留${decimals === 1 ? '一' : decimals === 2 ? '两' : String(decimals)}位小数`;
  return { ok: false, reason: `单元格中的值是 ${n}（显示时可能为 ${shown}），${what}${limit}；请直接输入 ${shown}，或用 ROUND 函数取整` };
}

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

/** Where each column of the spec stands in the uploaded header row (headers may be in any order). */
export function locateColumns<K extends string>(spec: SheetSpec<K>, headerRow: readonly string[]):
  { ok: true; positions: Record<K, number | null> } | { ok: false; missing: string[] } {
  const norm = (s: string) => s.replace(/[\s*＊（）()]/g, '').replace(/必填$/, '');
  const positions = {} as Record<K, number | null>;
  const missing: string[] = [];
  for (const col of spec.columns) {
    const at = headerRow.findIndex((h) => norm(h) === norm(col.header));
    positions[col.key] = at >= 0 ? at : null;
    if (at < 0 && col.required) missing.push(col.header);
  }
  return missing.length ? { ok: false, missing } : { ok: true, positions };
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

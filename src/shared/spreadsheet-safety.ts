/**
 * Cells that begin with = + - @ (or a tab / carriage return) are read as formulas by Excel and
 * friends when typed or opened from CSV (formula injection).
 */
export function looksLikeFormula(value: string): boolean {
  return /^[=+\-@\t\r]/.test(value);
}

/**
 * For CSV, where a cell has no type: an apostrophe keeps such text from running. (In .xlsx the
 * cell is written as text with the text format instead — see excel/write.ts — so it shows and
 * imports back as it was, without the apostrophe.)
 */
export function neutralizeCell(value: string): string {
  return looksLikeFormula(value) ? `'${value}` : value;
}

/**
 * Cells that begin with = + - @ (or a tab / carriage return) are read as formulas by Excel and
 * friends (CSV/formula injection). Exports prefix them with an apostrophe so they stay text.
 */
export function neutralizeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

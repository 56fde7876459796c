/**
 * Finding oneself in a published list (公示名单) of hundreds of rows: a search matches any cell
 * (name, unit, award, outcome, the masked ID's last digits), ignoring case and spaces around the
 * words; several words must all match (in any cells). An empty search keeps every row.
 */
export function filterNoticeRows<R extends Record<string, unknown>>(rows: readonly R[], query: string): R[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...rows];
  return rows.filter((row) => {
    const text = Object.values(row).filter((v) => v != null).map((v) => String(v).toLowerCase()).join('\u0000');
    return words.every((w) => text.includes(w));
  });
}

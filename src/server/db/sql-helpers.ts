import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from './client.js';

/**
 * `column = any(list)` with the whole list as ONE parameter (a JSON array), so a look-up of 100k
 * keys is one statement with one parameter, the same on PGlite and PostgreSQL.
 */
export function inJsonList(column: SQL | SQL.Aliased | unknown, values: readonly (string | number)[]): SQL {
  return sql`${column} in (select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;
}

/** Rows of a raw statement, whichever driver ran it. */
export async function rowsOf<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const r = (await db.execute(query)) as unknown as { rows: T[] };
  return r.rows;
}

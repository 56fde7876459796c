import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';

/**
 * Inserts `n` people of `unitId` in one statement (generate_series), for exports at scale in tests
 * and benches. Their encrypted columns are placeholders (a reveal of them fails); the masked
 * columns, which lists and exports show, are well formed. Names are 员工<k> from `from`.
 */
export async function fillPeople(db: DbOrTx, unitId: number, tradeId: number | null, n: number, from = 1): Promise<void> {
  await db.execute(sql`
    insert into people (name, gender, birth_year, id_number_enc, id_number_hash, id_number_masked, phone_enc, phone_hash, phone_masked,
      unit_id, trade_id, level, front_line, years_in_trade)
    select '员工' || g, case when g % 2 = 0 then 'F' else 'M' end, 1960 + g % 40, 'x', 'fill-' || ${unitId}::text || '-' || g, '330102********' || lpad((g % 10000)::text, 4, '0'),
      'x', 'fill-phone-' || ${unitId}::text || '-' || g, '138****' || lpad((g % 10000)::text, 4, '0'),
      ${unitId}, ${tradeId}, 1 + g % 5, g % 3 <> 0, g % 30
    from generate_series(${from}::int, ${from + n - 1}::int) g`);
}

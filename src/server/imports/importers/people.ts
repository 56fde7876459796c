import { eq, or, sql } from 'drizzle-orm';
import { rowsOf } from '../../db/sql-helpers.js';
import { importBatches } from '../tables.js';
import { PEOPLE_SHEET, validatePersonRow, type PeopleKey, type PersonRow } from '../../../shared/excel/people-sheet.js';
import type { ServiceContext } from '../../context.js';
import { forbidden } from '../../http/errors.js';
import { personValues, registeredIdHashes } from '../../people/service.js';
import { people } from '../../people/tables.js';
import { trades } from '../../trades/tables.js';
import { units } from '../../units/tables.js';
import type { Importer } from '../importer.js';

type Sealed = ReturnType<typeof personValues>;

async function unitLookup(ctx: ServiceContext) {
  const actor = ctx.actor!;
  if (actor.role === 'unit' && !actor.unitId) throw forbidden('该单位账号未关联单位');
  const rows = await ctx.db.select({ id: units.id, name: units.name, code: units.code }).from(units)
    .where(actor.role === 'unit' ? or(eq(units.id, actor.unitId!)) : undefined);
  const byName = new Map<string, number>();
  for (const u of rows) {
    byName.set(u.name, u.id);
    if (u.code) byName.set(u.code, u.id);
  }
  return byName;
}

export const peopleImporter: Importer<PeopleKey, PersonRow, Sealed> = {
  spec: PEOPLE_SHEET,
  roles: ['admin', 'unit'],
  async templateLists(ctx) {
    const t = await ctx.db.select({ name: trades.name }).from(trades);
    return { trade: t.map((r) => r.name) };
  },
  async prepare(ctx) {
    // A unit account can name only its own unit; every other name reads as unknown to it.
    const unitByName = await unitLookup(ctx);
    const tradeByName = new Map((await ctx.db.select({ id: trades.id, name: trades.name }).from(trades)).map((t) => [t.name, t.id]));
    const lk = {
      unitByName, tradeByName, today: ctx.clock.now(),
      forcedUnitId: ctx.actor!.role === 'unit' ? ctx.actor!.unitId : null,
    };
    return (cells, p) => validatePersonRow(cells, p, lk);
  },
  keys: (ctx, v) => [{ key: ctx.pii.hash('idNumber', v.idNumber), column: 'idNumber', label: '身份证号' }],
  existing: registeredIdHashes,
  seal: (ctx, v) => personValues(ctx, v),
  /**
   * One statement, inside the database: the batch's JSON rows become people, and any ID number
   * registered since the preview is skipped by the unique index (never doubled).
   */
  async commit(tx, _ctx, batch) {
    const [r] = await rowsOf<{ n: number }>(tx, sql`
      with ins as (
        insert into ${people} (name, gender, birth_year, id_number_enc, id_number_hash, id_number_masked, phone_enc, phone_hash,
                               phone_masked, unit_id, trade_id, level, front_line, years_in_trade)
        select r.name, r.gender, r."birthYear", r."idNumberEnc", r."idNumberHash", r."idNumberMasked", r."phoneEnc", r."phoneHash",
               r."phoneMasked", r."unitId", r."tradeId", r.level, r."frontLine", r."yearsInTrade"
        from ${importBatches} b,
             jsonb_to_recordset(b.payload) as r(name text, gender text, "birthYear" smallint, "idNumberEnc" text, "idNumberHash" text,
               "idNumberMasked" text, "phoneEnc" text, "phoneHash" text, "phoneMasked" text, "unitId" int, "tradeId" int,
               level smallint, "frontLine" boolean, "yearsInTrade" smallint)
        where b.id = ${batch.id}
        on conflict (id_number_hash) do nothing
        returning 1
      ) select count(*)::int as n from ins`);
    const inserted = Number(r?.n ?? 0);
    return { inserted, skipped: batch.valid - inserted };
  },
};


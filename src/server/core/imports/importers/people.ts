import { eq, or, sql } from 'drizzle-orm';
import { rowsOf } from '../../../db/sql-helpers.js';
import { importBatches } from '../tables.js';
import { PEOPLE_SHEET, validatePersonRow, type PeopleKey, type PersonRow } from '../../../../shared/excel/people-sheet.js';
import type { ServiceContext } from '../../../context.js';
import { forbidden } from '../../../http/errors.js';
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
  // Within the file, the ID numbers themselves (normalized, in memory only); the registry knows their hashes.
  keys: (_ctx, v) => [{ key: v.idNumber, column: 'idNumber', label: '身份证号' }],
  async seal(ctx, rows) {
    const phones = rows.flatMap((r) => (r.phone ? [r.phone] : []));
    const [id, phone] = await Promise.all([
      ctx.pii.sealMany('idNumber', rows.map((r) => r.idNumber)),
      ctx.pii.sealMany('phone', phones),
    ]);
    let p = 0;
    return rows.map((r, i) => {
      const at = r.phone ? p++ : -1;
      return personValues(ctx, r, {
        idNumberEnc: id.enc[i]!, idNumberHash: id.hash[i]!,
        phoneEnc: at < 0 ? null : phone.enc[at]!, phoneHash: at < 0 ? null : phone.hash[at]!,
      });
    });
  },
  registryKeys: (s) => [s.idNumberHash],
  existing: registeredIdHashes,
  encode: (rows) => rows.map(line).join('\n'),
  /**
   * One statement, inside the database: the batch's lines become people, and any ID number
   * registered since the preview is skipped by the unique index (never doubled).
   */
  async commit(tx, _ctx, batch) {
    const [r] = await rowsOf<{ n: number }>(tx, sql`
      with ins as (
        insert into ${people} (name, gender, birth_year, id_number_enc, id_number_hash, id_number_masked, phone_enc, phone_hash,
                               phone_masked, unit_id, trade_id, level, front_line, years_in_trade)
        select case when strpos(f[1], '%') > 0
                 then replace(replace(replace(replace(f[1], '%09', E'\\t'), '%0A', E'\\n'), '%0D', E'\\r'), '%25', '%') else f[1] end,
               f[2], f[3]::smallint, f[4], f[5], f[6], nullif(f[7], ''), nullif(f[8], ''), nullif(f[9], ''),
               f[10]::int, nullif(f[11], '')::int, nullif(f[12], '')::smallint, f[13]::boolean, nullif(f[14], '')::smallint
        from ${importBatches} b, string_to_table(b.payload, E'\\n') as line, string_to_array(line, E'\\t') as f
        where b.id = ${batch.id}
        on conflict (id_number_hash) do nothing
        returning 1
      ) select count(*)::int as n from ins`);
    const inserted = Number(r?.n ?? 0);
    return { inserted, skipped: batch.valid - inserted };
  },
};

/**
 * A sealed person as one line of the batch: the columns in insert order, separated by tabs, null
 * as empty. Only the name is free text: '%', tab, newline and CR in it are escaped as %25, %09,
 * %0A, %0D (commit() above and migration 0004 undo the same). Every other field is ours (base64,
 * masks, numbers, M/F) and is checked to need no escaping.
 */
const FOURTEEN_FIELDS = /^[^\t\n\r]*(?:\t[^\t\n\r]*){13}$/;
function line(p: Sealed): string {
  const name = /[%\t\n\r]/.test(p.name)
    ? p.name.replace(/[%\t\n\r]/g, (c) => ({ '%': '%25', '\t': '%09', '\n': '%0A', '\r': '%0D' })[c]!)
    : p.name;
  const s = `${name}\t${p.gender}\t${p.birthYear}\t${p.idNumberEnc}\t${p.idNumberHash}\t${p.idNumberMasked}\t${p.phoneEnc ?? ''}\t${p.phoneHash ?? ''}\t${p.phoneMasked ?? ''}\t${p.unitId}\t${p.tradeId ?? ''}\t${p.level ?? ''}\t${p.frontLine ? 't' : 'f'}\t${p.yearsInTrade ?? ''}`;
  if (!FOURTEEN_FIELDS.test(s)) throw new Error('a sealed person field needs escaping');
  return s;
}

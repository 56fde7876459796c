import { eq, or } from 'drizzle-orm';
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
  sealedKeys: (s) => [s.idNumberHash],
  async insert(tx, _ctx, rows) {
    for (let i = 0; i < rows.length; i += 1000) await tx.insert(people).values(rows.slice(i, i + 1000));
    return {};
  },
};


import { inArray, or } from 'drizzle-orm';
import type { UnitInput } from '../../../../shared/contracts/units.js';
import { UNITS_SHEET, validateUnitRow, type UnitsKey } from '../../../../shared/excel/units-sheet.js';
import { insertUnits } from '../../units/service.js';
import { units } from '../../units/tables.js';
import { commitRows, type Importer } from '../importer.js';

type Sealed = Omit<UnitInput, 'contactPhone'> & { contactPhoneSealed: string | null };

export const unitsImporter: Importer<UnitsKey, UnitInput, Sealed> = {
  spec: UNITS_SHEET,
  roles: ['admin'],
  templateLists: async () => ({}),
  prepare: async () => validateUnitRow,
  keys: (_ctx, v) => [
    { key: `name:${v.name}`, column: 'name', label: '单位名称' },
    ...(v.code ? [{ key: `code:${v.code}`, column: 'code' as const, label: '统一社会信用代码' }] : []),
  ],
  async existing(db, keys) {
    const names = keys.filter((k) => k.startsWith('name:')).map((k) => k.slice(5));
    const codes = keys.filter((k) => k.startsWith('code:')).map((k) => k.slice(5));
    const rows = await db.select({ name: units.name, code: units.code }).from(units)
      .where(or(names.length ? inArray(units.name, names) : undefined, codes.length ? inArray(units.code, codes) : undefined));
    const found = new Set<string>();
    for (const r of rows) {
      found.add(`name:${r.name}`);
      if (r.code) found.add(`code:${r.code}`);
    }
    return found;
  },
  seal: async (ctx, rows) => rows.map(({ contactPhone, ...rest }) => ({ ...rest, contactPhoneSealed: contactPhone ? ctx.pii.encrypt(contactPhone) : null })),
  registryKeys: (s) => [`name:${s.name}`, ...(s.code ? [`code:${s.code}`] : [])],
  commit: async (tx, ctx, batch) =>
    commitRows(tx, await batch.rows(), unitsImporter.registryKeys, unitsImporter.existing, async (rows) => {
      await insertUnits(tx, ctx, rows.map(({ contactPhoneSealed, ...r }) => ({ ...r, contactPhone: contactPhoneSealed ? ctx.pii.decrypt(contactPhoneSealed) : null })));
      return {};
    }),
};

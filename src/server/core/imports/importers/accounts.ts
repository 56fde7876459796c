import { inArray } from 'drizzle-orm';
import type { CreateAccountBody } from '../../../../shared/contracts/accounts.js';
import { ACCOUNTS_SHEET, validateAccountRow, type AccountsKey } from '../../../../shared/excel/accounts-sheet.js';
import { insertAccount } from '../../accounts/service.js';
import { accounts } from '../../accounts/tables.js';
import { units } from '../../units/tables.js';
import { commitRows, type Importer } from '../importer.js';

type Sealed = Omit<CreateAccountBody, 'phone' | 'password'> & { phoneSealed: string | null };

export const accountsImporter: Importer<AccountsKey, CreateAccountBody, Sealed> = {
  spec: ACCOUNTS_SHEET,
  roles: ['admin'],
  templateLists: async () => ({}),
  async prepare(ctx) {
    const byName = new Map<string, number>();
    for (const u of await ctx.db.select({ id: units.id, name: units.name, code: units.code }).from(units)) {
      byName.set(u.name, u.id);
      if (u.code) byName.set(u.code, u.id);
    }
    return (cells, p) => validateAccountRow(cells, p, byName);
  },
  keys: (_ctx, v) => [{ key: v.username, column: 'username', label: '用户名' }],
  async existing(db, keys) {
    const rows = keys.length ? await db.select({ u: accounts.username }).from(accounts).where(inArray(accounts.username, keys)) : [];
    return new Set(rows.map((r) => r.u));
  },
  seal: async (ctx, rows) => rows.map(({ phone, password: _p, ...rest }) => ({ ...rest, phoneSealed: phone ? ctx.pii.encrypt(phone) : null })),
  registryKeys: (s) => [s.username],
  commit: async (tx, ctx, batch) =>
    commitRows(tx, await batch.rows(), accountsImporter.registryKeys, accountsImporter.existing, async (rows) => {
      const oneTimePasswords: { username: string; oneTimePassword: string }[] = [];
      for (const { phoneSealed, ...r } of rows) {
        const { row, oneTimePassword } = await insertAccount(tx, ctx, { ...r, phone: phoneSealed ? ctx.pii.decrypt(phoneSealed) : undefined });
        if (oneTimePassword) oneTimePasswords.push({ username: row.username, oneTimePassword });
      }
      return { oneTimePasswords };
    }),
};

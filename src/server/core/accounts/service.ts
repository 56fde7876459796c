import { and, asc, count, eq, ilike, or } from 'drizzle-orm';
import type { Account, CreateAccountBody } from '../../../shared/contracts/accounts.js';
import type { Role } from '../../../shared/contracts/auth.js';
import { mask } from '../../../shared/mask.js';
import { isValidPhone, normalizePhone } from '../../../shared/phone.js';
import { recordAudit } from '../audit/service.js';
import { hashPassword, oneTimePassword } from '../auth/password.js';
import { deleteAccountSessions } from '../auth/sessions.js';
import { weakPasswordReason } from '../auth/strength.js';
import type { ServiceContext } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { conflict, invalid, notFound } from '../../http/errors.js';
import { people } from '../people/tables.js';
import { requireRole } from '../../policy.js';
import { units } from '../units/tables.js';
import { accounts } from './tables.js';

type Row = typeof accounts.$inferSelect;

export function presentAccount(r: Row, unitName: string | null): Account {
  return {
    id: r.id, username: r.username, displayName: r.displayName, role: r.role, phoneMasked: r.phoneMasked,
    unitId: r.unitId, unitName, personId: r.personId, committeeBody: r.committeeBody as Account['committeeBody'],
    disabled: r.disabled, mustChangePassword: r.mustChangePassword, createdAt: r.createdAt.toISOString(),
  };
}

export async function listAccounts(ctx: ServiceContext, q: { q?: string; role?: Role; page: number; pageSize: number }) {
  requireRole(ctx, 'admin');
  const where = and(
    q.role ? eq(accounts.role, q.role) : undefined,
    q.q ? or(ilike(accounts.username, `%${q.q}%`), ilike(accounts.displayName, `%${q.q}%`)) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    ctx.db.select({ a: accounts, unitName: units.name }).from(accounts).leftJoin(units, eq(units.id, accounts.unitId))
      .where(where).orderBy(asc(accounts.id)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    ctx.db.select({ n: count() }).from(accounts).where(where),
  ]);
  return { items: rows.map((r) => presentAccount(r.a, r.unitName)), total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

/** Inserts one account inside a transaction; returns it with the one-time password if one was made. */
export async function insertAccount(tx: DbOrTx, ctx: Pick<ServiceContext, 'pii' | 'clock'>, input: CreateAccountBody) {
  const [taken] = await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.username, input.username));
  if (taken) throw conflict(`用户名 ${input.username} 已被使用`, 'username');
  let phone: string | null = null;
  if (input.phone) {
    phone = normalizePhone(input.phone);
    if (!isValidPhone(phone)) throw invalid('phone', '手机号格式不正确');
    const [clash] = await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.phoneHash, ctx.pii.hash('phone', phone)));
    if (clash) throw conflict('该手机号已绑定其他账号', 'phone');
  }
  if (input.unitId) {
    const [u] = await tx.select({ id: units.id }).from(units).where(eq(units.id, input.unitId));
    if (!u) throw invalid('unitId', '单位不存在');
  }
  if (input.personId) {
    const [p] = await tx.select({ id: people.id }).from(people).where(eq(people.id, input.personId));
    if (!p) throw invalid('personId', '人员不存在');
  }
  const otp = input.password ? null : oneTimePassword();
  const [row] = await tx.insert(accounts).values({
    username: input.username, displayName: input.displayName, role: input.role,
    phoneEnc: phone ? ctx.pii.encrypt(phone) : null, phoneHash: phone ? ctx.pii.hash('phone', phone) : null, phoneMasked: mask('phone', phone),
    unitId: input.role === 'unit' || input.role === 'judge' ? (input.unitId ?? null) : null,
    personId: input.personId ?? null,
    committeeBody: input.role === 'committee' ? (input.committeeBody ?? null) : null,
    passwordHash: await hashPassword(input.password ?? otp!),
    mustChangePassword: otp !== null,
    createdAt: ctx.clock.now(), updatedAt: ctx.clock.now(),
  }).returning();
  return { row: row!, oneTimePassword: otp };
}

export async function createAccount(ctx: ServiceContext, input: CreateAccountBody) {
  requireRole(ctx, 'admin');
  if (input.password) {
    const weak = await weakPasswordReason(input.password, [input.username, input.displayName, input.phone]);
    if (weak) throw invalid('password', weak);
  }
  return ctx.db.transaction(async (tx) => {
    const { row, oneTimePassword } = await insertAccount(tx, ctx, input);
    const account = presentAccount(row, null);
    await recordAudit(tx, ctx, { action: 'account.create', entity: 'account', entityId: row.id, after: account });
    return { account, oneTimePassword };
  });
}

async function lockedAccount(tx: DbOrTx, id: number) {
  const [row] = await tx.select().from(accounts).where(eq(accounts.id, id)).for('update');
  if (!row) throw notFound('账号');
  return row;
}

/** A one-time password the user must change at the next login; every session of the account ends. */
export async function resetPassword(ctx: ServiceContext, id: number) {
  requireRole(ctx, 'admin');
  const otp = oneTimePassword();
  const passwordHash = await hashPassword(otp);
  return ctx.db.transaction(async (tx) => {
    const row = await lockedAccount(tx, id);
    await tx.update(accounts).set({ passwordHash, mustChangePassword: true, updatedAt: ctx.clock.now() }).where(eq(accounts.id, id));
    await deleteAccountSessions(tx, id);
    await recordAudit(tx, ctx, { action: 'account.password.reset', entity: 'account', entityId: id });
    return { username: row.username, oneTimePassword: otp };
  });
}

export async function setDisabled(ctx: ServiceContext, id: number, disabled: boolean) {
  const actor = requireRole(ctx, 'admin');
  if (actor.id === id && disabled) throw invalid('id', '不能停用自己的账号');
  return ctx.db.transaction(async (tx) => {
    const before = await lockedAccount(tx, id);
    const [row] = await tx.update(accounts).set({ disabled, updatedAt: ctx.clock.now() }).where(eq(accounts.id, id)).returning();
    if (disabled) await deleteAccountSessions(tx, id);
    await recordAudit(tx, ctx, { action: disabled ? 'account.disable' : 'account.enable', entity: 'account', entityId: id, before: { disabled: before.disabled }, after: { disabled } });
    return presentAccount(row!, null);
  });
}

import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { ChangePasswordBody, LoginBody, Me } from '../../../shared/contracts/auth.js';
import { canonicalMobile } from '../../../shared/login-key.js';
import { isValidPhone, normalizePhone } from '../../../shared/phone.js';
import { accounts } from '../accounts/tables.js';
import { recordAudit } from '../audit/service.js';
import type { ServiceContext } from '../../context.js';
import { AppError, invalid } from '../../http/errors.js';
import { requireActor } from '../../policy.js';
import { hashPassword, verifyPassword } from './password.js';
import { weakPasswordReason } from './strength.js';
import { createSession, deleteAccountSessions, deleteSession } from './sessions.js';
import type { LoginThrottle, ThrottleScope } from './throttle.js';

const BAD_LOGIN = '用户名或密码错误';

const waitText = (seconds: number) => (seconds < 60 ? `${seconds} 秒` : `${Math.ceil(seconds / 60)} 分钟`);
const TOO_MANY: Record<ThrottleScope, (wait: string) => string> = {
  pair: (w) => `登录失败次数过多，请 ${w}后再试（换用其他网络或设备不受影响）`,
  login: (w) => `该账号近期登录失败次数过多，请 ${w}后再试`,
  address: (w) => `本网络的登录尝试过于频繁，请 ${w}后再试`,
};

function tooMany(seconds: number, scope: ThrottleScope) {
  return new AppError(429, 'TOO_MANY_ATTEMPTS', TOO_MANY[scope](waitText(seconds)), undefined, seconds);
}

async function findByLogin(ctx: ServiceContext, login: string) {
  const phone = canonicalMobile(login) ?? normalizePhone(login);
  const where = isValidPhone(phone) ? eq(accounts.phoneHash, ctx.pii.hash('phone', phone)) : eq(accounts.username, login);
  const [row] = await ctx.db.select().from(accounts).where(where).limit(1);
  return row ?? null;
}

/** Logs in by username or phone. Same answer and the same work for an unknown name as for a wrong password. */
export async function login(ctx: ServiceContext, throttle: LoginThrottle, body: z.infer<typeof LoginBody>, oldToken?: string) {
  const ip = ctx.ip ?? 'unknown';
  const now = ctx.clock.now();
  const verdict = await throttle.attempt(ctx.db, ctx.pii, body.login, ip, now);
  if (verdict.scope) throw tooMany(verdict.waitSeconds, verdict.scope);
  const account = await findByLogin(ctx, body.login);
  const ok = await verifyPassword(account?.passwordHash ?? null, body.password);
  if (!account || !ok || account.disabled) {
    // already counted by attempt()
    throw new AppError(401, 'BAD_CREDENTIALS', account?.disabled && ok ? '该账号已停用，请联系管理员' : BAD_LOGIN);
  }
  await throttle.succeed(ctx.db, ctx.pii, body.login, ip);
  return ctx.db.transaction(async (tx) => {
    if (oldToken) await deleteSession(tx, oldToken); // rotate: a pre-login cookie never survives login
    const session = await createSession(tx, account.id, ctx.clock.now());
    const actor = { id: account.id, username: account.username, displayName: account.displayName, role: account.role, unitId: account.unitId, personId: account.personId, committeeBody: account.committeeBody };
    await recordAudit(tx, { ...ctx, actor }, { action: 'auth.login', entity: 'account', entityId: account.id });
    const me: Me = { ...actor, committeeBody: actor.committeeBody as Me['committeeBody'], mustChangePassword: account.mustChangePassword, csrfToken: session.csrfToken };
    return { token: session.token, me };
  });
}

export async function logout(ctx: ServiceContext, token: string | undefined): Promise<void> {
  if (token) await deleteSession(ctx.db, token);
}

export async function me(ctx: ServiceContext, csrfToken: string): Promise<Me> {
  const actor = requireActor(ctx);
  const [row] = await ctx.db.select({ must: accounts.mustChangePassword }).from(accounts).where(eq(accounts.id, actor.id));
  return { ...actor, committeeBody: actor.committeeBody as Me['committeeBody'], mustChangePassword: row?.must ?? false, csrfToken };
}

/** Changes one's own password; every other session of the account ends. */
export async function changePassword(ctx: ServiceContext, body: z.infer<typeof ChangePasswordBody>) {
  const actor = requireActor(ctx);
  const [row] = await ctx.db.select().from(accounts).where(eq(accounts.id, actor.id));
  if (!row || !(await verifyPassword(row.passwordHash, body.currentPassword))) throw invalid('currentPassword', '当前密码不正确');
  if (body.currentPassword === body.newPassword) throw invalid('newPassword', '新密码不能与当前密码相同');
  const phone = row.phoneEnc ? ctx.pii.decrypt(row.phoneEnc) : null;
  const weak = await weakPasswordReason(body.newPassword, [row.username, row.displayName, phone]);
  if (weak) throw invalid('newPassword', weak);
  const passwordHash = await hashPassword(body.newPassword);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    await tx.update(accounts).set({ passwordHash, mustChangePassword: false, updatedAt: now }).where(eq(accounts.id, actor.id));
    await deleteAccountSessions(tx, actor.id);
    const session = await createSession(tx, actor.id, now);
    await recordAudit(tx, ctx, { action: 'account.password.change', entity: 'account', entityId: actor.id });
    return session;
  });
}

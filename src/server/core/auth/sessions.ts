import crypto from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import { accounts, sessions } from '../accounts/tables.js';
import type { Actor } from '../../context.js';
import type { Db, DbOrTx } from '../../db/client.js';

export const SESSION_COOKIE = 'sm_session';
export const SESSION_TTL_MS = 12 * 60 * 60_000;

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

export async function createSession(db: DbOrTx, accountId: number, now: Date) {
  const token = crypto.randomBytes(32).toString('base64url');
  const csrfToken = crypto.randomBytes(24).toString('base64url');
  await db.insert(sessions).values({
    tokenHash: sha256(token),
    accountId,
    csrfToken,
    createdAt: now,
    expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
  });
  return { token, csrfToken };
}

export async function deleteSession(db: DbOrTx, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, sha256(token)));
}

export async function deleteAccountSessions(db: DbOrTx, accountId: number): Promise<void> {
  await db.delete(sessions).where(eq(sessions.accountId, accountId));
}

export async function resolveSession(db: Db, token: string, now: Date): Promise<{ actor: Actor; csrfToken: string; mustChangePassword: boolean } | null> {
  const [row] = await db
    .select({
      csrfToken: sessions.csrfToken,
      id: accounts.id,
      username: accounts.username,
      displayName: accounts.displayName,
      role: accounts.role,
      unitId: accounts.unitId,
      personId: accounts.personId,
      committeeBody: accounts.committeeBody,
      disabled: accounts.disabled,
      mustChangePassword: accounts.mustChangePassword,
    })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .where(and(eq(sessions.tokenHash, sha256(token)), gt(sessions.expiresAt, now)))
    .limit(1);
  if (!row || row.disabled) return null;
  const { csrfToken, disabled: _d, mustChangePassword, ...actor } = row;
  return { actor, csrfToken, mustChangePassword };
}

/**
 * Sign-in throttling that slows an attacker without locking the owner out (OWASP ASVS 5.0 V6.1.1,
 * V6.3.1). Failures are counted under three keys, in the database so every instance shares them:
 *
 * - the login with the client address ("pair"): a few free tries, then a back-off that doubles up
 *   to 15 minutes. It stops guessing from one place and touches nobody else: the owner signing in
 *   from another address is not affected by it;
 * - the login from every address: more free tries, then a short back-off (at most a minute), so a
 *   guesser spread over many addresses is slowed while the owner waits at most that long;
 * - the address on every login: many free tries, then a short spacing (at most 10 s) between its
 *   attempts. It slows an address spraying many accounts; it never locks an account, so people
 *   sharing an address (a proxy, an office) still get in.
 *
 * The login is normalized first (one key for every spelling of a phone number, usernames without
 * case), and unknown names are counted exactly like known ones, so the answer never tells which
 * usernames exist. An attempt is counted *before* its password is checked (parallel guesses
 * cannot slip past the count), a refused attempt is not counted (hammering does not lengthen the
 * owner's wait), and a successful sign-in clears the login's own counts (not the address's).
 * A count lapses when its key has had no failure for `windowMs`.
 */
import { eq, inArray, lt, sql } from 'drizzle-orm';
import { loginKey } from '../../../shared/login-key.js';
import { loginThrottle } from '../accounts/tables.js';
import type { DbOrTx } from '../../db/client.js';
import type { PiiCipher } from '../pii/cipher.js';

export interface BackoffRule {
  /** Failures allowed before any wait. */
  free: number;
  /** The wait after the first failure over the free ones; it doubles with each further failure. */
  baseMs: number;
  maxMs: number;
}

export interface ThrottleRules {
  pair: BackoffRule;
  login: BackoffRule;
  address: BackoffRule;
  windowMs: number;
}

export const DEFAULT_THROTTLE_RULES: ThrottleRules = {
  pair: { free: 5, baseMs: 30_000, maxMs: 15 * 60_000 },
  login: { free: 10, baseMs: 1_000, maxMs: 60_000 },
  address: { free: 30, baseMs: 1_000, maxMs: 10_000 },
  windowMs: 60 * 60_000,
};

/** How long after its last failure a key with `failures` failures must wait (pure). */
export function backoffMs(rule: BackoffRule, failures: number): number {
  if (failures < rule.free) return 0;
  const over = failures - rule.free; // 0 for the first failure at the limit
  return Math.min(rule.maxMs, rule.baseMs * 2 ** Math.min(over, 40));
}

export type ThrottleScope = 'pair' | 'login' | 'address';

export interface ThrottleVerdict {
  /** Seconds to wait (0: the attempt may go ahead, and has been counted). */
  waitSeconds: number;
  scope: ThrottleScope | null;
}

interface Keys {
  pair: string;
  login: string;
  address: string;
}

export class LoginThrottle {
  readonly rules: ThrottleRules;

  constructor(rules: Partial<ThrottleRules> = {}) {
    this.rules = { ...DEFAULT_THROTTLE_RULES, ...rules };
  }

  private keys(pii: PiiCipher, login: string, ip: string): Keys {
    const l = loginKey(login);
    return {
      pair: pii.hash('throttle', `pair\u0000${l}\u0000${ip}`),
      login: pii.hash('throttle', `login\u0000${l}`),
      address: pii.hash('throttle', `address\u0000${ip}`),
    };
  }

  /**
   * Decides whether an attempt may go ahead and, when it may, counts it as a failure until
   * `succeed` says otherwise. Attempts on one login are serialized (an advisory lock), so
   * parallel guesses see each other's counts, on every instance.
   */
  async attempt(db: DbOrTx, pii: PiiCipher, login: string, ip: string, now: Date): Promise<ThrottleVerdict> {
    const keys = this.keys(pii, login, ip);
    const t = now.getTime();
    return db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${keys.login}, 0))`);
      const rows = await tx.select().from(loginThrottle).where(inArray(loginThrottle.key, [keys.pair, keys.login, keys.address]));
      let verdict: ThrottleVerdict = { waitSeconds: 0, scope: null };
      for (const scope of ['pair', 'login', 'address'] as const) {
        const row = rows.find((r) => r.key === keys[scope]);
        if (!row || t - row.lastAt.getTime() >= this.rules.windowMs) continue;
        const until = row.lastAt.getTime() + backoffMs(this.rules[scope], row.failures);
        const wait = Math.ceil((until - t) / 1000);
        if (wait > verdict.waitSeconds) verdict = { waitSeconds: wait, scope };
      }
      if (verdict.waitSeconds > 0) return verdict;
      const cutoff = new Date(t - this.rules.windowMs);
      await tx
        .insert(loginThrottle)
        .values([keys.pair, keys.login, keys.address].map((key) => ({ key, failures: 1, lastAt: now })))
        .onConflictDoUpdate({
          target: loginThrottle.key,
          set: {
            failures: sql`case when "login_throttle"."last_at" <= ${cutoff.toISOString()}::timestamptz then 1 else "login_throttle"."failures" + 1 end`,
            lastAt: sql`excluded.last_at`,
          },
        });
      await tx.delete(loginThrottle).where(lt(loginThrottle.lastAt, cutoff)); // lapsed counts
      return verdict;
    });
  }

  /** The right password: the login's own counts end; the address's loses this attempt only. */
  async succeed(db: DbOrTx, pii: PiiCipher, login: string, ip: string): Promise<void> {
    const keys = this.keys(pii, login, ip);
    await db.delete(loginThrottle).where(inArray(loginThrottle.key, [keys.pair, keys.login]));
    await db.update(loginThrottle).set({ failures: sql`greatest("login_throttle"."failures" - 1, 0)` }).where(eq(loginThrottle.key, keys.address));
  }
}

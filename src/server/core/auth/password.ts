import crypto from 'node:crypto';
import argon2 from 'argon2';

export type Argon2Cost = { memoryCost: number; timeCost: number; parallelism: number };

/** argon2id with the library's defaults (m = 64 MiB, t = 3, p = 4): what every real start uses. */
export const PRODUCTION_COST: Argon2Cost = { memoryCost: 65_536, timeCost: 3, parallelism: 4 };
/** The unit test suite's cost: its set-ups create and sign in hundreds of accounts. */
const TEST_COST: Argon2Cost = { memoryCost: 1_024, timeCost: 1, parallelism: 1 };

/**
 * The production cost, unless this is vitest (NODE_ENV=test) and vitest.config.ts asked for the
 * cheap one (SKILLMONTH_TEST_ARGON2=cheap); a server never runs with NODE_ENV=test (the browser
 * tests' servers delete it), and password.test.ts checks that anything else gets the production cost.
 */
export function argon2Cost(env: NodeJS.ProcessEnv = process.env): Argon2Cost {
  return env.NODE_ENV === 'test' && env.SKILLMONTH_TEST_ARGON2 === 'cheap' ? TEST_COST : PRODUCTION_COST;
}

export function hashPassword(password: string, cost: Argon2Cost = argon2Cost()): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id, ...cost });
}

let dummy: Promise<string> | null = null;

/** Verifies; for an unknown account it still spends the same work, so timing reveals nothing. */
export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  if (!hash) {
    dummy ??= hashPassword(crypto.randomBytes(16).toString('hex'));
    await argon2.verify(await dummy, password).catch(() => false);
    return false;
  }
  return argon2.verify(hash, password).catch(() => false);
}

/** A one-time password an admin hands over; the user must change it at first login. */
export function oneTimePassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
  const bytes = crypto.randomBytes(12);
  let out = '';
  for (const b of bytes) out += alphabet[b % alphabet.length];
  return `${out}7a`; // always satisfies "a letter and a digit"
}

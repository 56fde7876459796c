import type { Role } from '../shared/contracts/auth.js';
import type { Db, Tx } from './db/client.js';
import type { PiiCipher } from './core/pii/cipher.js';

/** Who is acting. `null` is the anonymous public. */
export interface Actor {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  unitId: number | null;
  personId: number | null;
  committeeBody: string | null;
}

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** What every service method takes: the database, who acts, the time, and where from. */
export interface ServiceContext {
  db: Db;
  actor: Actor | null;
  clock: Clock;
  pii: PiiCipher;
  ip?: string;
}

/**
 * The same context on a transaction: everything called with it reads and writes through `tx`.
 * Inside `ctx.db.transaction(…)` pass this (or `tx`) on, never `ctx` itself: the outer handle
 * there is refused (see db/guard.ts).
 */
export function inTx(ctx: ServiceContext, tx: Tx): ServiceContext {
  return { ...ctx, db: tx as unknown as Db };
}

import type { Role } from '../shared/contracts/auth.js';
import type { Db } from './db/client.js';
import type { PiiCipher } from './pii/cipher.js';

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

import type { FastifyBaseLogger, FastifyInstance, FastifyRequest, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Clock, ServiceContext } from '../context.js';
import type { Database } from '../db/client.js';
import type { PiiCipher } from '../core/pii/cipher.js';
import type { LoginThrottle } from '../core/auth/throttle.js';

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

/** What route modules need from the running server. */
export interface Deps {
  database: Database;
  pii: PiiCipher;
  clock: Clock;
  throttle: LoginThrottle;
  cookieSecure: boolean;
  version: string;
}

export function ctxOf(deps: Deps, req: FastifyRequest): ServiceContext {
  return { db: deps.database.db, actor: req.actor, clock: deps.clock, pii: deps.pii, ip: req.ip };
}

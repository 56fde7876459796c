import type { Role } from '../shared/contracts/auth.js';
import type { Actor, ServiceContext } from './context.js';
import { forbidden, unauthenticated } from './http/errors.js';

/** Services call these first: access is checked before anything is read or written. */
export function requireActor(ctx: ServiceContext): Actor {
  if (!ctx.actor) throw unauthenticated();
  return ctx.actor;
}

export function requireRole(ctx: ServiceContext, ...roles: Role[]): Actor {
  const actor = requireActor(ctx);
  if (!roles.includes(actor.role)) throw forbidden();
  return actor;
}

/** Staff who may read the registry: admins and committee members (all units), unit accounts (their own). */
export const REGISTRY_READERS: Role[] = ['admin', 'committee', 'unit'];

import type { Actor, ServiceContext } from '../../context.js';
import { isOrganizer, requireOrganizer } from '../../competition/competitions/policy.js';
import { forbidden } from '../../http/errors.js';
import { requireRole } from '../../policy.js';

/** Publishing, withdrawing and restarting a notice: the organizers. */
export const requireNoticeManager = (ctx: ServiceContext): Actor => requireOrganizer(ctx);

/** Objections are confidential: the organizers and the committee's supervision group (监督组) only. */
export function requireObjectionHandler(ctx: ServiceContext): Actor {
  const actor = requireRole(ctx, 'admin', 'committee');
  if (!isOrganizer(actor) && actor.committeeBody !== 'supervision') throw forbidden('只有组委会或监督组可以查看和处理公示异议');
  return actor;
}

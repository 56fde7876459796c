import type { Actor, ServiceContext } from '../../context.js';
import { forbidden } from '../../http/errors.js';
import { requireRole } from '../../policy.js';

/** Who sets up and edits the campaign itself: administrators and the organizing committee's office (组委会办公室). */
export function isCampaignOrganizer(actor: Actor): boolean {
  return actor.role === 'admin' || (actor.role === 'committee' && actor.committeeBody === 'office');
}

export function requireCampaignOrganizer(ctx: ServiceContext): Actor {
  const actor = requireRole(ctx, 'admin', 'committee');
  if (!isCampaignOrganizer(actor)) throw forbidden('只有管理员或组委会办公室可以建立和修改技能月活动');
  return actor;
}

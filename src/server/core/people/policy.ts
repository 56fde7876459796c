import type { Actor, ServiceContext } from '../../context.js';
import { forbidden, invalid } from '../../http/errors.js';
import { REGISTRY_READERS, requireRole } from '../../policy.js';

/** Which people an actor may read: every unit's (admin, committee) or one unit's (unit account). */
export function readablePeopleUnit(ctx: ServiceContext): { actor: Actor; unitId: number | 'all' } {
  const actor = requireRole(ctx, ...REGISTRY_READERS);
  return { actor, unitId: actor.role === 'unit' ? (actor.unitId ?? -1) : 'all' };
}

/** Registering and editing: admins for any unit, a unit account for its own only. */
export function writablePeopleUnit(ctx: ServiceContext, requestedUnitId: number | undefined): number {
  const actor = requireRole(ctx, 'admin', 'unit');
  if (actor.role === 'unit') {
    if (!actor.unitId) throw forbidden('该单位账号未关联单位');
    if (requestedUnitId !== undefined && requestedUnitId !== actor.unitId) throw forbidden('单位账号只能登记本单位人员');
    return actor.unitId;
  }
  if (requestedUnitId === undefined) throw invalid('unitId', '请选择单位');
  return requestedUnitId;
}

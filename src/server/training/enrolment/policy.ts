import type { ServiceContext } from '../../context.js';
import { forbidden, notFound } from '../../http/errors.js';
import { requireActor } from '../../policy.js';
import { isCollegeOf, isTrainingReader, isTrainingStaff } from '../programmes/policy.js';
import type { ClassRow } from '../programmes/tables.js';

/**
 * Whose trainees an actor reads in a class: every row (staff, committee readers, the class's
 * college), one unit's rows (an employer reads its own nominations), or none (not found).
 */
export function enrolmentScope(ctx: ServiceContext, c: ClassRow): 'all' | number {
  const a = requireActor(ctx);
  if (isTrainingReader(a) || isCollegeOf(c, a)) return 'all';
  if (a.role === 'unit' && a.unitId != null) return a.unitId;
  throw notFound('培训班');
}

/** The college and the training staff admit trainees, number them and issue their accounts. */
export function requireAdmitter(ctx: ServiceContext, c: ClassRow, doing: string): void {
  const a = requireActor(ctx);
  if (isTrainingStaff(a) || isCollegeOf(c, a)) return;
  enrolmentScope(ctx, c);
  throw forbidden(`只有承训院校或培训组可以${doing}`);
}

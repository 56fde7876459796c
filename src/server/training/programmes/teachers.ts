import { and, asc, eq, inArray } from 'drizzle-orm';
import type { TeacherOption } from '../../../shared/contracts/training.js';
import { accounts } from '../../core/accounts/tables.js';
import { units } from '../../core/units/tables.js';
import type { ServiceContext } from '../../context.js';
import { forbidden } from '../../http/errors.js';
import { requireActor } from '../../policy.js';
import { isTrainingReader } from './policy.js';

/**
 * The accounts a class may name as teachers (授课教师): experts' (judge) and colleges' (unit)
 * accounts that are in use. The accounts list itself is the administrator's; the committee (the
 * training staff who pick them, and the bodies who read the classes) see only these names, no
 * phones or usernames.
 */
export async function teacherOptions(ctx: ServiceContext): Promise<TeacherOption[]> {
  if (!isTrainingReader(requireActor(ctx))) throw forbidden('只有培训组和组委会可以查看授课教师');
  const rows = await ctx.db.select({ accountId: accounts.id, displayName: accounts.displayName, role: accounts.role, unitName: units.name })
    .from(accounts).leftJoin(units, eq(units.id, accounts.unitId))
    .where(and(inArray(accounts.role, ['judge', 'unit']), eq(accounts.disabled, false)))
    .orderBy(asc(accounts.role), asc(accounts.displayName), asc(accounts.id));
  return rows;
}

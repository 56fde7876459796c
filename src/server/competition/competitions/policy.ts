import { and, eq } from 'drizzle-orm';
import type { Role } from '../../../shared/contracts/auth.js';
import type { StaffRole } from '../../../shared/contracts/competitions.js';
import type { Actor, ServiceContext } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { forbidden, notFound } from '../../http/errors.js';
import { requireRole } from '../../policy.js';
import { competitions, competitionStaff } from './tables.js';

/** Roles that reach competition routes at all; each service narrows further. */
export const COMPETITION_READERS: Role[] = ['admin', 'committee', 'unit', 'judge'];
/** Bureau staff who run competitions: admins and the competition committee (技能竞赛组委会). */
export const COMPETITION_STAFF_ROLES: Role[] = ['admin', 'committee'];

export function isOrganizer(actor: Actor): boolean {
  return actor.role === 'admin' || (actor.role === 'committee' && (actor.committeeBody === 'competition' || actor.committeeBody === 'office'));
}

/** Set-up, approval, draw, staffing: admins and the competition committee. */
export function requireOrganizer(ctx: ServiceContext): Actor {
  const actor = requireRole(ctx, 'admin', 'committee');
  if (!isOrganizer(actor)) throw forbidden('只有组委会办公室或技能竞赛组委会可以管理竞赛');
  return actor;
}

export async function competitionRow(db: DbOrTx, id: number) {
  const [c] = await db.select().from(competitions).where(eq(competitions.id, id));
  if (!c) throw notFound('竞赛');
  return c;
}

/** A competition as someone other than the organizers may reach it: a draft (筹备) does not exist for them. */
export async function visibleCompetitionRow(db: DbOrTx, actor: Actor, id: number) {
  const c = await competitionRow(db, id);
  if (c.status === 'draft' && !isOrganizer(actor)) throw notFound('竞赛');
  return c;
}

/** The actor's roles on this competition's staff (judge, chief, substitute, decoder, operator). */
export async function staffRoles(db: DbOrTx, competitionId: number, accountId: number): Promise<Set<StaffRole>> {
  const rows = await db.select({ role: competitionStaff.role }).from(competitionStaff)
    .where(and(eq(competitionStaff.competitionId, competitionId), eq(competitionStaff.accountId, accountId)));
  return new Set(rows.map((r) => r.role));
}

/**
 * A judge reaches a competition only through its staff list; to anyone else on the judging side
 * an unstaffed competition does not exist.
 */
export async function requireStaff(ctx: ServiceContext, competitionId: number, ...roles: StaffRole[]) {
  const actor = requireRole(ctx, 'judge', 'admin', 'committee');
  const mine = await staffRoles(ctx.db, competitionId, actor.id);
  if (!roles.some((r) => mine.has(r))) {
    await competitionRow(ctx.db, competitionId); // not found first, then forbidden
    throw forbidden(`您不是该竞赛的${roles.map((r) => STAFF_ROLE_NAMES[r]).join('或')}`);
  }
  return { actor, roles: mine };
}

export const STAFF_ROLE_NAMES: Record<StaffRole, string> = {
  judge: '裁判', chief: '裁判长', substitute: '替补裁判', decoder: '解密人员', operator: '录分员',
};

import { eq } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Actor, ServiceContext } from '../../context.js';
import { isOrganizer } from '../competitions/policy.js';
import { entries } from '../entries/tables.js';
import { forbidden } from '../../http/errors.js';
import { requireRole } from '../../policy.js';

/** Who reads appeals: the organizers (the arbitration group, 仲裁组) all; a unit its entrants'; a contestant their own. */
export const APPEAL_READERS = ['admin', 'committee', 'unit', 'person'] as const;

/** The entries whose appeals the actor may read (undefined: all). */
export function appealScope(ctx: ServiceContext): { actor: Actor; where: SQL | undefined } {
  const actor = requireRole(ctx, ...APPEAL_READERS);
  if (actor.role === 'unit') return { actor, where: eq(entries.unitId, actor.unitId ?? -1) };
  if (actor.role === 'person') return { actor, where: eq(entries.personId, actor.personId ?? -1) };
  if (!isOrganizer(actor)) throw forbidden('只有组委会（仲裁组）可以查看全部申诉');
  return { actor, where: undefined };
}

/** A contestant appeals for themself; a unit for its own entrants. */
export function requireAppellant(ctx: ServiceContext, entry: { personId: number; unitId: number }): Actor & { role: 'person' | 'unit' } {
  const actor = requireRole(ctx, 'person', 'unit');
  if (actor.role === 'person' && entry.personId !== actor.personId) throw forbidden('只能对本人的成绩提出申诉');
  if (actor.role === 'unit' && entry.unitId !== actor.unitId) throw forbidden('只能为本单位的选手提出申诉');
  return actor as Actor & { role: 'person' | 'unit' };
}

import { eq } from 'drizzle-orm';
import type { StageDef, StageKind } from '../../../shared/selection/rules.js';
import { STAGE_KIND_NAMES } from '../../../shared/selection/rules.js';
import type { Actor, ServiceContext } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { conflict, notFound } from '../../http/errors.js';
import { requireRole } from '../../policy.js';
import { selectionRounds } from './tables.js';

export type RoundRow = typeof selectionRounds.$inferSelect;

/** 评选办公室: administrators and committee members run the round (verify, set up panels, cut). */
export function requireSelectionStaff(ctx: ServiceContext): Actor {
  return requireRole(ctx, 'admin', 'committee');
}

export async function roundRow(db: DbOrTx, roundId: number): Promise<RoundRow> {
  const [r] = await db.select().from(selectionRounds).where(eq(selectionRounds.id, roundId));
  if (!r) throw notFound('评选');
  return r;
}

/** The round's row, locked: call first in every transaction that changes the round's state. */
export async function lockRound(db: DbOrTx, roundId: number): Promise<RoundRow> {
  const [r] = await db.select().from(selectionRounds).where(eq(selectionRounds.id, roundId)).for('update');
  if (!r) throw notFound('评选');
  return r;
}

export const openStage = (r: RoundRow): StageDef | null => (r.status === 'finished' ? null : r.rules.stages[r.stage] ?? null);

/** Refuses unless the open stage is `key` (or, without a key, of `kind`); says which stage is open. */
export function requireOpenStage<K extends StageKind>(r: RoundRow, kind: K, key?: string): Extract<StageDef, { kind: K }> {
  const s = openStage(r);
  if (s && s.kind === kind && (key === undefined || s.key === key)) return s as Extract<StageDef, { kind: K }>;
  const now = s ? `当前阶段为「${s.name}」` : '评选已结束';
  throw conflict(`${now}，不在「${key ? (r.rules.stages.find((x) => x.key === key)?.name ?? key) : STAGE_KIND_NAMES[kind]}」阶段，不能执行此操作`);
}

/** The stage `key` of `kind` in the round's rules, or a 404 naming it. */
export function stageOfKind<K extends StageKind>(r: RoundRow, key: string, kind: K): Extract<StageDef, { kind: K }> {
  const s = r.rules.stages.find((x) => x.key === key);
  if (!s || s.kind !== kind) throw notFound(`阶段「${key}」`);
  return s as Extract<StageDef, { kind: K }>;
}

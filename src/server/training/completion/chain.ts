import { asc, desc, eq } from 'drizzle-orm';
import { chainLinks, verifyLinks, type ChainVerdict } from '../../core/chain/chain.js';
import type { ServiceContext } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { trainingMarkEvents } from './tables.js';

/**
 * 评审日志: every business-plan mark change of a panel, appended to the panel's chain (core/chain's
 * link rule). The caller holds the panel's lock, so seq numbers never collide.
 */
export interface PlanMarkEvent {
  kind: 'mark';
  planId: number;
  reviewerId: number;
  criterionCode: string;
  value: number;
  previousValue: number | null;
  version: number;
  reason: string | null;
}

type Stored = typeof trainingMarkEvents.$inferSelect;

const content = (panelId: number, seq: number, at: Date, actorId: number | null, e: PlanMarkEvent) => ({
  panelId, seq, at: at.toISOString(), actorId, kind: e.kind, planId: e.planId, reviewerId: e.reviewerId, criterionCode: e.criterionCode,
  value: e.value, previousValue: e.previousValue, version: e.version, reason: e.reason,
});

export async function appendPlanMarkEvents(tx: DbOrTx, ctx: Pick<ServiceContext, 'actor' | 'clock'>, panelId: number, events: readonly PlanMarkEvent[]): Promise<void> {
  if (events.length === 0) return;
  const [last] = await tx.select({ seq: trainingMarkEvents.seq, hash: trainingMarkEvents.hash }).from(trainingMarkEvents)
    .where(eq(trainingMarkEvents.panelId, panelId)).orderBy(desc(trainingMarkEvents.seq)).limit(1);
  const at = ctx.clock.now();
  const actorId = ctx.actor?.id ?? null;
  const links = chainLinks(last ?? null, events.map((e) => (seq: number) => content(panelId, seq, at, actorId, e)));
  await tx.insert(trainingMarkEvents).values(links.map(({ content: c, prevHash, hash }) => ({ ...c, at, prevHash, hash })));
}

/** Recomputes the panel's chain from the stored rows; names the first broken event. */
export async function verifyPlanChain(db: DbOrTx, panelId: number): Promise<ChainVerdict> {
  const rows = await db.select().from(trainingMarkEvents).where(eq(trainingMarkEvents.panelId, panelId)).orderBy(asc(trainingMarkEvents.seq));
  return verifyLinks(rows, (r: Stored) => content(panelId, r.seq, r.at, r.actorId, {
    kind: 'mark', planId: r.planId!, reviewerId: r.reviewerId!, criterionCode: r.criterionCode!, value: r.value!, previousValue: r.previousValue, version: r.version!, reason: r.reason,
  }));
}

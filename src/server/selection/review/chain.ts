import { asc, desc, eq } from 'drizzle-orm';
import { chainLinks, verifyLinks, type ChainVerdict } from '../../core/chain/chain.js';
import type { ServiceContext } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { requireSelectionStaff, roundRow } from '../rounds/policy.js';
import { selectionMarkEvents } from './tables.js';

/**
 * 评分日志: every score change of a round — an exam score (theory/practical, 缺考) or a reviewer's
 * mark on a rubric criterion — appended to the round's chain (core/chain: the competition's link
 * rule). The caller holds the round's lock (lockRound), so seq numbers never collide.
 */
export interface SelectionEvent {
  kind: 'exam_score' | 'exam_absent' | 'mark';
  stageKey: string;
  candidateId: number;
  reviewerId?: number | null;
  criterionCode?: string | null;
  part?: string | null;
  value?: number | null;
  previousValue?: number | null;
  version?: number | null;
  source?: string | null;
  reason?: string | null;
}

type Content = Required<SelectionEvent> & { roundId: number; seq: number; at: string; actorId: number | null };

const norm = (e: SelectionEvent) => ({
  kind: e.kind, stageKey: e.stageKey, candidateId: e.candidateId, reviewerId: e.reviewerId ?? null, criterionCode: e.criterionCode ?? null,
  part: e.part ?? null, value: e.value ?? null, previousValue: e.previousValue ?? null, version: e.version ?? null,
  source: e.source ?? null, reason: e.reason ?? null,
});

/** Appends events to the round's chain in order (the caller holds the round's lock). */
export async function appendSelectionEvents(tx: DbOrTx, ctx: Pick<ServiceContext, 'actor' | 'clock'>, roundId: number, events: readonly SelectionEvent[]): Promise<void> {
  if (events.length === 0) return;
  const [last] = await tx.select({ seq: selectionMarkEvents.seq, hash: selectionMarkEvents.hash }).from(selectionMarkEvents)
    .where(eq(selectionMarkEvents.roundId, roundId)).orderBy(desc(selectionMarkEvents.seq)).limit(1);
  const at = ctx.clock.now();
  const actorId = ctx.actor?.id ?? null;
  const links = chainLinks(last ?? null, events.map((e) => (seq: number): Content => ({ ...norm(e), roundId, seq, at: at.toISOString(), actorId })));
  for (let i = 0; i < links.length; i += 500) {
    await tx.insert(selectionMarkEvents).values(links.slice(i, i + 500).map(({ content, prevHash, hash }) => ({ ...content, at, prevHash, hash })));
  }
}

/** Recomputes the round's chain; names the first broken event. */
export async function verifySelectionChainIn(db: DbOrTx, roundId: number): Promise<ChainVerdict> {
  const rows = await db.select().from(selectionMarkEvents).where(eq(selectionMarkEvents.roundId, roundId)).orderBy(asc(selectionMarkEvents.seq));
  return verifyLinks(rows, (r): Content => ({ ...norm(r as unknown as SelectionEvent), roundId, seq: r.seq, at: r.at.toISOString(), actorId: r.actorId }));
}

/** 核验评分日志: the office checks that no score was changed outside the log. */
export async function verifySelectionChain(ctx: ServiceContext, roundId: number): Promise<ChainVerdict> {
  requireSelectionStaff(ctx);
  await roundRow(ctx.db, roundId);
  return verifySelectionChainIn(ctx.db, roundId);
}

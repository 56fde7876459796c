import { asc, desc, eq } from 'drizzle-orm';
import type { CompetitionStatus } from '../../../shared/contracts/competitions.js';
import { chainLinks, verifyLinks, type ChainVerdict } from '../../core/chain/chain.js';
import type { Actor, Clock } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { competitions } from '../competitions/tables.js';
import { markEvents } from './tables.js';

export interface MarkEvent {
  kind: 'mark' | 'part_score' | 'completion_time' | 'spread_confirm' | 'signoff' | 'amendment_request' | 'amendment_decision' | 'paper_key';
  entryId?: number | null;
  aspectId?: number | null;
  judgeId?: number | null;
  part?: string | null;
  value?: number | null;
  previousValue?: number | null;
  version?: number | null;
  source?: string | null;
  reason?: string | null;
  device?: string | null;
}

/** What is hashed (core/chain: hash = SHA-256(previous hash ‖ canonical JSON of the event)). */
type Content = Required<MarkEvent> & { competitionId: number; seq: number; at: string; actorId: number | null };

const norm = (e: MarkEvent) => ({
  kind: e.kind, entryId: e.entryId ?? null, aspectId: e.aspectId ?? null, judgeId: e.judgeId ?? null, part: e.part ?? null,
  value: e.value ?? null, previousValue: e.previousValue ?? null, version: e.version ?? null, source: e.source ?? null,
  reason: e.reason ?? null, device: e.device ?? null,
});

/**
 * Takes the competition's chain lock — its row, FOR UPDATE — and reads its status and version in
 * the same statement: call first in every transaction that changes a score. A writer that waited
 * for the lock reads the row as its holder left it (PostgreSQL re-reads a locked row after the
 * wait), and every later statement of the transaction sees what the holder committed.
 */
export async function lockMarkChain(tx: DbOrTx, competitionId: number): Promise<{ status: CompetitionStatus; version: number } | null> {
  const [c] = await tx.select({ status: competitions.status, version: competitions.version }).from(competitions)
    .where(eq(competitions.id, competitionId)).for('update');
  return c ?? null;
}

/** Appends one event to the competition's chain (the caller holds the chain lock). */
export async function appendMarkEvent(tx: DbOrTx, who: { actor: Actor | null; clock: Clock }, competitionId: number, event: MarkEvent) {
  const [last] = await tx.select({ seq: markEvents.seq, hash: markEvents.hash }).from(markEvents)
    .where(eq(markEvents.competitionId, competitionId)).orderBy(desc(markEvents.seq)).limit(1);
  return appendMarkEventAfter(tx, who, competitionId, last ?? null, event);
}

/** The same, when the caller already read the chain's last event under the lock. */
export async function appendMarkEventAfter(tx: DbOrTx, who: { actor: Actor | null; clock: Clock }, competitionId: number, last: { seq: number; hash: string } | null, event: MarkEvent) {
  const [row] = buildMarkEvents(competitionId, last, [{ event, at: who.clock.now(), actorId: who.actor?.id ?? null }]);
  await tx.insert(markEvents).values(row!);
  return row!.seq;
}

/** Recomputes a competition's chain; names the first broken event. */
export async function verifyMarkChain(db: DbOrTx, competitionId: number): Promise<ChainVerdict> {
  const rows = await db.select().from(markEvents).where(eq(markEvents.competitionId, competitionId)).orderBy(asc(markEvents.seq));
  return verifyLinks(rows, (r): Content => ({ ...norm(r as MarkEvent), competitionId, seq: r.seq, at: r.at.toISOString(), actorId: r.actorId }));
}

/** The competition's last event (seq and hash), or null while its chain is empty. */
export async function lastMarkEvent(tx: DbOrTx, competitionId: number): Promise<{ seq: number; hash: string } | null> {
  const [last] = await tx.select({ seq: markEvents.seq, hash: markEvents.hash }).from(markEvents)
    .where(eq(markEvents.competitionId, competitionId)).orderBy(desc(markEvents.seq)).limit(1);
  return last ?? null;
}

/**
 * The rows `appendMarkEvent` would write for these events one after another, chained after `last`
 * (null: an empty chain) — for a bulk insert (the demo loader). The caller holds the chain lock,
 * reads `last` inside the same transaction, and inserts the rows in order.
 */
export function buildMarkEvents(
  competitionId: number,
  last: { seq: number; hash: string } | null,
  events: readonly { event: MarkEvent; at: Date; actorId: number | null }[],
): (typeof markEvents.$inferInsert)[] {
  return chainLinks(last, events.map(({ event, at, actorId }) => (seq: number): Content => ({ ...norm(event), competitionId, seq, at: at.toISOString(), actorId })))
    .map(({ content, prevHash, hash }, i) => ({ ...content, at: events[i]!.at, prevHash, hash }));
}

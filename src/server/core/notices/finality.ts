import { and, count, eq, inArray, lte, max, notExists, sql } from 'drizzle-orm';
import { NOTICE, PENDING_OBJECTION } from '../../../shared/notices/states.js';
import { recordAudit } from '../audit/service.js';
import type { Clock, ServiceContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import type { PiiCipher } from '../pii/cipher.js';
import { beijingDayBefore } from './present.js';
import { invalidateNotice, noticeSubject } from './registry.js';
import './subjects.js';
import { noticeObjections, notices } from './tables.js';

type Row = typeof notices.$inferSelect;

/**
 * 公示期满: every open notice whose period has ended with no objection open or under
 * investigation becomes final, and its subject takes effect, each in its own transaction.
 * Safe to run from several places at once (the row lock and the status re-check decide).
 * Returns the ids made final. Run by a timer (main.ts) and before every notice read.
 */
export async function finalizeDueNotices(db: Db, clock: Clock, pii: PiiCipher): Promise<number[]> {
  const now = clock.now();
  const pending = db.select({ one: sql`1` }).from(noticeObjections)
    .where(and(eq(noticeObjections.noticeId, notices.id), inArray(noticeObjections.status, [...PENDING_OBJECTION])));
  const due = await db.select({ id: notices.id }).from(notices)
    .where(and(eq(notices.status, 'open'), lte(notices.endsAt, now), notExists(pending))).orderBy(notices.id);
  const ctx: ServiceContext = { db, actor: null, clock, pii };
  const done: number[] = [];
  for (const { id } of due) {
    const row = await finalizeOne(ctx, id, now).catch((e: unknown) => {
      // One subject failing must not hold back the others; the next sweep tries again.
      console.error(`notices: notice ${id} could not be made final`, e);
      return null;
    });
    if (row) {
      invalidateNotice(db, row);
      done.push(id);
    }
  }
  return done;
}

function finalizeOne(ctx: ServiceContext, id: number, now: Date): Promise<Row | null> {
  return ctx.db.transaction(async (tx) => {
    const [n] = await tx.select().from(notices).where(eq(notices.id, id)).for('update');
    if (!n || n.status !== 'open' || n.endsAt > now) return null;
    const [handled] = await tx.select({ lastHandled: max(noticeObjections.handledAt) }).from(noticeObjections)
      .where(eq(noticeObjections.noticeId, id));
    const [pendingNow] = await tx.select({ n: count() }).from(noticeObjections)
      .where(and(eq(noticeObjections.noticeId, id), inArray(noticeObjections.status, [...PENDING_OBJECTION])));
    if (pendingNow!.n > 0) return null;
    // Final when the period ended, or when the last objection was dismissed after it.
    const lastHandled = handled?.lastHandled ? new Date(handled.lastHandled) : null;
    const closedAt = lastHandled && lastHandled > n.endsAt ? lastHandled : n.endsAt;
    NOTICE.assert(n.status, 'final');
    const [after] = await tx.update(notices).set({ status: 'final', closedAt, closedReason: '公示期满，无待处理异议', version: n.version + 1 })
      .where(eq(notices.id, id)).returning();
    await noticeSubject(n.kind).onFinal(tx, ctx, n.subjectId, beijingDayBefore(closedAt));
    await recordAudit(tx, ctx, { action: 'notice.final', entity: 'notice', entityId: id, before: { status: 'open' }, after: { status: 'final', closedAt } });
    return after!;
  });
}

/** Before a read: make due notices final, so nobody reads "公示中" after the period. */
export async function sweepBeforeRead(ctx: Pick<ServiceContext, 'db' | 'clock' | 'pii'>): Promise<void> {
  await finalizeDueNotices(ctx.db, ctx.clock, ctx.pii);
}


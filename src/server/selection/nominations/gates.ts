import { and, count, eq, ne } from 'drizzle-orm';
import { beijingDate } from '../../../shared/calendar/working-days.js';
import { recordAudit } from '../../core/audit/service.js';
import { registerStageGate } from '../rounds/gates.js';
import { selectionCandidates, selectionVerifications } from './tables.js';

/** What closes out a returned candidate not resubmitted by the end of the eligibility stage. */
export const NOT_RESUBMITTED = '退回后未在期限内重新提交';

/** 推荐报名: counts the candidates; may close once the window has passed. */
registerStageGate('nomination', {
  count: async (tx, round) => {
    const [r] = await tx.select({ n: count() }).from(selectionCandidates).where(and(eq(selectionCandidates.roundId, round.id), ne(selectionCandidates.status, 'withdrawn')));
    return r?.n ?? 0;
  },
  blockers: async (_tx, ctx, _round, stage) => {
    if (stage.kind !== 'nomination') return [];
    return beijingDate(ctx.clock.now()) <= stage.closesOn ? [`推荐报名截止于 ${stage.closesOn}`] : [];
  },
});

/**
 * 资格审查: counts the eligible; waits for every candidate awaiting review. Returned candidates do
 * not hold it up: when it closes they become ineligible (the reason recorded and audited).
 */
registerStageGate('eligibility', {
  count: async (tx, round) => {
    const [r] = await tx.select({ n: count() }).from(selectionCandidates).where(and(eq(selectionCandidates.roundId, round.id), eq(selectionCandidates.status, 'eligible')));
    return r?.n ?? 0;
  },
  blockers: async (tx, _ctx, round) => {
    const [r] = await tx.select({ n: count() }).from(selectionCandidates).where(and(eq(selectionCandidates.roundId, round.id), eq(selectionCandidates.status, 'submitted')));
    return r && r.n > 0 ? [`待审查 ${r.n} 人`] : [];
  },
  onClose: async (tx, ctx, round) => {
    const returned = await tx.select().from(selectionCandidates).where(and(eq(selectionCandidates.roundId, round.id), eq(selectionCandidates.status, 'returned'))).for('update');
    const now = ctx.clock.now();
    for (const c of returned) {
      await tx.update(selectionCandidates).set({ status: 'ineligible', returnReason: NOT_RESUBMITTED, version: c.version + 1, updatedAt: now }).where(eq(selectionCandidates.id, c.id));
      await tx.insert(selectionVerifications).values({ candidateId: c.id, decision: 'ineligible', reason: NOT_RESUBMITTED, conditionsAccepted: [], verifiedBy: ctx.actor!.id, verifiedAt: now });
      await recordAudit(tx, ctx, { action: 'selection.close_returned', entity: 'selection_candidate', entityId: c.id, before: { status: 'returned', reason: c.returnReason }, after: { status: 'ineligible', reason: NOT_RESUBMITTED } });
    }
  },
});

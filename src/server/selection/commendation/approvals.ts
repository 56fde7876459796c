import { and, asc, eq } from 'drizzle-orm';
import type { Approvals } from '../../../shared/contracts/selection-cuts.js';
import { accounts } from '../../core/accounts/tables.js';
import { recordAudit } from '../../core/audit/service.js';
import type { ServiceContext } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { conflict, forbidden, invalid } from '../../http/errors.js';
import { requireRole } from '../../policy.js';
import { presentCut } from '../cuts/service.js';
import { currentCut, finalCutStage, latestNotice, type CutRecord } from '../cuts/store.js';
import { lockRound, openStage, requireSelectionStaff, roundRow, type RoundRow } from '../rounds/policy.js';
import { selectionApprovals } from './tables.js';

/**
 * 评审委员会审定: each committee member approves the final cut's list, or objects with a note.
 * One decision per member per cut, recorded and audited. An objection blocks the approval stage
 * until the member withdraws it (by approving the same list, audited as such) or the list is
 * replaced by a new cut, which starts the approvals afresh (they are per cut). An administrator
 * may not decide on a member's behalf.
 */

export const approvalsRequired = (round: RoundRow): number => {
  const s = round.rules.stages.find((x) => x.kind === 'approval');
  return s?.kind === 'approval' ? s.approvalsRequired : 0;
};

export async function approvalState(db: DbOrTx, round: RoundRow): Promise<{ cut: CutRecord | null; approved: number; objections: { name: string; note: string | null }[]; required: number }> {
  const def = finalCutStage(round.rules);
  const cut = def ? await currentCut(db, round.id, def.key) : null;
  const required = approvalsRequired(round);
  if (!cut) return { cut: null, approved: 0, objections: [], required };
  const rows = await db.select({ decision: selectionApprovals.decision, note: selectionApprovals.note, name: accounts.displayName })
    .from(selectionApprovals).innerJoin(accounts, eq(accounts.id, selectionApprovals.accountId)).where(eq(selectionApprovals.cutId, cut.id));
  return {
    cut, required, approved: rows.filter((r) => r.decision === 'approve').length,
    objections: rows.filter((r) => r.decision === 'object').map((r) => ({ name: r.name, note: r.note })),
  };
}

/** Why the final list is not yet approved (empty: it is). */
export async function approvalBlockers(db: DbOrTx, round: RoundRow): Promise<string[]> {
  const s = await approvalState(db, round);
  if (!s.cut) return ['最终入围名单尚未冻结'];
  const out: string[] = [];
  if (s.approved < s.required) out.push(`已有 ${s.approved}/${s.required} 名评审委员会委员审定同意`);
  for (const o of s.objections) out.push(`委员 ${o.name} 提出异议：${o.note ?? ''}`);
  return out;
}

/** Members decide during the approval stage, or during the notice stage while the list is being corrected. */
async function whyClosed(db: DbOrTx, round: RoundRow): Promise<string | null> {
  const open = openStage(round);
  if (open?.kind === 'approval') return null;
  if (open?.kind === 'notice') {
    const n = await latestNotice(db, 'selection-experts', round.id);
    if (!n || n.status === 'suspended') return null;
    return n.status === 'final' ? '公示已期满，名单已生效' : '名单正在公示中';
  }
  return open ? `当前阶段为「${open.name}」，不在评审委员会审定阶段` : '评选已结束';
}

export async function listApprovals(ctx: ServiceContext, roundId: number): Promise<Approvals> {
  const actor = requireSelectionStaff(ctx);
  const round = await roundRow(ctx.db, roundId);
  const s = await approvalState(ctx.db, round);
  const rows = s.cut
    ? await ctx.db.select({ accountId: selectionApprovals.accountId, name: accounts.displayName, decision: selectionApprovals.decision, note: selectionApprovals.note, at: selectionApprovals.at })
      .from(selectionApprovals).innerJoin(accounts, eq(accounts.id, selectionApprovals.accountId)).where(eq(selectionApprovals.cutId, s.cut.id)).orderBy(asc(selectionApprovals.at))
    : [];
  return {
    required: s.required, cut: s.cut ? await presentCut(ctx.db, s.cut) : null,
    approvals: rows.map((r) => ({ ...r, at: r.at.toISOString() })),
    approved: s.approved, objections: s.objections.length,
    mine: rows.find((r) => r.accountId === actor.id)?.decision ?? null,
    open: s.cut != null && (await whyClosed(ctx.db, round)) == null,
  };
}

export async function decideApproval(ctx: ServiceContext, roundId: number, input: { cutId: number; decision: 'approve' | 'object'; note?: string }): Promise<Approvals> {
  const actor = ctx.actor?.role === 'admin' ? null : requireRole(ctx, 'committee');
  if (!actor) throw forbidden('审定须由评审委员会委员本人作出，管理员不能代为审定');
  const note = input.note?.trim() || null;
  if (input.decision === 'object' && (!note || note.length < 4)) throw invalid('note', '提出异议须写明理由（至少 4 个字）');
  await ctx.db.transaction(async (tx) => {
    const round = await lockRound(tx, roundId);
    const why = await whyClosed(tx, round);
    if (why) throw conflict(why);
    const s = await approvalState(tx, round);
    if (!s.cut) throw conflict('最终入围名单尚未冻结，无可审定的名单');
    if (s.cut.id !== input.cutId) throw conflict('名单已更新，请审定最新冻结的名单', 'cutId');
    const [mine] = await tx.select().from(selectionApprovals).where(and(eq(selectionApprovals.cutId, s.cut.id), eq(selectionApprovals.accountId, actor.id))).for('update');
    const now = ctx.clock.now();
    if (mine) {
      if (mine.decision === 'approve') throw conflict('您已审定同意此名单，不能重复审定', 'decision');
      if (input.decision === 'object') throw conflict('您已对此名单提出异议', 'decision');
      await tx.update(selectionApprovals).set({ decision: 'approve', note, at: now }).where(eq(selectionApprovals.id, mine.id));
      await recordAudit(tx, ctx, { action: 'selection.approval.withdraw_objection', entity: 'selection_approval', entityId: mine.id, before: { decision: 'object', note: mine.note }, after: { decision: 'approve', note } });
      return;
    }
    const [row] = await tx.insert(selectionApprovals).values({ roundId, cutId: s.cut.id, accountId: actor.id, decision: input.decision, note, at: now }).returning();
    await recordAudit(tx, ctx, {
      action: input.decision === 'approve' ? 'selection.approval.approve' : 'selection.approval.object', entity: 'selection_approval', entityId: row!.id,
      after: { cutId: s.cut.id, hash: s.cut.hash, decision: input.decision, note },
    });
  });
  return listApprovals(ctx, roundId);
}

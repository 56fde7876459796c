import { and, asc, eq, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { beijingTime } from '../../../shared/beijing-time.js';
import type { Appeal, AppealDecision } from '../../../shared/contracts/appeals.js';
import { isDecoded, type CompetitionStatus } from '../../../shared/competition/states.js';
import { APPEAL } from '../../../shared/notices/states.js';
import { accounts } from '../../core/accounts/tables.js';
import { recordAudit } from '../../core/audit/service.js';
import { competitionRow, isOrganizer, requireOrganizer } from '../competitions/policy.js';
import type { Actor, ServiceContext } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { entries } from '../entries/tables.js';
import { AppError, conflict, notFound } from '../../http/errors.js';
import { requestAmendment } from '../marks/amendments.js';
import { lockMarkChain } from '../marks/chain.js';
import { amendments } from '../marks/tables.js';
import { people } from '../../core/people/tables.js';
import { requireRole } from '../../policy.js';
import { units } from '../../core/units/tables.js';
import { APPEAL_READERS, appealScope, requireAppellant } from './policy.js';
import { appeals } from './tables.js';
import { appealWindow, APPEALABLE, presentWindow } from './window.js';

const lodger = alias(accounts, 'lodger');
const decider = alias(accounts, 'decider');
const LODGER_KIND_NAMES = { person: '选手本人', unit: '参赛单位' } as const;

/**
 * Appeals with what the reader may see. Before decoding the organizers see the code alone (as
 * for amendments: no list may join a code to a registered person before 解密 — not even the entry
 * id); a unit or a contestant sees their own names, which they know anyway, and no code.
 * `view`: 'all' once decoded, else 'code' (organizers) or 'names' (the appellant's side).
 */
type AppealView = 'all' | 'code' | 'names';
const appealView = (actor: Actor, status: CompetitionStatus): AppealView => (isDecoded(status) ? 'all' : isOrganizer(actor) ? 'code' : 'names');

async function appealRows(db: DbOrTx, competitionId: number, where: SQL | undefined, view: AppealView): Promise<Appeal[]> {
  const showNames = view !== 'code';
  const rows = await db.select({
    a: appeals, code: entries.code, name: people.name, unitName: units.name, lodgedByName: lodger.displayName, decidedByName: decider.displayName, amendmentStatus: amendments.status,
  }).from(appeals).innerJoin(entries, eq(entries.id, appeals.entryId)).innerJoin(people, eq(people.id, entries.personId)).innerJoin(units, eq(units.id, entries.unitId))
    .innerJoin(lodger, eq(lodger.id, appeals.lodgedBy)).leftJoin(decider, eq(decider.id, appeals.decidedBy)).leftJoin(amendments, eq(amendments.id, appeals.amendmentId))
    .where(and(eq(appeals.competitionId, competitionId), where)).orderBy(asc(appeals.id));
  return rows.map(({ a, ...r }) => ({
    id: a.id, competitionId: a.competitionId, entryId: view === 'code' ? null : a.entryId, code: view === 'names' ? null : r.code,
    name: showNames ? r.name : null, unitName: showNames ? r.unitName : null, lodgerKind: a.lodgerKind,
    lodgedByName: showNames ? r.lodgedByName : LODGER_KIND_NAMES[a.lodgerKind], content: a.content, lodgedAt: a.lodgedAt.toISOString(),
    status: a.status, decision: a.decision, decidedByName: r.decidedByName, decidedAt: a.decidedAt?.toISOString() ?? null,
    amendmentId: a.amendmentId, amendmentStatus: r.amendmentStatus,
  }));
}

export async function getAppealWindow(ctx: ServiceContext, competitionId: number) {
  requireRole(ctx, ...APPEAL_READERS);
  return presentWindow(appealWindow(await competitionRow(ctx.db, competitionId), ctx.clock.now()));
}

export async function listAppeals(ctx: ServiceContext, competitionId: number): Promise<Appeal[]> {
  const { actor, where } = appealScope(ctx);
  const c = await competitionRow(ctx.db, competitionId);
  return appealRows(ctx.db, competitionId, where, appealView(actor, c.status));
}

async function oneAppeal(ctx: ServiceContext, db: DbOrTx, competitionId: number, id: number): Promise<Appeal> {
  const c = await competitionRow(db, competitionId);
  const [a] = await appealRows(db, competitionId, eq(appeals.id, id), appealView(ctx.actor!, c.status));
  return a!;
}

/** 提出申诉: within the window, for one's own entry (a contestant) or one's entrant (a unit). */
export async function lodgeAppeal(ctx: ServiceContext, competitionId: number, input: { entryId: number; content: string }): Promise<Appeal> {
  requireRole(ctx, 'person', 'unit');
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const c = await competitionRow(tx, competitionId);
    const [entry] = await tx.select().from(entries).where(and(eq(entries.id, input.entryId), eq(entries.competitionId, competitionId)));
    if (!entry) throw notFound('参赛报名');
    const actor = requireAppellant(ctx, entry);
    if (entry.status !== 'approved') throw conflict('该报名未参赛，不能申诉');
    const w = appealWindow(c, now);
    if (!w.endedAt) throw new AppError(409, 'APPEAL_CLOSED', '竞赛尚未结束（成绩尚未锁定），申诉期尚未开始');
    if (!w.open) throw new AppError(409, 'APPEAL_CLOSED', `申诉期已于 ${beijingTime(w.deadline!)}（北京时间）截止，不再受理申诉`);
    const [pending] = await tx.select({ id: appeals.id }).from(appeals).where(and(eq(appeals.entryId, entry.id), eq(appeals.status, 'lodged')));
    if (pending) throw conflict('该选手已有待仲裁的申诉，请等待仲裁结果');
    const [a] = await tx.insert(appeals).values({ competitionId, entryId: entry.id, lodgedBy: actor.id, lodgerKind: actor.role, content: input.content, lodgedAt: now }).returning();
    await recordAudit(tx, ctx, { action: 'appeal.lodge', entity: 'appeal', entityId: a!.id, after: { competitionId, entryId: entry.id, lodgerKind: actor.role } });
    return oneAppeal(ctx, tx, competitionId, a!.id);
  });
}

/**
 * 仲裁: the organizers decide. Dismissed records the reason. Upheld records it and files the
 * score change as an amendment (成绩更正) in the same transaction; a second person approves it
 * through the amendment route, and the results, computed from the mark chain, re-rank.
 */
export async function decideAppeal(ctx: ServiceContext, competitionId: number, appealId: number, decision: AppealDecision): Promise<Appeal> {
  const actor = requireOrganizer(ctx);
  return ctx.db.transaction(async (tx) => {
    const c = await lockMarkChain(tx, competitionId);
    if (!c) throw notFound('竞赛');
    const [a] = await tx.select().from(appeals).where(and(eq(appeals.id, appealId), eq(appeals.competitionId, competitionId))).for('update');
    if (!a) throw notFound('申诉');
    APPEAL.assert(a.status, decision.outcome);
    if (!APPEALABLE.includes(c.status)) throw conflict('成绩已公示，不能再仲裁申诉；如需更正，请先撤回公示');
    let amendmentId: number | null = null;
    if (decision.outcome === 'upheld') {
      const [entry] = await tx.select({ code: entries.code }).from(entries).where(eq(entries.id, a.entryId));
      if (!entry?.code) throw conflict('该选手没有参赛编号，无法更正成绩');
      // The amendment's own transaction becomes a savepoint of this one: both commit or neither.
      const amendment = await requestAmendment({ ...ctx, db: tx }, competitionId, {
        code: entry.code, ...decision.amendment, reason: `申诉成立（申诉 ${a.id}）：${decision.reason}`,
      });
      amendmentId = amendment.id;
    }
    await tx.update(appeals).set({ status: decision.outcome, decision: decision.reason, decidedBy: actor.id, decidedAt: ctx.clock.now(), amendmentId })
      .where(eq(appeals.id, a.id));
    await recordAudit(tx, ctx, { action: `appeal.${decision.outcome}`, entity: 'appeal', entityId: a.id, before: { status: a.status }, after: { ...decision, amendmentId } });
    return oneAppeal(ctx, tx, competitionId, a.id);
  });
}

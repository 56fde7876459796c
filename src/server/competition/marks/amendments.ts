import { and, asc, eq, inArray } from 'drizzle-orm';
import { checkMarkValue, checkPartScore } from '../../../shared/competition/marks.js';
import { AMENDMENT } from '../../../shared/competition/states.js';
import { recordAudit } from '../../core/audit/service.js';
import { competitionRow, isOrganizer, requireStaff } from '../competitions/policy.js';
import type { ServiceContext } from '../../context.js';
import { forbidden, conflict, invalid, notFound } from '../../http/errors.js';
import { entries } from '../entries/tables.js';
import { appendMarkEvent, lockMarkChain } from './chain.js';
import { WHOLE } from './policy.js';
import { aspectOf, entryByCode } from './service.js';
import { amendments, marks, partScores, signoffs } from './tables.js';

/** Organizers and the chief judge handle amendments (成绩更正). */
async function requireAmender(ctx: ServiceContext, competitionId: number) {
  if (ctx.actor && isOrganizer(ctx.actor)) return ctx.actor;
  return (await requireStaff(ctx, competitionId, 'chief')).actor;
}

export interface AmendmentInput {
  code: string;
  part: 'practical' | 'theory' | 'oral';
  aspectId?: number;
  judgeId?: number;
  newValue: number;
  reason: string;
}

/** Asks to change a locked mark; the original stays in the log whatever is decided. */
export async function requestAmendment(ctx: ServiceContext, competitionId: number, input: AmendmentInput) {
  await requireAmender(ctx, competitionId);
  if (input.reason.trim().length < 4) throw invalid('reason', '请写明更正理由');
  return ctx.db.transaction(async (tx) => {
    await lockMarkChain(tx, competitionId);
    await competitionRow(tx, competitionId);
    const entry = await entryByCode(tx, competitionId, input.code);
    let oldValue: number;
    if (input.part === 'practical') {
      if (!input.aspectId || !input.judgeId) throw invalid('aspectId', '实操成绩更正须指明评分细则和裁判');
      const aspect = await aspectOf(tx, competitionId, input.aspectId);
      const bad = checkMarkValue(aspect, input.newValue);
      if (bad) throw invalid('newValue', bad);
      const [signed] = await tx.select().from(signoffs)
        .where(and(eq(signoffs.competitionId, competitionId), inArray(signoffs.criterionCode, [aspect.criterionCode, WHOLE])));
      if (!signed) throw conflict('该评分模块尚未签字确认，可直接由裁判修改，无需更正申请');
      const [m] = await tx.select().from(marks).where(and(eq(marks.entryId, entry.entryId), eq(marks.aspectId, aspect.id), eq(marks.judgeId, input.judgeId)));
      if (!m) throw notFound('评分');
      oldValue = m.value;
    } else {
      const bad = checkPartScore(input.newValue);
      if (bad) throw invalid('newValue', bad);
      const [whole] = await tx.select().from(signoffs).where(and(eq(signoffs.competitionId, competitionId), eq(signoffs.criterionCode, WHOLE)));
      if (!whole) throw conflict('成绩尚未锁定，可直接修改，无需更正申请');
      const [s] = await tx.select().from(partScores).where(and(eq(partScores.entryId, entry.entryId), eq(partScores.part, input.part)));
      if (!s) throw notFound('成绩');
      oldValue = s.value;
    }
    const [a] = await tx.insert(amendments).values({
      competitionId, entryId: entry.entryId, aspectId: input.aspectId ?? null, judgeId: input.judgeId ?? null, part: input.part,
      oldValue, newValue: input.newValue, reason: input.reason, requestedBy: ctx.actor!.id, requestedAt: ctx.clock.now(),
    }).returning();
    await appendMarkEvent(tx, ctx, competitionId, { kind: 'amendment_request', entryId: entry.entryId, aspectId: input.aspectId, judgeId: input.judgeId, part: input.part, value: input.newValue, previousValue: oldValue, reason: input.reason, source: `amendment:${a!.id}` });
    await recordAudit(tx, ctx, { action: 'amendment.request', entity: 'amendment', entityId: a!.id, after: { ...input, oldValue } });
    return { id: a!.id, status: a!.status };
  });
}

/** A second person approves or rejects; an approval changes the mark through the chain. */
export async function decideAmendment(ctx: ServiceContext, competitionId: number, amendmentId: number, input: { approve: boolean; note?: string }) {
  const actor = await requireAmender(ctx, competitionId);
  return ctx.db.transaction(async (tx) => {
    await lockMarkChain(tx, competitionId);
    const [a] = await tx.select().from(amendments).where(and(eq(amendments.id, amendmentId), eq(amendments.competitionId, competitionId)));
    if (!a) throw notFound('更正申请');
    if (a.requestedBy === actor.id) throw forbidden('更正申请须由申请人以外的第二人批准');
    const to = input.approve ? 'approved' : 'rejected';
    AMENDMENT.assert(a.status, to);
    const now = ctx.clock.now();
    await tx.update(amendments).set({ status: to, decidedBy: actor.id, decidedAt: now, decisionNote: input.note ?? null }).where(eq(amendments.id, a.id));
    let version: number | null = null;
    if (input.approve) {
      if (a.part === 'practical') {
        const [m] = await tx.select().from(marks).where(and(eq(marks.entryId, a.entryId), eq(marks.aspectId, a.aspectId!), eq(marks.judgeId, a.judgeId!)));
        version = m!.version + 1;
        await tx.update(marks).set({ value: a.newValue, version, source: 'amendment', updatedAt: now }).where(eq(marks.id, m!.id));
      } else {
        const [s] = await tx.select().from(partScores).where(and(eq(partScores.entryId, a.entryId), eq(partScores.part, a.part)));
        version = s!.version + 1;
        await tx.update(partScores).set({ value: a.newValue, version, source: 'amendment', updatedAt: now }).where(and(eq(partScores.entryId, a.entryId), eq(partScores.part, a.part)));
      }
    }
    await appendMarkEvent(tx, ctx, competitionId, {
      kind: 'amendment_decision', entryId: a.entryId, aspectId: a.aspectId, judgeId: a.judgeId, part: a.part,
      value: input.approve ? a.newValue : null, previousValue: a.oldValue, version, reason: input.note ?? null, source: `amendment:${a.id}:${to}`,
    });
    await recordAudit(tx, ctx, { action: `amendment.${to}`, entity: 'amendment', entityId: a.id, after: { note: input.note ?? null } });
    return { id: a.id, status: to };
  });
}

export async function listAmendments(ctx: ServiceContext, competitionId: number) {
  await requireAmender(ctx, competitionId);
  // By code, never by entry id: the list must not join a code to a registered person before decoding.
  const rows = await ctx.db.select({ a: amendments, code: entries.code }).from(amendments).innerJoin(entries, eq(entries.id, amendments.entryId))
    .where(eq(amendments.competitionId, competitionId)).orderBy(asc(amendments.id));
  return rows.map(({ a, code }) => ({
    id: a.id, code, aspectId: a.aspectId, judgeId: a.judgeId, part: a.part, oldValue: a.oldValue, newValue: a.newValue, reason: a.reason,
    status: a.status, requestedBy: a.requestedBy, requestedAt: a.requestedAt.toISOString(), decidedBy: a.decidedBy, decidedAt: a.decidedAt?.toISOString() ?? null, decisionNote: a.decisionNote,
  }));
}


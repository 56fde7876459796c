import { and, asc, eq } from 'drizzle-orm';
import { checkMarkValue } from '../../../shared/competition/marks.js';
import { accounts } from '../../core/accounts/tables.js';
import { isOrganizer, requireStaff } from '../competitions/policy.js';
import type { ServiceContext } from '../../context.js';
import { entries } from '../entries/tables.js';
import { conflict, forbidden, invalid } from '../../http/errors.js';
import { panelFor } from '../judging/panels.js';
import { schemeAspects } from '../schemes/tables.js';
import { appendMarkEvent, lockMarkChain } from './chain.js';
import { aspectOf, entryByCode, submitMark } from './service.js';
import { marks, paperKeys } from './tables.js';

export interface PaperKeyInput {
  code: string;
  aspectId: number;
  /** Whose paper score sheet this is. */
  judgeId: number;
  slot: 1 | 2;
  value: number;
}

/**
 * 双人录入: marks from paper score sheets are keyed twice, blind, by two different operators. A
 * matching pair becomes the judge's mark (source 'paper'); a mismatch is listed for
 * reconciliation. An operator never sees the other operator's value.
 */
export async function keyPaperMark(ctx: ServiceContext, competitionId: number, input: PaperKeyInput) {
  const { actor } = await requireStaff(ctx, competitionId, 'operator');
  const outcome = await ctx.db.transaction(async (tx) => {
    const c = await lockMarkChain(tx, competitionId);
    if (c?.status !== 'marking') throw conflict('评分中才能录入纸质评分表');
    const aspect = await aspectOf(tx, competitionId, input.aspectId);
    const entry = await entryByCode(tx, competitionId, input.code);
    const panel = await panelFor(tx, competitionId, aspect, entry);
    if (!panel.panel.includes(input.judgeId)) throw invalid('judgeId', `该裁判不在编号 ${input.code} 的「${aspect.code}」评分组中`);
    const problem = checkMarkValue(aspect, input.value);
    if (problem) throw invalid('value', problem);
    const keys = await tx.select().from(paperKeys).where(and(eq(paperKeys.entryId, entry.entryId), eq(paperKeys.aspectId, aspect.id), eq(paperKeys.judgeId, input.judgeId)));
    const mine = keys.find((k) => k.slot === input.slot);
    const other = keys.find((k) => k.slot !== input.slot);
    if (mine && mine.operatorId !== actor.id) throw conflict(`第 ${input.slot} 遍已由其他录分员录入`);
    if (other?.operatorId === actor.id) throw forbidden('同一录分员不能录入两遍');
    const now = ctx.clock.now();
    await tx.insert(paperKeys).values({ competitionId, entryId: entry.entryId, aspectId: aspect.id, judgeId: input.judgeId, slot: input.slot, value: input.value, operatorId: actor.id, keyedAt: now })
      .onConflictDoUpdate({ target: [paperKeys.entryId, paperKeys.aspectId, paperKeys.judgeId, paperKeys.slot], set: { value: input.value, keyedAt: now } });
    await appendMarkEvent(tx, ctx, competitionId, { kind: 'paper_key', entryId: entry.entryId, aspectId: aspect.id, judgeId: input.judgeId, value: input.value, source: `slot:${input.slot}` });
    if (!other) return { status: 'waiting' as const };
    if (other.value !== input.value) return { status: 'mismatch' as const };
    const [m] = await tx.select({ version: marks.version }).from(marks).where(and(eq(marks.entryId, entry.entryId), eq(marks.aspectId, aspect.id), eq(marks.judgeId, input.judgeId)));
    return { status: 'matched' as const, expectedVersion: m?.version ?? 0, entryId: entry.entryId };
  });
  if (outcome.status !== 'matched') return { status: outcome.status };
  // Both keyings agree: the sheet's value becomes the judge's mark, through the same rules as any mark.
  const mark = await submitMark(ctx, competitionId, { code: input.code, aspectId: input.aspectId, value: input.value, expectedVersion: outcome.expectedVersion, device: 'paper' }, 'paper', input.judgeId);
  await ctx.db.delete(paperKeys).where(and(eq(paperKeys.competitionId, competitionId), eq(paperKeys.entryId, outcome.entryId), eq(paperKeys.aspectId, input.aspectId), eq(paperKeys.judgeId, input.judgeId)));
  return { status: 'matched' as const, version: mark.version };
}

/** Organizers and the chief judge see the pairs that disagree, with both values. */
async function requireReconciler(ctx: ServiceContext, competitionId: number) {
  if (ctx.actor && isOrganizer(ctx.actor)) return ctx.actor;
  return (await requireStaff(ctx, competitionId, 'chief')).actor;
}

export async function paperMismatches(ctx: ServiceContext, competitionId: number) {
  await requireReconciler(ctx, competitionId);
  const rows = await ctx.db.select({ k: paperKeys, code: entries.code, aspectCode: schemeAspects.code, judgeName: accounts.displayName }).from(paperKeys)
    .innerJoin(entries, eq(entries.id, paperKeys.entryId)).innerJoin(schemeAspects, eq(schemeAspects.id, paperKeys.aspectId))
    .innerJoin(accounts, eq(accounts.id, paperKeys.judgeId))
    .where(eq(paperKeys.competitionId, competitionId)).orderBy(asc(entries.code), asc(schemeAspects.position), asc(paperKeys.slot));
  const pairs = new Map<string, { code: string; aspectId: number; aspectCode: string; judgeId: number; judgeName: string; values: (number | null)[] }>();
  for (const r of rows) {
    const key = `${r.k.entryId}:${r.k.aspectId}:${r.k.judgeId}`;
    const p = pairs.get(key) ?? { code: r.code!, aspectId: r.k.aspectId, aspectCode: r.aspectCode, judgeId: r.k.judgeId, judgeName: r.judgeName, values: [null, null] };
    p.values[r.k.slot - 1] = r.k.value;
    pairs.set(key, p);
  }
  return [...pairs.values()].filter((p) => p.values[0] !== null && p.values[1] !== null && p.values[0] !== p.values[1]);
}

/** The chief judge or an organizer reads the paper sheet and settles a mismatch, with a reason. */
export async function reconcilePaper(ctx: ServiceContext, competitionId: number, input: { code: string; aspectId: number; judgeId: number; value: number; reason: string }) {
  const actor = await requireReconciler(ctx, competitionId);
  if (!input.reason.trim()) throw invalid('reason', '请填写核对说明');
  const entry = await entryByCode(ctx.db, competitionId, input.code);
  const keyedBy = await ctx.db.select({ op: paperKeys.operatorId }).from(paperKeys)
    .where(and(eq(paperKeys.entryId, entry.entryId), eq(paperKeys.aspectId, input.aspectId), eq(paperKeys.judgeId, input.judgeId)));
  if (keyedBy.some((k) => k.op === actor.id)) throw forbidden('录入该评分表的录分员不能自行核对');
  const [m] = await ctx.db.select({ version: marks.version }).from(marks).where(and(eq(marks.entryId, entry.entryId), eq(marks.aspectId, input.aspectId), eq(marks.judgeId, input.judgeId)));
  const mark = await submitMark(ctx, competitionId, { code: input.code, aspectId: input.aspectId, value: input.value, expectedVersion: m?.version ?? 0, device: `paper reconciled: ${input.reason}` }, 'paper', input.judgeId);
  await ctx.db.delete(paperKeys).where(and(eq(paperKeys.competitionId, competitionId), eq(paperKeys.entryId, entry.entryId), eq(paperKeys.aspectId, input.aspectId), eq(paperKeys.judgeId, input.judgeId)));
  return { version: mark.version };
}

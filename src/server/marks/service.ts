import { and, eq, inArray } from 'drizzle-orm';
import { checkMarkValue, spreadExceeded } from '../../shared/competition/marks.js';
import { accounts } from '../accounts/tables.js';
import { competitionRow, requireStaff } from '../competitions/policy.js';
import type { ServiceContext } from '../context.js';
import type { DbOrTx } from '../db/client.js';
import { entries } from '../entries/tables.js';
import { AppError, conflict, forbidden, invalid, notFound } from '../http/errors.js';
import { loadPanels, panelFor } from '../judging/panels.js';
import { recusalFor } from '../judging/service.js';
import { currentScheme } from '../schemes/service.js';
import { appendMarkEvent, lockMarkChain } from './chain.js';
import { requireNotSignedOff } from './policy.js';
import { marks, spreadConfirmations } from './tables.js';

export const JUDGES = ['judge', 'chief', 'substitute'] as const;

/** The entry behind a contestant code; judges never learn more than the code. */
export async function entryByCode(db: DbOrTx, competitionId: number, code: string) {
  const [e] = await db.select({ entryId: entries.id, personId: entries.personId, unitId: entries.unitId, status: entries.status, code: entries.code })
    .from(entries).where(and(eq(entries.competitionId, competitionId), eq(entries.code, code)));
  if (!e || e.status !== 'approved') throw notFound('参赛编号');
  return e;
}

export async function aspectOf(db: DbOrTx, competitionId: number, aspectId: number) {
  const scheme = await currentScheme(db, competitionId);
  const a = scheme?.aspects.find((x) => x.id === aspectId);
  if (!a) throw notFound('评分细则');
  return a;
}

/** The versions of a panel's marks, as confirmed: any re-score voids a spread confirmation. */
export const versionsKey = (rows: { judgeId: number; version: number }[]) =>
  [...rows].sort((a, b) => a.judgeId - b.judgeId).map((r) => `${r.judgeId}@${r.version}`).join(',');

/**
 * A panel's state on one aspect for one entry: the marks in, whether all are in, and whether the
 * spread (判分差异) is over 1 and not yet confirmed by the chief judge.
 */
export function panelState(panel: number[], rows: { judgeId: number; value: number; version: number }[], confirmation: { versions: string } | undefined) {
  const mine = rows.filter((r) => panel.includes(r.judgeId));
  const complete = panel.length > 0 && mine.length === panel.length;
  const exceeded = complete && spreadExceeded(mine.map((r) => r.value));
  const confirmed = exceeded && confirmation?.versions === versionsKey(mine);
  return { marks: mine, complete, flagged: exceeded && !confirmed, confirmed: !!confirmed };
}

async function spreadOf(tx: DbOrTx, competitionId: number, entryId: number, aspectId: number, panel: number[]) {
  const rows = await tx.select({ judgeId: marks.judgeId, value: marks.value, version: marks.version }).from(marks)
    .where(and(eq(marks.entryId, entryId), eq(marks.aspectId, aspectId)));
  const [conf] = await tx.select({ versions: spreadConfirmations.versions }).from(spreadConfirmations)
    .where(and(eq(spreadConfirmations.competitionId, competitionId), eq(spreadConfirmations.entryId, entryId), eq(spreadConfirmations.aspectId, aspectId)));
  return panelState(panel, rows, conf);
}

export interface MarkInput {
  code: string;
  aspectId: number;
  value: number;
  /** The version the judge last saw (0 for a first mark): a stale write is refused, never overwrites. */
  expectedVersion: number;
  device?: string;
}

/**
 * A judge's mark, by contestant code: refused when the judge is recused or not on the panel, when
 * the value breaks the aspect's rule, when marks are signed off, or when the judge's copy is stale.
 * Appends one hash-chained event; re-sending the same request is answered without a second event.
 */
export async function submitMark(ctx: ServiceContext, competitionId: number, input: MarkInput, source: 'judge' | 'paper' = 'judge', judgeId = ctx.actor?.id) {
  if (source === 'judge') await requireStaff(ctx, competitionId, ...JUDGES);
  if (!judgeId) throw forbidden();
  return ctx.db.transaction(async (tx) => {
    await lockMarkChain(tx, competitionId);
    const c = await competitionRow(tx, competitionId);
    if (c.status !== 'marking') throw conflict(c.status === 'locked' || c.status === 'decoded' ? '成绩已锁定' : '评分尚未开始');
    const aspect = await aspectOf(tx, competitionId, input.aspectId);
    const entry = await entryByCode(tx, competitionId, input.code);
    await requireNotSignedOff(tx, competitionId, aspect.criterionCode);
    const recused = await recusalFor({ ...ctx, db: tx as never }, judgeId, entry);
    if (recused) throw forbidden(`${recused.message}（编号 ${input.code}）`);
    const panel = await panelFor(tx, competitionId, aspect, entry);
    if (!panel.panel.includes(judgeId)) throw forbidden(`您不在编号 ${input.code} 的「${aspect.code}」评分组中`);
    const problem = checkMarkValue(aspect, input.value);
    if (problem) throw invalid('value', problem);

    const [prev] = await tx.select().from(marks).where(and(eq(marks.entryId, entry.entryId), eq(marks.aspectId, aspect.id), eq(marks.judgeId, judgeId)));
    const current = prev?.version ?? 0;
    if (prev && input.expectedVersion === current - 1 && prev.value === input.value) {
      // The same request again (a retry after a lost answer): already recorded once.
      return { code: input.code, aspectId: aspect.id, value: prev.value, version: prev.version, replayed: true, ...(await spreadOf(tx, competitionId, entry.entryId, aspect.id, panel.panel)) };
    }
    if (input.expectedVersion !== current) {
      throw new AppError(409, 'STALE', `该评分已被更新（当前版本 ${current}，您提交的是基于版本 ${input.expectedVersion}），请刷新后再改`, [{ field: 'expectedVersion', message: `current ${current}` }]);
    }
    const now = ctx.clock.now();
    const version = current + 1;
    if (prev) await tx.update(marks).set({ value: input.value, version, source, updatedAt: now }).where(eq(marks.id, prev.id));
    else await tx.insert(marks).values({ competitionId, entryId: entry.entryId, aspectId: aspect.id, judgeId, value: input.value, version, source, updatedAt: now });
    await appendMarkEvent(tx, ctx, competitionId, {
      kind: 'mark', entryId: entry.entryId, aspectId: aspect.id, judgeId, value: input.value, previousValue: prev?.value ?? null, version, source,
      device: input.device?.slice(0, 200) ?? null,
    });
    return { code: input.code, aspectId: aspect.id, value: input.value, version, replayed: false, ...(await spreadOf(tx, competitionId, entry.entryId, aspect.id, panel.panel)) };
  });
}

/**
 * A judge's marking sheet: the aspects they sit on and, for each, the codes they mark with their
 * own mark and version — codes only, never a name or a unit.
 */
export async function judgeSheet(ctx: ServiceContext, competitionId: number) {
  const { actor } = await requireStaff(ctx, competitionId, ...JUDGES);
  const c = await competitionRow(ctx.db, competitionId);
  const scheme = await currentScheme(ctx.db, competitionId);
  if (!scheme || !['marking', 'locked', 'decoded'].includes(c.status)) return { status: c.status, aspects: [] };
  const p = await loadPanels(ctx.db, competitionId, scheme);
  const mine = await ctx.db.select().from(marks).where(and(eq(marks.competitionId, competitionId), eq(marks.judgeId, actor.id)));
  const mineBy = new Map(mine.map((m) => [`${m.entryId}:${m.aspectId}`, m]));
  const aspects = [];
  for (const a of scheme.aspects) {
    const rows = [];
    for (const e of p.entries) {
      if (!p.panel(e.entryId, a.id)!.panel.includes(actor.id)) continue;
      const m = mineBy.get(`${e.entryId}:${a.id}`);
      rows.push({ code: e.code!, value: m?.value ?? null, version: m?.version ?? 0 });
    }
    if (rows.length) {
      aspects.push({
        aspectId: a.id, code: a.code, criterionCode: a.criterionCode, criterionName: a.criterionName, description: a.description, kind: a.kind,
        maxMark: a.maxMark, bands: a.bands ?? null, levels: a.levels ?? null, contestants: rows,
      });
    }
  }
  return { status: c.status, aspects };
}

/** The panel's marks for one code and aspect: shown to a panel judge only after their own mark is in. */
export async function panelMarks(ctx: ServiceContext, competitionId: number, code: string, aspectId: number) {
  const { actor, roles } = await requireStaff(ctx, competitionId, ...JUDGES);
  const aspect = await aspectOf(ctx.db, competitionId, aspectId);
  const entry = await entryByCode(ctx.db, competitionId, code);
  const panel = await panelFor(ctx.db, competitionId, aspect, entry);
  const isChief = roles.has('chief');
  if (!panel.panel.includes(actor.id) && !isChief) throw forbidden('您不在该评分组中');
  const state = await spreadOf(ctx.db, competitionId, entry.entryId, aspect.id, panel.panel);
  if (!isChief && !state.marks.some((m) => m.judgeId === actor.id)) throw forbidden('提交本人评分后才能查看其他裁判的评分');
  const names = new Map((await ctx.db.select({ id: accounts.id, name: accounts.displayName }).from(accounts).where(inArray(accounts.id, [...panel.panel, -1]))).map((r) => [r.id, r.name]));
  return {
    code, aspectId, kind: aspect.kind, complete: state.complete, flagged: state.flagged, confirmed: state.confirmed,
    panel: panel.panel.map((judgeId, seat) => {
      const m = state.marks.find((x) => x.judgeId === judgeId);
      return { seat: seat + 1, judgeId, judgeName: names.get(judgeId) ?? '', value: m?.value ?? null, version: m?.version ?? 0 };
    }),
  };
}


import { and, asc, eq, inArray } from 'drizzle-orm';
import { aspectMark } from '../../../shared/competition/marks.js';
import { PART_NAMES } from '../../../shared/competition/parts.js';
import { isDecoded, marksLocked } from '../../../shared/competition/states.js';
import { CompetitionRules } from '../../../shared/contracts/competitions.js';
import type { CompetitionResults, EntryExplanation, MyResult, ResultRow } from '../../../shared/contracts/results.js';
import { rankSteps } from '../../../shared/results/explain.js';
import { accounts } from '../../core/accounts/tables.js';
import { recordAudit } from '../../core/audit/service.js';
import { competitionRow, isOrganizer, requireStaff } from '../competitions/policy.js';
import { competitions } from '../competitions/tables.js';
import type { ServiceContext } from '../../context.js';
import { entries } from '../entries/tables.js';
import { AppError, conflict, forbidden, notFound } from '../../http/errors.js';
import { appendMarkEvent, lockMarkChain } from '../marks/chain.js';
import { amendments, marks } from '../marks/tables.js';
import { requireRole } from '../../policy.js';
import { currentScheme } from '../schemes/service.js';
import { trades } from '../../core/trades/tables.js';
import { computeRanked, type Computed } from './compute.js';
import { completionTimes } from './tables.js';
import { byCodeOnly, ownUnitOnly, rankText, requireEntryReader, sealedUntilDecoded, withoutCode } from './policy.js';
import type { Lang } from '../../../shared/lang.js';

/**
 * 成绩: organizers see everything; the chief judge sees the ranking by code only; a unit sees its
 * own entrants' rows once the competition is decoded; everyone else is refused.
 */
export async function getResults(ctx: ServiceContext, competitionId: number): Promise<CompetitionResults> {
  const actor = requireRole(ctx, 'admin', 'committee', 'unit', 'judge');
  if (actor.role === 'judge') {
    await requireStaff(ctx, competitionId, 'chief');
    return byCodeOnly((await computeRanked(ctx.db, competitionId)).results);
  }
  if (actor.role === 'unit') {
    const c = await competitionRow(ctx.db, competitionId);
    if (!isDecoded(c.status)) throw conflict('成绩解密后才能查看本单位选手的成绩');
    return ownUnitOnly((await computeRanked(ctx.db, competitionId)).results, actor.unitId ?? -1);
  }
  if (!isOrganizer(actor)) throw forbidden('只有组委会可以查看全部成绩');
  return sealedUntilDecoded((await computeRanked(ctx.db, competitionId)).results);
}

const PART_NAMES_EN: Record<keyof typeof PART_NAMES, string> = { theory: 'Theory', practical: 'Practical', oral: 'Oral' };
const fmt = (v: number | null) => (v == null ? '—' : v.toFixed(2));

/** 成绩说明: each aspect's marks, the sums, and how the rank was reached against the neighbours. */
export async function explainEntry(ctx: ServiceContext, competitionId: number, entryId: number, lang: Lang = 'zh'): Promise<EntryExplanation> {
  await requireEntryReader(ctx, competitionId, entryId);
  const k = await computeRanked(ctx.db, competitionId);
  // Asked by entry id, answered with the entry's code and its neighbours': only once decoded.
  if (!isDecoded(k.status)) throw conflict('成绩解密后才能查看成绩说明（解密前成绩只按参赛编号列出）');
  const row = k.rowOf.get(entryId);
  if (!row) throw notFound('成绩');
  const decoded = isDecoded(k.status);
  const aspects = await aspectsOf(ctx, competitionId, entryId, decoded);
  const practical = row.parts.find((p) => p.key === 'practical')?.score ?? null;
  const partName = (k: keyof typeof PART_NAMES) => (lang === 'en' ? PART_NAMES_EN[k] : PART_NAMES[k]);
  const scored = row.parts.map((p) => `${partName(p.key)} ${fmt(p.score)} × ${p.weight}%`).join(' + ');
  return {
    row,
    aspects,
    practicalSum: `${aspects.map((a) => `${a.code} ${fmt(a.mark)}`).join(' + ')} = ${fmt(practical)}`,
    totalFormula: `${scored} = ${fmt(row.total)}${lang === 'en' ? ' (rounded half up to 0.01)' : '（按 0.01 分四舍五入）'}`,
    neighbours: neighbours(k, entryId),
    rankText: rankText(row, k.ranking.ranked, lang),
    amendments: (await ctx.db.select().from(amendments).where(eq(amendments.entryId, entryId)).orderBy(asc(amendments.id)))
      .map((a) => ({ id: a.id, part: a.part, oldValue: a.oldValue, newValue: a.newValue, reason: a.reason, status: a.status })),
  };
}

async function aspectsOf(ctx: ServiceContext, competitionId: number, entryId: number, decoded: boolean) {
  const scheme = await currentScheme(ctx.db, competitionId);
  const list = await ctx.db.select().from(marks).where(eq(marks.entryId, entryId)).orderBy(asc(marks.judgeId));
  const names = decoded && list.length
    ? new Map((await ctx.db.select({ id: accounts.id, name: accounts.displayName }).from(accounts).where(inArray(accounts.id, [...new Set(list.map((m) => m.judgeId))]))).map((a) => [a.id, a.name]))
    : new Map<number, string>();
  return (scheme?.aspects ?? []).map((a) => {
    const mine = list.filter((m) => m.aspectId === a.id);
    const complete = mine.length === (a.kind === 'judgement' ? 3 : 1);
    let mark: number | null = null;
    try { if (complete) mark = aspectMark(a, mine.map((m) => m.value)); } catch { mark = null; }
    return {
      criterionCode: a.criterionCode, code: a.code, title: a.description, kind: a.kind, maxMark: a.maxMark, mark,
      marks: mine.map((m, seat) => ({ judge: names.get(m.judgeId) ?? `裁判${seat + 1}`, value: m.value, source: m.source })),
    };
  });
}

function neighbours(k: Computed, entryId: number): EntryExplanation['neighbours'] {
  const i = k.indexOf.get(entryId)!;
  const p = k.ranking.order.indexOf(i);
  if (p < 0 || p >= k.ranking.ranked) return [];
  const out: EntryExplanation['neighbours'] = [];
  for (const [q, position] of [[p - 1, 'above'], [p + 1, 'below']] as const) {
    if (q < 0 || q >= k.ranking.ranked) continue;
    const j = k.ranking.order[q]!;
    const other = k.rowOf.get(k.cols.entryId[j]!)!;
    out.push({ entryId: other.entryId, code: other.code, name: other.name, rank: other.rank, position, steps: rankSteps(i, j, k.cols, k.ranking, k.rules) });
  }
  return out;
}

/** 我的成绩: a contestant's competitions, with their row once the marks are locked. */
export async function myResults(ctx: ServiceContext): Promise<MyResult[]> {
  const actor = requireRole(ctx, 'person');
  if (!actor.personId) return [];
  const list = await ctx.db.select({ entryId: entries.id, c: competitions, tradeName: trades.name }).from(entries)
    .innerJoin(competitions, eq(competitions.id, entries.competitionId)).innerJoin(trades, eq(trades.id, competitions.tradeId))
    .where(and(eq(entries.personId, actor.personId), eq(entries.status, 'approved'))).orderBy(asc(competitions.id));
  const out: MyResult[] = [];
  for (const { entryId, c, tradeName } of list) {
    let row: ResultRow | null = null;
    if (marksLocked(c.status)) row = (await computeRanked(ctx.db, c.id)).rowOf.get(entryId) ?? null;
    if (row && !isDecoded(c.status)) row = withoutCode(row);
    const hours = CompetitionRules.parse(c.rules ?? {}).appealWindowHours;
    out.push({
      competitionId: c.id, competitionName: c.name, tradeName, competitionStatus: c.status, entryId, row,
      appealDeadline: c.endedAt ? new Date(c.endedAt.getTime() + hours * 3_600_000).toISOString() : null,
    });
  }
  return out;
}

/**
 * 完成用时: the practical's completion times by code (the 'time' tie-break), entered by organizers
 * or the competition's operators while marking; each change is an event in the mark chain (its
 * value the seconds, its previous value the time it replaces).
 */
export async function recordCompletionTimes(ctx: ServiceContext, competitionId: number, input: { items: { code: string; seconds: number }[] }) {
  if (!(ctx.actor && isOrganizer(ctx.actor))) await requireStaff(ctx, competitionId, 'operator');
  return ctx.db.transaction(async (tx) => {
    const c = await lockMarkChain(tx, competitionId);
    if (!c) throw notFound('竞赛');
    if (c.status !== 'marking') throw conflict('评分中才能录入完成用时');
    const codes = [...new Set(input.items.map((i) => i.code))];
    const found = await tx.select({ id: entries.id, code: entries.code }).from(entries)
      .where(and(eq(entries.competitionId, competitionId), eq(entries.status, 'approved'), inArray(entries.code, codes)));
    const byCode = new Map(found.map((e) => [e.code!, e.id]));
    const problems: { field: string; message: string }[] = [];
    const seen = new Set<string>();
    input.items.forEach((it, i) => {
      if (!byCode.has(it.code)) problems.push({ field: `items[${i}].code`, message: `第 ${i + 1} 行：参赛编号 ${it.code} 不存在` });
      else if (seen.has(it.code)) problems.push({ field: `items[${i}].code`, message: `第 ${i + 1} 行：参赛编号 ${it.code} 重复` });
      seen.add(it.code);
    });
    if (problems.length) throw new AppError(400, 'VALIDATION', problems[0]!.message, problems);
    const ids = [...byCode.values()];
    const prev = new Map((await tx.select().from(completionTimes).where(inArray(completionTimes.entryId, ids))).map((r) => [r.entryId, r]));
    const now = ctx.clock.now();
    let changed = 0;
    for (const it of input.items) {
      const entryId = byCode.get(it.code)!;
      const before = prev.get(entryId);
      if (before?.seconds === it.seconds) continue;
      const version = (before?.version ?? 0) + 1;
      await tx.insert(completionTimes).values({ competitionId, entryId, seconds: it.seconds, version, recordedBy: ctx.actor!.id, updatedAt: now })
        .onConflictDoUpdate({ target: completionTimes.entryId, set: { seconds: it.seconds, version, recordedBy: ctx.actor!.id, updatedAt: now } });
      await appendMarkEvent(tx, ctx, competitionId, { kind: 'completion_time', entryId, version, value: it.seconds, previousValue: before?.seconds ?? null, source: 'entry' });
      changed++;
    }
    await recordAudit(tx, ctx, { action: 'results.completion_times', entity: 'competition', entityId: competitionId, after: { items: input.items.length, changed } });
    return { ok: true as const };
  });
}

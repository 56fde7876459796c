import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/service.js';
import { competitionRow, requireOrganizer, requireStaff } from '../competitions/policy.js';
import { setStatus } from '../competitions/service.js';
import type { ServiceContext } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { AppError, conflict, invalid } from '../../http/errors.js';
import { loadPanels } from '../judging/panels.js';
import { reportedCodes } from '../judging/service.js';
import { currentScheme, lockScheme } from '../schemes/service.js';
import { appendMarkEvent, lockMarkChain } from './chain.js';
import { WHOLE } from './policy.js';
import { aspectOf, entryByCode, panelState, versionsKey } from './service.js';
import { marks, partScores, signoffs, spreadConfirmations } from './tables.js';

/**
 * Where marking stands, per criterion: marks expected and entered, panels flagged for spread, and
 * sign-offs. Flagged panels are listed by code (for the chief judge), never by name.
 */
export async function computeProgress(db: DbOrTx, competitionId: number) {
  const c = await competitionRow(db, competitionId);
  const scheme = await currentScheme(db, competitionId);
  if (!scheme) return { status: c.status, criteria: [], flags: [], partScoresMissing: 0, signedOff: [] as string[], shortPanels: 0, reportedConflicts: [] as { code: string; reportedAt: string }[] };
  const p = await loadPanels(db, competitionId, scheme);
  const all = await db.select({ entryId: marks.entryId, aspectId: marks.aspectId, judgeId: marks.judgeId, value: marks.value, version: marks.version })
    .from(marks).where(eq(marks.competitionId, competitionId));
  const by = new Map<string, typeof all>();
  for (const m of all) {
    const k = `${m.entryId}:${m.aspectId}`;
    by.set(k, [...(by.get(k) ?? []), m]);
  }
  const confs = new Map((await db.select().from(spreadConfirmations).where(eq(spreadConfirmations.competitionId, competitionId))).map((s) => [`${s.entryId}:${s.aspectId}`, s]));
  const signed = (await db.select({ c: signoffs.criterionCode }).from(signoffs).where(eq(signoffs.competitionId, competitionId))).map((r) => r.c);
  const criteria = new Map<string, { code: string; name: string; expected: number; entered: number; flagged: number; shortPanels: number; signedOff: boolean }>();
  const flags: { code: string; aspectId: number; aspectCode: string; values: number[] }[] = [];
  let shortPanels = 0;
  for (const a of scheme.aspects) {
    const crit = criteria.get(a.criterionCode) ?? { code: a.criterionCode, name: a.criterionName, expected: 0, entered: 0, flagged: 0, shortPanels: 0, signedOff: signed.includes(a.criterionCode) || signed.includes(WHOLE) };
    criteria.set(a.criterionCode, crit);
    for (const e of p.entries) {
      const panel = p.panel(e.entryId, a.id)!;
      const k = `${e.entryId}:${a.id}`;
      const st = panelState(panel.panel, by.get(k) ?? [], confs.get(k));
      crit.expected += panel.panel.length + panel.short;
      crit.entered += st.marks.length;
      if (panel.short) { crit.shortPanels++; shortPanels++; }
      if (st.flagged) { crit.flagged++; flags.push({ code: e.code!, aspectId: a.id, aspectCode: a.code, values: st.marks.map((m) => m.value) }); }
    }
  }
  const otherParts = c.parts.filter((x) => x.key !== 'practical').map((x) => x.key);
  const scored = await db.select({ entryId: partScores.entryId, part: partScores.part }).from(partScores).where(eq(partScores.competitionId, competitionId));
  const have = new Set(scored.map((s) => `${s.entryId}:${s.part}`));
  const partScoresMissing = p.entries.reduce((n, e) => n + otherParts.filter((part) => !have.has(`${e.entryId}:${part}`)).length, 0);
  // 认识该选手: the codes a judge reported a conflict on — by code, never with whom.
  const reportedConflicts = await reportedCodes(db, competitionId);
  return { status: c.status, criteria: [...criteria.values()], flags, partScoresMissing, signedOff: signed, shortPanels, reportedConflicts };
}

export async function markingProgress(ctx: ServiceContext, competitionId: number) {
  if (ctx.actor?.role === 'judge') await requireStaff(ctx, competitionId, 'chief');
  else requireOrganizer(ctx);
  return computeProgress(ctx.db, competitionId);
}

/** Marking starts once every panel can be seated: the scheme is locked and judges may mark. */
export async function startMarking(ctx: ServiceContext, competitionId: number) {
  requireOrganizer(ctx);
  return ctx.db.transaction(async (tx) => {
    const c = await competitionRow(tx, competitionId);
    if (c.status !== 'drawn') throw conflict('抽签完成后才能开始评分');
    const progress = await computeProgress(tx, competitionId);
    if (progress.criteria.length === 0) throw conflict('还没有评分标准');
    if (progress.shortPanels) throw conflict(`有 ${progress.shortPanels} 个评分组裁判不足（回避后无替补），请补充裁判或替补裁判`);
    await lockScheme(tx, ctx, competitionId);
    await setStatus(tx, ctx, competitionId, 'marking');
    return { ok: true as const };
  });
}

/** 裁判长确认: the chief judge accepts a spread over 1 with a written reason (logged). */
export async function confirmSpread(ctx: ServiceContext, competitionId: number, input: { code: string; aspectId: number; reason: string }) {
  await requireStaff(ctx, competitionId, 'chief');
  if (!input.reason.trim()) throw invalid('reason', '请填写确认理由');
  return ctx.db.transaction(async (tx) => {
    await lockMarkChain(tx, competitionId);
    const aspect = await aspectOf(tx, competitionId, input.aspectId);
    const entry = await entryByCode(tx, competitionId, input.code);
    const rows = await tx.select({ judgeId: marks.judgeId, value: marks.value, version: marks.version }).from(marks)
      .where(and(eq(marks.entryId, entry.entryId), eq(marks.aspectId, aspect.id)));
    const versions = versionsKey(rows);
    await tx.insert(spreadConfirmations).values({ competitionId, entryId: entry.entryId, aspectId: aspect.id, versions, reason: input.reason, confirmedBy: ctx.actor!.id, confirmedAt: ctx.clock.now() })
      .onConflictDoUpdate({ target: [spreadConfirmations.entryId, spreadConfirmations.aspectId], set: { versions, reason: input.reason, confirmedBy: ctx.actor!.id, confirmedAt: ctx.clock.now() } });
    await appendMarkEvent(tx, ctx, competitionId, { kind: 'spread_confirm', entryId: entry.entryId, aspectId: aspect.id, reason: input.reason, source: versions });
    return { ok: true as const };
  });
}

/**
 * 签字确认: the chief judge signs off a criterion (or '*' for the whole competition) once every
 * panel is complete and no spread is left unresolved; the whole sign-off also needs every
 * theory/oral score, and locks the competition's marks.
 */
export async function signOff(ctx: ServiceContext, competitionId: number, criterionCode: string) {
  await requireStaff(ctx, competitionId, 'chief');
  return ctx.db.transaction(async (tx) => {
    await lockMarkChain(tx, competitionId);
    const c = await competitionRow(tx, competitionId);
    if (c.status !== 'marking') throw conflict('只有评分中的竞赛可以签字确认');
    const pr = await computeProgress(tx, competitionId);
    const scope = criterionCode === WHOLE ? pr.criteria : pr.criteria.filter((x) => x.code === criterionCode);
    if (scope.length === 0) throw invalid('criterionCode', `评分模块 ${criterionCode} 不存在`);
    const problems = scope.flatMap((x) => [
      ...(x.entered < x.expected ? [{ field: x.code, message: `${x.code} 还有 ${x.expected - x.entered} 个评分未录入` }] : []),
      ...(x.flagged ? [{ field: x.code, message: `${x.code} 有 ${x.flagged} 处判分差异超过 1 分待复议` }] : []),
    ]);
    if (criterionCode === WHOLE && pr.partScoresMissing) problems.push({ field: 'partScores', message: `还有 ${pr.partScoresMissing} 个理论/答辩成绩未录入` });
    if (problems.length) throw new AppError(409, 'INCOMPLETE', problems.map((p) => p.message).join('；'), problems);
    const codes = criterionCode === WHOLE ? [...scope.filter((x) => !pr.signedOff.includes(x.code)).map((x) => x.code), WHOLE] : [criterionCode];
    for (const code of codes) {
      await tx.insert(signoffs).values({ competitionId, criterionCode: code, signedBy: ctx.actor!.id, signedAt: ctx.clock.now() }).onConflictDoNothing();
      await appendMarkEvent(tx, ctx, competitionId, { kind: 'signoff', reason: code });
    }
    if (criterionCode === WHOLE) await setStatus(tx, ctx, competitionId, 'locked');
    await recordAudit(tx, ctx, { action: 'marks.signoff', entity: 'competition', entityId: competitionId, after: { criterionCode } });
    return computeProgress(tx, competitionId);
  });
}


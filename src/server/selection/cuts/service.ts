import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { CutDetail, CutExport, CutPreview, CutSummary } from '../../../shared/contracts/selection-cuts.js';
import { computeCut, cutKeys, selectedCount, type CutInput, type CutRanking, type CutRules } from '../../../shared/selection/cut.js';
import type { StageDef } from '../../../shared/selection/rules.js';
import { cutBefore, stageIndex } from '../../../shared/selection/stages.js';
import { accounts } from '../../core/accounts/tables.js';
import { recordAudit } from '../../core/audit/service.js';
import { people } from '../../core/people/tables.js';
import { units } from '../../core/units/tables.js';
import type { ServiceContext } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { rowsOf } from '../../db/sql-helpers.js';
import { conflict, invalid, notFound } from '../../http/errors.js';
import { candidatesInPlay } from '../in-play.js';
import { selectionCandidates } from '../nominations/tables.js';
import { lockRound, requireSelectionStaff, roundRow, stageOfKind, type RoundRow } from '../rounds/policy.js';
import { stageScores } from '../scores.js';
import { hashCut } from './hash.js';
import { currentCut, whyNoFreeze, type CutRecord } from './store.js';
import { selectionCuts } from './tables.js';

type CutDef = Extract<StageDef, { kind: 'cut' }>;

/**
 * The rows a cut is made from: the candidates in play at the stage (candidatesInPlay) still in the
 * running, with their exam number, name and unit, and their stage scores (stageScores). Reads the
 * round's candidates once, not by id list, so a round of 100 000 is one query.
 */
export async function cutInputs(db: DbOrTx, round: RoundRow, def: CutDef): Promise<CutInput[]> {
  const inPlay = new Set(await candidatesInPlay(db, round, stageIndex(round.rules, def.key)));
  const [scores, [list]] = await Promise.all([
    stageScores(db, round.id, round.rules, cutKeys(def)),
    // One row of JSON (id, status, exam number, name, unit) rather than 100k rows: see scores.ts.
    rowsOf<{ j: [number, string, string | null, string, string][] | null }>(db, sql`
      select json_agg(json_build_array(c.id, c.status, c.exam_number, p.name, u.name)) as j
      from ${selectionCandidates} c join ${people} p on p.id = c.person_id join ${units} u on u.id = p.unit_id
      where c.round_id = ${round.id}`),
  ]);
  const rows = (list?.j ?? []).map(([id, status, examNumber, name, unit]) => ({ id, status, examNumber, name, unit }));
  const out: CutInput[] = [];
  for (const r of rows) {
    // A candidate taken out of the running (withdrawn, or disqualified after an objection) is never in a cut.
    if (!inPlay.has(r.id) || r.status !== 'eligible') continue;
    out.push({ candidateId: r.id, examNumber: r.examNumber, name: r.name, unit: r.unit, scores: scores.get(r.id) ?? {} });
  }
  return out;
}

async function cutRulesOf(db: DbOrTx, round: RoundRow, def: CutDef): Promise<CutRules> {
  const prev = cutBefore(round.rules, stageIndex(round.rules, def.key));
  const from = prev ? await currentCut(db, round.id, prev.key) : null;
  return { roundId: round.id, roundName: round.name, stageKey: def.key, stageName: def.name, size: def.size, basis: def.basis, tie: def.tie, fromCutHash: from?.hash ?? null };
}

/** The live ranking of a cut stage, as it would be frozen now. */
async function liveCut(db: DbOrTx, round: RoundRow, def: CutDef): Promise<{ rules: CutRules; ranking: CutRanking; hash: string }> {
  const [rules, inputs] = await Promise.all([cutRulesOf(db, round, def), cutInputs(db, round, def)]);
  const ranking = computeCut(rules, inputs);
  return { rules, ranking, hash: hashCut(rules, ranking) };
}

async function frozenByNames(db: DbOrTx, ids: (number | null)[]): Promise<Map<number, string>> {
  const want = [...new Set(ids.filter((x): x is number => x != null))];
  if (!want.length) return new Map();
  const rows = await db.select({ id: accounts.id, name: accounts.displayName }).from(accounts).where(inArray(accounts.id, want));
  return new Map(rows.map((r) => [r.id, r.name]));
}

function summary(c: CutRecord, names: Map<number, string>): CutSummary {
  return {
    id: c.id, stageKey: c.stageKey, stageName: c.rules.stageName, size: c.rules.size, inPlay: c.ranking.rows.length, selected: c.selected,
    hash: c.hash, status: c.status, supersedes: c.supersedes, frozenAt: c.frozenAt.toISOString(), frozenBy: c.frozenBy ? names.get(c.frozenBy) ?? null : null,
  };
}

export async function presentCut(db: DbOrTx, c: CutRecord): Promise<CutSummary> {
  return summary(c, await frozenByNames(db, [c.frozenBy]));
}

/** 预览: the ranking a cut stage would freeze now, with the rules (basis, tie rule) and the cut in force. */
export async function previewCut(ctx: ServiceContext, roundId: number, stageKey: string): Promise<CutPreview> {
  requireSelectionStaff(ctx);
  const round = await roundRow(ctx.db, roundId);
  const def = stageOfKind(round, stageKey, 'cut');
  if (stageIndex(round.rules, def.key) > round.stage) throw conflict(`尚未进入「${def.name}」阶段，不能预览入围名单`);
  const live = await liveCut(ctx.db, round, def);
  const cur = await currentCut(ctx.db, roundId, def.key);
  const whyNot = await whyNoFreeze(ctx.db, round, def);
  return {
    stageKey: def.key, stageName: def.name, canFreeze: whyNot == null, whyNot, ...live,
    selected: selectedCount(live.ranking), current: cur ? await presentCut(ctx.db, cur) : null,
  };
}

/**
 * 冻结入围名单: stores the ranking with the rules in force and its hash. The user names the hash they
 * previewed, so a list that changed since (a score amended, a candidate withdrawn) is refused
 * rather than frozen unseen; freezing the same list twice is refused too. A new cut at a stage
 * supersedes the one in force (its status becomes superseded; the new one names it).
 */
export async function freezeCut(ctx: ServiceContext, roundId: number, stageKey: string, input: { hash: string }): Promise<CutSummary> {
  const actor = requireSelectionStaff(ctx);
  const row = await ctx.db.transaction(async (tx) => {
    const round = await lockRound(tx, roundId);
    const def = stageOfKind(round, stageKey, 'cut');
    const why = await whyNoFreeze(tx, round, def);
    if (why) throw conflict(why);
    const live = await liveCut(tx, round, def);
    const before = await currentCut(tx, roundId, def.key);
    if (before?.hash === live.hash) throw conflict(`「${def.name}」名单已冻结，与当前名单相同，无需重复冻结`, 'hash');
    if (live.hash !== input.hash) throw conflict('名单在预览后发生了变化（成绩或候选人有变动），请重新预览后再冻结', 'hash');
    const n = selectedCount(live.ranking);
    if (n === 0) throw conflict(`「${def.name}」没有可入围的候选人（缺少成绩或无人在列），不能冻结`);
    if (before) await tx.update(selectionCuts).set({ status: 'superseded' }).where(eq(selectionCuts.id, before.id));
    const [c] = await tx.insert(selectionCuts).values({
      roundId, stageKey: def.key, rules: live.rules, ranking: live.ranking, selected: n, hash: live.hash, status: 'frozen',
      supersedes: before?.id ?? null, frozenBy: actor.id, frozenAt: ctx.clock.now(),
    }).returning();
    await recordAudit(tx, ctx, {
      action: 'selection.cut.freeze', entity: 'selection_cut', entityId: c!.id,
      before: before ? { cutId: before.id, hash: before.hash, selected: before.selected } : undefined,
      after: { stageKey: def.key, size: def.size, inPlay: live.ranking.rows.length, selected: n, hash: live.hash, supersedes: before?.id ?? null },
    });
    return c!;
  });
  return presentCut(ctx.db, row);
}

export async function listCuts(ctx: ServiceContext, roundId: number): Promise<CutSummary[]> {
  requireSelectionStaff(ctx);
  await roundRow(ctx.db, roundId);
  const rows = await ctx.db.select().from(selectionCuts).where(eq(selectionCuts.roundId, roundId)).orderBy(asc(selectionCuts.id));
  const names = await frozenByNames(ctx.db, rows.map((r) => r.frozenBy));
  return rows.map((r) => summary(r, names));
}

export async function cutRecord(db: DbOrTx, cutId: number): Promise<CutRecord> {
  const [c] = await db.select().from(selectionCuts).where(eq(selectionCuts.id, cutId));
  if (!c) throw notFound('入围名单');
  return c;
}

export async function getCut(ctx: ServiceContext, cutId: number): Promise<CutDetail> {
  requireSelectionStaff(ctx);
  const c = await cutRecord(ctx.db, cutId);
  return { ...(await presentCut(ctx.db, c)), rules: c.rules, ranking: c.ranking };
}

/** The export a cut is re-checked from (cut:verify): the rules, the ranked rows with their scores, the hash. */
export async function cutExport(ctx: ServiceContext, cutId: number): Promise<CutExport> {
  requireSelectionStaff(ctx);
  const c = await cutRecord(ctx.db, cutId);
  return { format: 'skillmonth-cut/1', cutId: c.id, status: c.status, frozenAt: c.frozenAt.toISOString(), rules: c.rules, ranking: c.ranking, hash: c.hash };
}

/**
 * 取消资格: after an upheld objection (or a withdrawal), a candidate is taken out of the running with
 * the reason (audited); the next cut frozen at the stage leaves them out.
 */
export async function excludeCandidate(ctx: ServiceContext, roundId: number, input: { candidateId: number; reason: string }): Promise<{ ok: true }> {
  requireSelectionStaff(ctx);
  await ctx.db.transaction(async (tx) => {
    const round = await lockRound(tx, roundId);
    if (round.status === 'finished') throw conflict('评选已结束');
    const [c] = await tx.select().from(selectionCandidates).where(and(eq(selectionCandidates.id, input.candidateId), eq(selectionCandidates.roundId, roundId))).for('update');
    if (!c) throw invalid('candidateId', '本次评选没有这名候选人');
    if (c.status === 'withdrawn') throw conflict('该候选人已取消资格', 'candidateId');
    await tx.update(selectionCandidates).set({ status: 'withdrawn', version: c.version + 1, updatedAt: ctx.clock.now() }).where(eq(selectionCandidates.id, c.id));
    await recordAudit(tx, ctx, {
      action: 'selection.candidate.exclude', entity: 'selection_candidate', entityId: c.id,
      before: { status: c.status }, after: { status: 'withdrawn', reason: input.reason },
    });
  });
  return { ok: true };
}

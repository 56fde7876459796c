import { asc, count, desc, eq } from 'drizzle-orm';
import type { Round, RoundInput, RoundListItem, StageView } from '../../../shared/contracts/selection.js';
import { defaultSelectionRules, rulesProblems, type SelectionRules } from '../../../shared/selection/rules.js';
import { changedReachedStages, stageStates } from '../../../shared/selection/stages.js';
import { recordAudit } from '../../core/audit/service.js';
import { campaigns } from '../../core/campaign/tables.js';
import { inTx, type ServiceContext } from '../../context.js';
import type { DbOrTx, Tx } from '../../db/client.js';
import { AppError, conflict, invalid, notFound } from '../../http/errors.js';
import { requireActor } from '../../policy.js';
import { selectionCandidates } from '../nominations/tables.js';
import { stageGate } from './gates.js';
import { lockRound, requireSelectionStaff, roundRow, type RoundRow } from './policy.js';
import { selectionRounds, selectionStageEvents } from './tables.js';
import '../register.js';

function refuseProblems(rules: SelectionRules): void {
  const p = rulesProblems(rules);
  if (p.length) throw new AppError(400, 'VALIDATION', p[0]!.message, p.map((x) => ({ field: `rules.${x.path}`, message: x.message })));
}

export async function createRound(ctx: ServiceContext, input: RoundInput): Promise<Round> {
  requireSelectionStaff(ctx);
  if (input.nominationClosesOn < input.nominationOpensOn) throw invalid('nominationClosesOn', '推荐截止日期早于开始日期');
  const rules = input.rules ?? defaultSelectionRules({ opensOn: input.nominationOpensOn, closesOn: input.nominationClosesOn });
  refuseProblems(rules);
  const id = await ctx.db.transaction(async (tx) => {
    const [c] = await tx.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.id, input.campaignId));
    if (!c) throw invalid('campaignId', '没有这个技能月活动');
    const now = ctx.clock.now();
    const [row] = await tx.insert(selectionRounds).values({ campaignId: input.campaignId, name: input.name, rules, createdBy: ctx.actor!.id, createdAt: now, updatedAt: now }).returning();
    await tx.insert(selectionStageEvents).values({ roundId: row!.id, stageKey: rules.stages[0]!.key, event: 'opened', at: now, actorId: ctx.actor!.id });
    await recordAudit(tx, ctx, { action: 'selection.create', entity: 'selection_round', entityId: row!.id, after: { name: row!.name, campaignId: row!.campaignId } });
    return row!.id;
  });
  return getRound(ctx, id);
}

/** Every signed-in role may see that rounds exist (nominators need the window); details are per role. */
export async function listRounds(ctx: ServiceContext): Promise<RoundListItem[]> {
  requireActor(ctx);
  const rows = await ctx.db.select().from(selectionRounds).orderBy(desc(selectionRounds.id));
  const counts = await ctx.db.select({ roundId: selectionCandidates.roundId, n: count() }).from(selectionCandidates).groupBy(selectionCandidates.roundId);
  const byRound = new Map(counts.map((c) => [c.roundId, c.n]));
  return rows.map((r) => ({
    id: r.id, campaignId: r.campaignId, name: r.name, status: r.status,
    stageName: r.status === 'finished' ? '已结束' : r.rules.stages[r.stage]?.name ?? '',
    candidates: ctx.actor!.role === 'admin' || ctx.actor!.role === 'committee' ? byRound.get(r.id) ?? 0 : 0,
  }));
}

async function stageViews(tx: Tx, ctx: ServiceContext, r: RoundRow): Promise<StageView[]> {
  const events = await tx.select().from(selectionStageEvents).where(eq(selectionStageEvents.roundId, r.id)).orderBy(asc(selectionStageEvents.id));
  const at = (key: string, event: 'opened' | 'closed') => events.filter((e) => e.stageKey === key && e.event === event).pop()?.at.toISOString() ?? null;
  const out: StageView[] = [];
  for (const { def, state } of stageStates(r.rules, r.stage, r.status === 'finished')) {
    const gate = stageGate(def.kind);
    out.push({
      key: def.key, name: def.name, kind: def.kind, state, openedAt: at(def.key, 'opened'), closedAt: at(def.key, 'closed'),
      count: state === 'pending' ? null : await gate.count(tx, r, def),
      blockers: state === 'open' ? await gate.blockers(tx, ctx, r, def) : [],
    });
  }
  return out;
}

/** The round with its stages (counts and blockers): staff only; nominators use their own views. */
export async function getRound(ctx: ServiceContext, roundId: number): Promise<Round> {
  requireSelectionStaff(ctx);
  return ctx.db.transaction(async (tx) => {
    const r = await roundRow(tx, roundId);
    return { ...pick(r), stages: await stageViews(tx, inTx(ctx, tx), r) };
  });
}

const pick = (r: RoundRow) => ({ id: r.id, campaignId: r.campaignId, name: r.name, rules: r.rules, stage: r.stage, status: r.status, version: r.version });

/** Changes the rules of the stages not yet reached (a reached stage's rules are fixed). */
export async function updateRules(ctx: ServiceContext, roundId: number, input: { rules: SelectionRules; version: number }): Promise<Round> {
  requireSelectionStaff(ctx);
  refuseProblems(input.rules);
  await ctx.db.transaction(async (tx) => {
    const r = await lockRound(tx, roundId);
    if (r.version !== input.version) throw conflict('评选已被他人修改，请刷新后重试', 'version');
    if (r.status === 'finished') throw conflict('评选已结束，规则不能再改');
    const fixed = changedReachedStages(r.rules, input.rules, r.stage);
    if (fixed.length) throw conflict(`已开始的阶段规则不能修改：${fixed.map((k) => r.rules.stages.find((s) => s.key === k)?.name ?? '业绩条件').join('、')}`, 'rules');
    await tx.update(selectionRounds).set({ rules: input.rules, version: r.version + 1, updatedAt: ctx.clock.now() }).where(eq(selectionRounds.id, roundId));
    await recordAudit(tx, ctx, { action: 'selection.rules', entity: 'selection_round', entityId: roundId, before: r.rules, after: input.rules });
  });
  return getRound(ctx, roundId);
}

/**
 * Closes the open stage and opens the next, when the open stage's gate has no blocker. The caller
 * names the stage it saw open (`expectStage`), so a double click cannot skip a stage.
 */
export async function advanceStage(ctx: ServiceContext, roundId: number, input: { version: number; expectStage: string }): Promise<Round> {
  requireSelectionStaff(ctx);
  await ctx.db.transaction(async (tx) => {
    const c = inTx(ctx, tx);
    const r = await lockRound(tx, roundId);
    if (r.status === 'finished') throw conflict('评选已结束');
    const open = r.rules.stages[r.stage]!;
    if (open.key !== input.expectStage || r.version !== input.version) throw conflict(`当前阶段已是「${open.name}」，请刷新后重试`, 'version');
    const blockers = await stageGate(open.kind).blockers(tx, c, r, open);
    if (blockers.length) throw new AppError(409, 'CONFLICT', `「${open.name}」尚不能结束：${blockers.join('；')}`, blockers.map((b) => ({ field: 'stage', message: b })));
    await stageGate(open.kind).onClose?.(tx, c, r, open);
    const now = ctx.clock.now();
    await tx.insert(selectionStageEvents).values({ roundId, stageKey: open.key, event: 'closed', at: now, actorId: ctx.actor!.id });
    const next = r.stage + 1;
    const finished = next >= r.rules.stages.length;
    const [after] = await tx.update(selectionRounds).set({ stage: finished ? r.stage : next, status: finished ? 'finished' : 'running', version: r.version + 1, updatedAt: now })
      .where(eq(selectionRounds.id, roundId)).returning();
    if (!finished) {
      const def = r.rules.stages[next]!;
      await tx.insert(selectionStageEvents).values({ roundId, stageKey: def.key, event: 'opened', at: now, actorId: ctx.actor!.id });
      await stageGate(def.kind).onOpen?.(tx, c, after!, def);
    }
    await recordAudit(tx, ctx, { action: 'selection.advance', entity: 'selection_round', entityId: roundId, after: { closed: open.key, opened: finished ? null : r.rules.stages[next]!.key } });
  });
  return getRound(ctx, roundId);
}

/** The round a candidate belongs to, for services that start from a candidate. */
export async function roundOfCandidate(db: DbOrTx, candidateId: number): Promise<RoundRow> {
  const [c] = await db.select({ roundId: selectionCandidates.roundId }).from(selectionCandidates).where(eq(selectionCandidates.id, candidateId));
  if (!c) throw notFound('候选人');
  return roundRow(db, c.roundId);
}

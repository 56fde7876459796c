import { and, asc, eq, inArray } from 'drizzle-orm';
import { recusalReason } from '../../../shared/competition/recusal.js';
import type { StageDef } from '../../../shared/selection/rules.js';
import { markProblem, rubricScore } from '../../../shared/selection/rubric.js';
import { severityTable, stageScoresOf } from '../../../shared/selection/severity.js';
import { stageIndex, stageStates } from '../../../shared/selection/stages.js';
import { conflictsOf } from '../../competition/judging/panels.js';
import { accounts } from '../../core/accounts/tables.js';
import { recordAudit } from '../../core/audit/service.js';
import { storedFiles } from '../../core/files/tables.js';
import { units } from '../../core/units/tables.js';
import type { ServiceContext } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.js';
import { requireRole } from '../../policy.js';
import { candidateRows } from '../exam/candidates.js';
import { candidatesInPlay } from '../in-play.js';
import { selectionEvidence } from '../nominations/tables.js';
import { lockRound, openStage, requireOpenStage, requireSelectionStaff, roundRow, stageOfKind, type RoundRow } from '../rounds/policy.js';
import { selectionRounds } from '../rounds/tables.js';
import { reviewerScores } from '../scores.js';
import { appendSelectionEvents, type SelectionEvent } from './chain.js';
import { canReviewerSeeCandidate, REVIEW_WORDS, reviewerRecusal } from './policy.js';
import { selectionAssignments, selectionMarks, selectionPanelMembers, selectionPanels } from './tables.js';

/**
 * 专家评审 (材料评审, 复试, 面试答辩): the office sets up expert panels per panel stage (judge
 * accounts, one chair), assigns the candidates in play to the panels (balanced, deterministic),
 * each marked by the members who need not recuse; reviewers mark on the stage's rubric, see only
 * their own assignments and see peers' marks on a candidate only after submitting their own.
 */

type PanelDef = Extract<StageDef, { kind: 'panel' }>;

// ---------------------------------------------------------------- panels (office)

export async function listPanels(ctx: ServiceContext, roundId: number, key: string) {
  requireSelectionStaff(ctx);
  const r = await roundRow(ctx.db, roundId);
  const def = stageOfKind(r, key, 'panel');
  return { stage: stageInfo(r, def), panels: await panelsOf(ctx.db, roundId, key) };
}

function stageInfo(r: RoundRow, def: PanelDef) {
  const i = stageIndex(r.rules, def.key);
  const state = stageStates(r.rules, r.stage, r.status === 'finished')[i]!.state;
  return { key: def.key, name: def.name, rubric: def.rubric, counts: def.counts, reviewersPerCandidate: def.reviewersPerCandidate, state };
}

async function panelsOf(db: DbOrTx, roundId: number, key: string) {
  const ps = await db.select().from(selectionPanels).where(and(eq(selectionPanels.roundId, roundId), eq(selectionPanels.stageKey, key))).orderBy(asc(selectionPanels.id));
  const members = ps.length ? await db.select({ panelId: selectionPanelMembers.panelId, accountId: selectionPanelMembers.accountId, chair: selectionPanelMembers.chair, name: accounts.displayName })
    .from(selectionPanelMembers).innerJoin(accounts, eq(accounts.id, selectionPanelMembers.accountId))
    .where(inArray(selectionPanelMembers.panelId, ps.map((p) => p.id))) : [];
  return ps.map((p) => ({
    id: p.id, name: p.name,
    members: members.filter((m) => m.panelId === p.id).sort((a, b) => Number(b.chair) - Number(a.chair) || a.accountId - b.accountId)
      .map((m) => ({ accountId: m.accountId, name: m.name, chair: m.chair })),
  }));
}

/**
 * Creates or replaces a panel (its name and members; one chair). Allowed until the stage's
 * candidates are assigned; members are judge accounts, each on one panel of the stage.
 */
export async function savePanel(ctx: ServiceContext, roundId: number, key: string, input: { panelId?: number; name: string; members: { accountId: number; chair: boolean }[] }) {
  requireSelectionStaff(ctx);
  const ids = input.members.map((m) => m.accountId);
  if (new Set(ids).size !== ids.length) throw invalid('members', '同一位专家不能重复加入');
  if (input.members.filter((m) => m.chair).length !== 1) throw invalid('members', '每个专家组须指定一位组长');
  return ctx.db.transaction(async (tx) => {
    const r = await lockRound(tx, roundId);
    const def = stageOfKind(r, key, 'panel');
    if (stageInfo(r, def).state === 'done') throw conflict(`「${def.name}」已结束，专家组不能再改`);
    const [assigned] = await tx.select({ id: selectionAssignments.candidateId }).from(selectionAssignments)
      .where(and(eq(selectionAssignments.roundId, roundId), eq(selectionAssignments.stageKey, key))).limit(1);
    if (assigned) throw conflict(`「${def.name}」的候选人已分配，专家组不能再改`);
    const judges = await tx.select({ id: accounts.id, role: accounts.role }).from(accounts).where(inArray(accounts.id, ids));
    const notJudge = ids.filter((id) => judges.find((j) => j.id === id)?.role !== 'judge');
    if (notJudge.length) throw invalid('members', `账号 ${notJudge.join('、')} 不是评审专家（裁判）账号`);
    const others = await panelsOf(tx, roundId, key);
    const elsewhere = others.filter((p) => p.id !== input.panelId).flatMap((p) => p.members.filter((m) => ids.includes(m.accountId)).map((m) => `${m.name}（${p.name}）`));
    if (elsewhere.length) throw invalid('members', `专家已在本阶段的其他专家组：${elsewhere.join('、')}`);
    if (others.some((p) => p.id !== input.panelId && p.name === input.name)) throw invalid('name', `专家组「${input.name}」已存在`);
    let panelId = input.panelId;
    const before = others.find((p) => p.id === panelId) ?? null;
    if (panelId !== undefined) {
      if (!before) throw notFound('专家组');
      await tx.update(selectionPanels).set({ name: input.name }).where(eq(selectionPanels.id, panelId));
      await tx.delete(selectionPanelMembers).where(eq(selectionPanelMembers.panelId, panelId));
    } else {
      const [p] = await tx.insert(selectionPanels).values({ roundId, stageKey: key, name: input.name }).returning();
      panelId = p!.id;
    }
    await tx.insert(selectionPanelMembers).values(input.members.map((m) => ({ panelId: panelId!, accountId: m.accountId, chair: m.chair })));
    await recordAudit(tx, ctx, { action: 'selection.panel', entity: 'selection_panel', entityId: panelId, before, after: { stage: key, name: input.name, members: input.members } });
    return { id: panelId };
  });
}

/** 评审专家名单: every judge account (name, unit) the office may put on a panel. */
export async function listReviewers(ctx: ServiceContext) {
  requireSelectionStaff(ctx);
  return ctx.db.select({ accountId: accounts.id, name: accounts.displayName, unitName: units.name }).from(accounts)
    .leftJoin(units, eq(units.id, accounts.unitId)).where(and(eq(accounts.role, 'judge'), eq(accounts.disabled, false))).orderBy(asc(accounts.id));
}

// ---------------------------------------------------------------- assignment (office)

/** What the assignment needs: candidates in play (with unit and person), panels, conflicts. */
async function assignmentInputs(db: DbOrTx, r: RoundRow, def: PanelDef) {
  const candidates = await candidateRows(db, await candidatesInPlay(db, r, stageIndex(r.rules, def.key)));
  const panels = await panelsOf(db, r.id, def.key);
  const conflicts = await conflictsOf(db, panels.flatMap((p) => p.members.map((m) => m.accountId)));
  const recusal = (reviewerId: number, c: { personId: number; unitId: number }) => recusalReason(conflicts.get(reviewerId)!, c, REVIEW_WORDS);
  return { candidates, panels, recusal };
}

/**
 * Who marks whom, deterministically: candidates in order (unit, name), each to the least-loaded
 * panel that has `reviewersPerCandidate` members who need not recuse (else the one with the most
 * such members); within it, the least-loaded such members (chair first, then by account).
 */
export function planAssignments(
  candidates: readonly { id: number; personId: number; unitId: number }[],
  panels: readonly { id: number; members: readonly { accountId: number }[] }[],
  perCandidate: number,
  recused: (reviewerId: number, c: { personId: number; unitId: number }) => unknown,
) {
  const panelLoad = new Map(panels.map((p) => [p.id, 0]));
  const reviewerLoad = new Map<number, number>();
  const out: { candidateId: number; panelId: number; reviewers: number[] }[] = [];
  const unassigned: number[] = [];
  for (const c of candidates) {
    const options = panels.map((p) => ({ p, free: p.members.filter((m) => !recused(m.accountId, c)).map((m) => m.accountId) }));
    const full = options.filter((o) => o.free.length >= perCandidate);
    const pool = full.length ? full : options.filter((o) => o.free.length > 0).sort((a, b) => b.free.length - a.free.length).filter((o, _i, all) => o.free.length === all[0]!.free.length);
    if (pool.length === 0) { unassigned.push(c.id); continue; }
    const best = pool.reduce((a, b) => (panelLoad.get(b.p.id)! < panelLoad.get(a.p.id)! ? b : a));
    const reviewers = best.free.map((id, order) => ({ id, order })).sort((a, b) => (reviewerLoad.get(a.id) ?? 0) - (reviewerLoad.get(b.id) ?? 0) || a.order - b.order)
      .slice(0, perCandidate).map((x) => x.id);
    panelLoad.set(best.p.id, panelLoad.get(best.p.id)! + 1);
    for (const id of reviewers) reviewerLoad.set(id, (reviewerLoad.get(id) ?? 0) + 1);
    out.push({ candidateId: c.id, panelId: best.p.id, reviewers });
  }
  return { assignments: out, unassigned };
}

/** 分配评审: (re)assigns the candidates in play of the open panel stage; refused once a mark is in. */
export async function assignCandidates(ctx: ServiceContext, roundId: number, key: string) {
  requireSelectionStaff(ctx);
  return ctx.db.transaction(async (tx) => {
    const r = await lockRound(tx, roundId);
    stageOfKind(r, key, 'panel');
    const def = requireOpenStage(r, 'panel', key);
    const [marked] = await tx.select({ id: selectionMarks.candidateId }).from(selectionMarks)
      .where(and(eq(selectionMarks.roundId, roundId), eq(selectionMarks.stageKey, key))).limit(1);
    if (marked) throw conflict(`「${def.name}」已有专家评分，不能重新分配`);
    const { candidates, panels, recusal } = await assignmentInputs(tx, r, def);
    if (panels.length === 0) throw conflict(`「${def.name}」尚未设置评审专家组`);
    if (candidates.length === 0) throw conflict(`「${def.name}」没有待评审的候选人`);
    const plan = planAssignments(candidates, panels, def.reviewersPerCandidate, recusal);
    await tx.delete(selectionAssignments).where(and(eq(selectionAssignments.roundId, roundId), eq(selectionAssignments.stageKey, key)));
    const rows = plan.assignments.flatMap((a) => a.reviewers.map((reviewerId) => ({ roundId, stageKey: key, panelId: a.panelId, candidateId: a.candidateId, reviewerId })));
    for (let i = 0; i < rows.length; i += 500) await tx.insert(selectionAssignments).values(rows.slice(i, i + 500));
    const short = plan.assignments.filter((a) => a.reviewers.length < def.reviewersPerCandidate).length;
    await recordAudit(tx, ctx, { action: 'selection.assign', entity: 'selection_round', entityId: roundId, after: { stage: key, assigned: plan.assignments.length, unassigned: plan.unassigned.length, short } });
    return { assigned: plan.assignments.length, unassigned: plan.unassigned.length, short };
  });
}

// ---------------------------------------------------------------- progress and severity (office)

async function sheetsOf(db: DbOrTx, roundId: number, def: PanelDef) {
  const rows = await db.select().from(selectionMarks).where(and(eq(selectionMarks.roundId, roundId), eq(selectionMarks.stageKey, def.key)));
  const by = new Map<string, Record<string, number>>();
  for (const m of rows) by.set(`${m.candidateId}:${m.reviewerId}`, { ...by.get(`${m.candidateId}:${m.reviewerId}`), [m.criterionCode]: m.value });
  return { marks: (c: number, r: number) => by.get(`${c}:${r}`) ?? null, score: (c: number, r: number) => { const m = by.get(`${c}:${r}`); return m ? rubricScore(def.rubric, m) : null; } };
}

/**
 * 评审进度: every candidate in play with its panel, its reviewers (submitted or not, their score),
 * the panel members who recused and why; per reviewer their load; the severity table; and each
 * candidate's raw and normalised score, saying which one counts.
 */
export async function panelProgress(ctx: ServiceContext, roundId: number, key: string) {
  requireSelectionStaff(ctx);
  const r = await roundRow(ctx.db, roundId);
  const def = stageOfKind(r, key, 'panel');
  const { candidates, panels, recusal } = await assignmentInputs(ctx.db, r, def);
  const assigned = await ctx.db.select().from(selectionAssignments).where(and(eq(selectionAssignments.roundId, roundId), eq(selectionAssignments.stageKey, key)));
  const sheets = await sheetsOf(ctx.db, roundId, def);
  const names = new Map(panels.flatMap((p) => p.members.map((m) => [m.accountId, m.name] as const)));
  const scored = await reviewerScores(ctx.db, roundId, def);
  const raw = stageScoresOf(scored, 'raw');
  const normalised = stageScoresOf(scored, 'normalised');
  const rows = candidates.map((c) => {
    const mine = assigned.filter((a) => a.candidateId === c.id);
    const panel = panels.find((p) => p.id === mine[0]?.panelId) ?? null;
    const reviewers = mine.map((a) => ({ reviewerId: a.reviewerId, name: names.get(a.reviewerId) ?? '', score: sheets.score(c.id, a.reviewerId) }))
      .map((x) => ({ ...x, submitted: x.score != null }));
    const recused = (panel ? panel.members : panels.flatMap((p) => p.members)).map((m) => ({ reviewerId: m.accountId, name: m.name, why: recusal(m.accountId, c) }))
      .filter((x) => x.why).map((x) => ({ reviewerId: x.reviewerId, name: x.name, message: x.why!.message }));
    return {
      candidateId: c.id, name: c.name, unitName: c.unitName, panelId: panel?.id ?? null, panelName: panel?.name ?? null, reviewers, recused,
      complete: reviewers.length > 0 && reviewers.every((x) => x.submitted), raw: raw.get(c.id) ?? null, normalised: normalised.get(c.id) ?? null,
    };
  });
  const load = new Map<number, { assigned: number; submitted: number }>();
  for (const row of rows) for (const x of row.reviewers) {
    const l = load.get(x.reviewerId) ?? { assigned: 0, submitted: 0 };
    l.assigned++;
    if (x.submitted) l.submitted++;
    load.set(x.reviewerId, l);
  }
  const severity = new Map(severityTable(scored).map((s) => [s.reviewerId, s]));
  const reviewers = [...names].map(([reviewerId, name]) => ({ reviewerId, name, ...(load.get(reviewerId) ?? { assigned: 0, submitted: 0 }), severity: severity.get(reviewerId) ?? null }));
  return { stage: stageInfo(r, def), panels, rows, reviewers };
}

/** The gate's facts for a panel stage. */
export async function panelGateFacts(db: DbOrTx, r: RoundRow, def: PanelDef) {
  const ids = await candidatesInPlay(db, r, stageIndex(r.rules, def.key));
  const [panel] = await db.select({ id: selectionPanels.id }).from(selectionPanels).where(and(eq(selectionPanels.roundId, r.id), eq(selectionPanels.stageKey, def.key))).limit(1);
  const assigned = ids.length ? await db.select().from(selectionAssignments).where(and(eq(selectionAssignments.roundId, r.id), eq(selectionAssignments.stageKey, def.key), inArray(selectionAssignments.candidateId, ids))) : [];
  const sheets = await sheetsOf(db, r.id, def);
  const missing = assigned.filter((a) => sheets.score(a.candidateId, a.reviewerId) == null);
  const withSheets = new Set(assigned.map((a) => a.candidateId));
  const incomplete = new Set(missing.map((a) => a.candidateId));
  return { panels: !!panel, unassigned: ids.filter((id) => !withSheets.has(id)).length, missing: missing.length, complete: [...withSheets].filter((id) => !incomplete.has(id)).length };
}

// ---------------------------------------------------------------- the reviewer

const requireReviewer = (ctx: ServiceContext) => requireRole(ctx, 'judge');

/**
 * 我的评审: for each round whose open stage is a panel stage, the candidates assigned to the
 * reviewer — name, unit, materials, the rubric, their own marks; peers' marks and scores only on a
 * candidate the reviewer has submitted.
 */
export async function myReviewing(ctx: ServiceContext) {
  const actor = requireReviewer(ctx);
  const rounds = await ctx.db.select().from(selectionRounds).where(eq(selectionRounds.status, 'running')).orderBy(asc(selectionRounds.id));
  const out = [];
  for (const r of rounds) {
    const def = openStage(r);
    if (def?.kind !== 'panel') continue;
    const mine = await ctx.db.select().from(selectionAssignments).where(and(eq(selectionAssignments.roundId, r.id), eq(selectionAssignments.stageKey, def.key), eq(selectionAssignments.reviewerId, actor.id)));
    if (mine.length === 0) continue;
    const ids = mine.map((a) => a.candidateId);
    const all = await ctx.db.select({ candidateId: selectionAssignments.candidateId, reviewerId: selectionAssignments.reviewerId, name: accounts.displayName })
      .from(selectionAssignments).innerJoin(accounts, eq(accounts.id, selectionAssignments.reviewerId))
      .where(and(eq(selectionAssignments.roundId, r.id), eq(selectionAssignments.stageKey, def.key), inArray(selectionAssignments.candidateId, ids)));
    const sheets = await sheetsOf(ctx.db, r.id, def);
    const evidence = await ctx.db.select({ id: selectionEvidence.id, candidateId: selectionEvidence.candidateId, purpose: selectionEvidence.purpose, fileName: storedFiles.fileName })
      .from(selectionEvidence).innerJoin(storedFiles, eq(storedFiles.id, selectionEvidence.fileId))
      .where(and(inArray(selectionEvidence.candidateId, ids), eq(selectionEvidence.purpose, 'condition')));
    const candidates = (await candidateRows(ctx.db, ids)).map((c) => {
      const submitted = sheets.score(c.id, actor.id) != null;
      return {
        candidateId: c.id, name: c.name, unitName: c.unitName,
        evidence: evidence.filter((e) => e.candidateId === c.id).map((e) => ({ id: e.id, fileName: e.fileName })),
        marks: sheets.marks(c.id, actor.id), score: sheets.score(c.id, actor.id), submitted,
        peers: submitted ? all.filter((a) => a.candidateId === c.id && a.reviewerId !== actor.id)
          .map((a) => ({ name: a.name, marks: sheets.marks(c.id, a.reviewerId), score: sheets.score(c.id, a.reviewerId) })) : null,
      };
    });
    out.push({ roundId: r.id, roundName: r.name, stage: { key: def.key, name: def.name, rubric: def.rubric, counts: def.counts }, candidates });
  }
  return out;
}

/**
 * 提交评分: the reviewer's whole sheet for one candidate. Refused outside the open stage (409
 * naming it), outside the reviewer's assignments (403), for a candidate they must recuse from
 * (403, why), or with a mark out of the rubric (400, by criterion). A change to a submitted sheet
 * needs a reason. Each changed criterion is a chained event.
 */
export async function submitSheet(ctx: ServiceContext, roundId: number, key: string, candidateId: number, input: { marks: Record<string, number>; reason?: string }) {
  const actor = requireReviewer(ctx);
  return ctx.db.transaction(async (tx) => {
    const r = await lockRound(tx, roundId);
    stageOfKind(r, key, 'panel');
    const def = requireOpenStage(r, 'panel', key);
    const [a] = await tx.select().from(selectionAssignments).where(and(eq(selectionAssignments.roundId, roundId), eq(selectionAssignments.stageKey, key),
      eq(selectionAssignments.candidateId, candidateId), eq(selectionAssignments.reviewerId, actor.id)));
    if (!a) throw forbidden(`该候选人未分配给您评审（「${def.name}」）`);
    const why = await reviewerRecusal(tx, actor.id, candidateId);
    if (why) throw forbidden(`${why.message}，不能评分`);
    for (const code of Object.keys(input.marks)) if (!def.rubric.some((c) => c.code === code)) throw invalid(`marks.${code}`, `评分细则中没有「${code}」`);
    for (const c of def.rubric) {
      const v = input.marks[c.code];
      if (v === undefined) throw invalid(`marks.${c.code}`, `请为「${c.name}」评分`);
      const bad = markProblem(c, v);
      if (bad) throw invalid(`marks.${c.code}`, bad);
    }
    const saved = await tx.select().from(selectionMarks).where(and(eq(selectionMarks.roundId, roundId), eq(selectionMarks.stageKey, key),
      eq(selectionMarks.candidateId, candidateId), eq(selectionMarks.reviewerId, actor.id)));
    const wasComplete = def.rubric.every((c) => saved.some((m) => m.criterionCode === c.code));
    const changes = def.rubric.filter((c) => saved.find((m) => m.criterionCode === c.code)?.value !== input.marks[c.code]);
    if (changes.length === 0) return { changed: 0, score: rubricScore(def.rubric, input.marks) };
    if (wasComplete && !input.reason) throw invalid('reason', '修改已提交的评分须填写原因');
    const now = ctx.clock.now();
    const events: SelectionEvent[] = [];
    for (const c of changes) {
      const prev = saved.find((m) => m.criterionCode === c.code);
      const value = input.marks[c.code]!;
      const version = (prev?.version ?? 0) + 1;
      if (prev) {
        await tx.update(selectionMarks).set({ value, version, updatedAt: now }).where(and(eq(selectionMarks.roundId, roundId), eq(selectionMarks.stageKey, key),
          eq(selectionMarks.candidateId, candidateId), eq(selectionMarks.reviewerId, actor.id), eq(selectionMarks.criterionCode, c.code)));
      } else {
        await tx.insert(selectionMarks).values({ roundId, stageKey: key, candidateId, reviewerId: actor.id, criterionCode: c.code, value, version, updatedAt: now });
      }
      events.push({ kind: 'mark', stageKey: key, candidateId, reviewerId: actor.id, criterionCode: c.code, value, previousValue: prev?.value ?? null, version, source: wasComplete ? 'amendment' : 'entry', reason: input.reason ?? null });
    }
    await appendSelectionEvents(tx, ctx, roundId, events);
    await recordAudit(tx, ctx, { action: 'selection.mark', entity: 'selection_candidate', entityId: candidateId, after: { stage: key, marks: input.marks, reason: input.reason ?? null } });
    return { changed: changes.length, score: rubricScore(def.rubric, input.marks) };
  });
}

/** 证明材料 of a candidate assigned to the reviewer in the open stage (the file, for viewing). */
export async function reviewerEvidence(ctx: ServiceContext, evidenceId: number) {
  const actor = requireReviewer(ctx);
  const [e] = await ctx.db.select({ candidateId: selectionEvidence.candidateId, fileName: storedFiles.fileName, mime: storedFiles.mime, body: storedFiles.body })
    .from(selectionEvidence).innerJoin(storedFiles, eq(storedFiles.id, selectionEvidence.fileId)).where(eq(selectionEvidence.id, evidenceId));
  if (!e || !(await canReviewerSeeCandidate(ctx.db, actor.id, e.candidateId))) throw notFound('材料');
  return e;
}

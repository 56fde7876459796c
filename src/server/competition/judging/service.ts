import { MARKING_STARTED, marksLocked, type CompetitionStatus } from '../../../shared/competition/states.js';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { recusalReason, REPORTED_ENTRY_MESSAGE } from '../../../shared/competition/recusal.js';
import { accounts } from '../../core/accounts/tables.js';
import { recordAudit } from '../../core/audit/service.js';
import { competitionRow, isOrganizer, requireOrganizer, requireStaff } from '../competitions/policy.js';
import { competitions, competitionStaff } from '../competitions/tables.js';
import type { ServiceContext } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { entries } from '../entries/tables.js';
import { AppError, conflict, forbidden, invalid, notFound } from '../../http/errors.js';
import { lockMarkChain } from '../marks/chain.js';
import { notOnSheet } from '../marks/policy.js';
import { marks } from '../marks/tables.js';
import { people } from '../../core/people/tables.js';
import { requireRole } from '../../policy.js';
import { currentScheme } from '../schemes/service.js';
import { units } from '../../core/units/tables.js';
import { conflictsOf, loadPanels } from './panels.js';
import { aspectJudges, judgeConflicts } from './tables.js';

export interface ConflictInput {
  kind: 'unit' | 'person';
  unitId?: number;
  personId?: number;
  reason: 'former_employer' | 'master_apprentice' | 'relative' | 'other';
  note?: string;
}

/** A judge declares their own conflicts; organizers may record one for any judge. */
function conflictWriter(ctx: ServiceContext, judgeId: number) {
  const actor = requireRole(ctx, 'judge', 'admin', 'committee');
  // Another judge's declarations are out of scope, and read as not found.
  if (actor.role === 'judge' && actor.id !== judgeId) throw notFound('裁判');
  if (actor.role !== 'judge' && !isOrganizer(actor)) throw forbidden();
  return actor;
}

export async function listConflicts(ctx: ServiceContext, judgeId: number) {
  conflictWriter(ctx, judgeId);
  const rows = await ctx.db.select({ c: judgeConflicts, unitName: units.name, personName: people.name, code: entries.code }).from(judgeConflicts)
    .leftJoin(units, eq(units.id, judgeConflicts.unitId)).leftJoin(people, eq(people.id, judgeConflicts.personId)).leftJoin(entries, eq(entries.id, judgeConflicts.entryId))
    .where(eq(judgeConflicts.judgeId, judgeId)).orderBy(asc(judgeConflicts.id));
  // A conflict reported on a code: the judge sees that code, never the entry or person behind it; the
  // organizers (whose list here names units and persons) see neither — the code is in 评分进度.
  const own = ctx.actor!.id === judgeId;
  return rows.map((r) => ({
    id: r.c.id, kind: r.c.kind, unitId: r.c.unitId, unitName: r.unitName, personId: r.c.personId, personName: r.personName, code: r.c.kind === 'entry' && own ? r.code : null,
    reason: r.c.reason, note: r.c.note, declaredAt: r.c.declaredAt.toISOString(),
  }));
}

/**
 * The statuses in which a judge's conflicts with units and persons are fixed: from the draw on
 * (codes exist; a new declaration would drop exactly that unit's or person's codes from the judge's
 * sheet and so name them) until the results are final.
 */
const CONFLICTS_FIXED: CompetitionStatus[] = ['drawn', 'marking', 'locked', 'decoded', 'notice'];

/** 409 when the judge sits on a competition already drawn: conflicts are declared before the draw. */
async function requireNotDrawn(tx: DbOrTx, judgeId: number) {
  const [drawn] = await tx.select({ name: competitions.name }).from(competitionStaff).innerJoin(competitions, eq(competitions.id, competitionStaff.competitionId))
    .where(and(eq(competitionStaff.accountId, judgeId), inArray(competitionStaff.role, ['judge', 'chief', 'substitute']), inArray(competitions.status, CONFLICTS_FIXED)))
    .orderBy(asc(competitions.id)).limit(1);
  if (drawn) {
    throw new AppError(409, 'CONFLICTS_FIXED', `该裁判所在的竞赛「${drawn.name}」已抽签：与单位或人员的回避须在抽签前申报，抽签后不能再申报。评分时如认识某位选手，请在评分页对该编号选择“认识该选手”`);
  }
}

export async function declareConflict(ctx: ServiceContext, judgeId: number, input: ConflictInput) {
  const actor = conflictWriter(ctx, judgeId);
  return ctx.db.transaction(async (tx) => {
    const [j] = await tx.select({ role: accounts.role }).from(accounts).where(eq(accounts.id, judgeId));
    if (!j || j.role !== 'judge') throw notFound('裁判');
    await requireNotDrawn(tx, judgeId);
    if (input.kind === 'unit') {
      if (!input.unitId) throw invalid('unitId', '请选择单位');
      const [u] = await tx.select({ id: units.id }).from(units).where(eq(units.id, input.unitId));
      if (!u) throw invalid('unitId', '单位不存在');
    } else {
      if (!input.personId) throw invalid('personId', '请选择人员');
      const [p] = await tx.select({ id: people.id }).from(people).where(eq(people.id, input.personId));
      if (!p) throw invalid('personId', '人员不存在');
    }
    const [row] = await tx.insert(judgeConflicts).values({
      judgeId, kind: input.kind, unitId: input.kind === 'unit' ? input.unitId! : null, personId: input.kind === 'person' ? input.personId! : null,
      reason: input.reason, note: input.note ?? null, declaredBy: actor.id, declaredAt: ctx.clock.now(),
    }).returning();
    await recordAudit(tx, ctx, { action: 'judge.conflict.declare', entity: 'account', entityId: judgeId, after: { ...input, id: row!.id } });
    return { id: row!.id };
  });
}

/** Sets the marking team of aspects (in seat order). Judges must be on the competition's staff. */
export async function assignJudges(ctx: ServiceContext, competitionId: number, input: { aspectIds: number[]; judgeIds: number[] }) {
  requireOrganizer(ctx);
  return ctx.db.transaction(async (tx) => {
    const c = await competitionRow(tx, competitionId);
    if (MARKING_STARTED.includes(c.status)) throw conflict('评分开始后不能调整裁判分工');
    const scheme = await currentScheme(tx, competitionId);
    if (!scheme) throw conflict('请先制定评分标准');
    const known = new Set(scheme.aspects.map((a) => a.id));
    const bad = input.aspectIds.find((id) => !known.has(id));
    if (bad) throw invalid('aspectIds', `评分细则 ${bad} 不属于该竞赛现行评分标准`);
    const staff = new Set((await tx.select({ id: competitionStaff.accountId }).from(competitionStaff)
      .where(and(eq(competitionStaff.competitionId, competitionId), inArray(competitionStaff.role, ['judge', 'chief'])))).map((r) => r.id));
    const outsider = input.judgeIds.find((id) => !staff.has(id));
    if (outsider) throw invalid('judgeIds', `账号 ${outsider} 不是该竞赛的裁判`);
    if (new Set(input.judgeIds).size !== input.judgeIds.length) throw invalid('judgeIds', '同一裁判不能重复');
    await tx.delete(aspectJudges).where(and(eq(aspectJudges.competitionId, competitionId), inArray(aspectJudges.aspectId, input.aspectIds)));
    const rows = input.aspectIds.flatMap((aspectId) => input.judgeIds.map((judgeId, seat) => ({ competitionId, aspectId, judgeId, seat })));
    if (rows.length) await tx.insert(aspectJudges).values(rows);
    await recordAudit(tx, ctx, { action: 'judge.assign', entity: 'competition', entityId: competitionId, after: input });
    return { ok: true as const };
  });
}

/**
 * The assignment screen: each aspect's team, and every recusal with its reason — shown by the
 * contestant's name (organizers see names here, never the drawn codes) and listed by judge and name,
 * not in code order. A conflict a judge reported on a code while marking shows neither the code nor
 * the contestant (the code is in 评分进度, without the judge): a view with names has no codes.
 */
export async function assignmentView(ctx: ServiceContext, competitionId: number) {
  requireOrganizer(ctx);
  await competitionRow(ctx.db, competitionId);
  const scheme = await currentScheme(ctx.db, competitionId);
  if (!scheme) return { aspects: [], recusals: [], shortPanels: 0 };
  const p = await loadPanels(ctx.db, competitionId, scheme);
  const names = new Map((await ctx.db.select({ id: entries.id, name: people.name, unitName: units.name }).from(entries)
    .innerJoin(people, eq(people.id, entries.personId)).innerJoin(units, eq(units.id, entries.unitId))
    .where(eq(entries.competitionId, competitionId))).map((r) => [r.id, r]));
  const judgeNames = new Map((await ctx.db.select({ id: accounts.id, name: accounts.displayName }).from(accounts)
    .where(inArray(accounts.id, [...p.judges.keys(), -1]))).map((r) => [r.id, r.name]));
  const recusals: { key: string; judgeId: number; judgeName: string; entryId: number | null; contestant: string | null; unitName: string | null; reason: string }[] = [];
  const seen = new Set<string>();
  let shortPanels = 0;
  for (const a of scheme.aspects) {
    for (const e of p.entries) {
      const panel = p.panel(e.entryId, a.id)!;
      if (panel.short > 0) shortPanels++;
      for (const r of panel.recused) {
        const key = `${r.judgeId}:${e.entryId}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const judgeName = judgeNames.get(r.judgeId) ?? String(r.judgeId);
        if (r.message === REPORTED_ENTRY_MESSAGE) {
          recusals.push({ key: '', judgeId: r.judgeId, judgeName, entryId: null, contestant: null, unitName: null, reason: r.message });
        } else {
          const n = names.get(e.entryId);
          recusals.push({ key: `${r.judgeId}:${e.entryId}`, judgeId: r.judgeId, judgeName, entryId: e.entryId, contestant: n?.name ?? '', unitName: n?.unitName ?? '', reason: r.message });
        }
      }
    }
  }
  // Not in code order (p.entries is): the order of a judge's recusals must not rank their codes.
  const by = (x: (typeof recusals)[number]) => [x.judgeName, x.entryId == null ? '1' : '0', x.unitName ?? '', x.contestant ?? '', String(x.entryId ?? '')].join('\u0000');
  recusals.sort((x, y) => (by(x) < by(y) ? -1 : by(x) > by(y) ? 1 : 0));
  recusals.forEach((x, i) => { if (!x.key) x.key = `${x.judgeId}:reported:${i}`; });
  return {
    aspects: scheme.aspects.map((a) => ({ aspectId: a.id, code: a.code, kind: a.kind, team: (p.teamOf.get(a.id) ?? []).map((id) => ({ judgeId: id, name: judgeNames.get(id) ?? String(id) })) })),
    recusals,
    shortPanels,
  };
}

/**
 * 认识该选手: after the draw a judge can add one kind of conflict only — with a code on their own
 * panel. The judge leaves that contestant's panel (a substitute takes the seat as for any recusal),
 * the report is audited, and the chief judge and organizers see that a conflict was reported for
 * the code, never with whom. A code not on the judge's panel gets the one answer of every such code.
 */
export async function reportConflict(ctx: ServiceContext, competitionId: number, input: { code: string; note?: string }) {
  const { actor } = await requireStaff(ctx, competitionId, 'judge', 'chief', 'substitute');
  return ctx.db.transaction(async (tx) => {
    const c = await lockMarkChain(tx, competitionId);
    if (!c) throw notFound('竞赛');
    if (c.status !== 'drawn' && c.status !== 'marking') throw conflict(marksLocked(c.status) ? '成绩已锁定，不能再报告回避' : '抽签后才能按参赛编号报告回避');
    const scheme = await currentScheme(tx, competitionId);
    const p = scheme ? await loadPanels(tx, competitionId, scheme) : null;
    const entry = p?.entries.find((e) => e.code === input.code);
    if (!scheme || !p || !entry || !scheme.aspects.some((a) => p.panel(entry.entryId, a.id)!.panel.includes(actor.id))) throw notOnSheet();
    const [marked] = await tx.select({ id: marks.id }).from(marks).where(and(eq(marks.entryId, entry.entryId), eq(marks.judgeId, actor.id))).limit(1);
    if (marked) throw conflict('您已为该编号评过分，不能再报告回避；请立即告知裁判长，由裁判长按成绩更正处理');
    await tx.insert(judgeConflicts).values({
      judgeId: actor.id, kind: 'entry', entryId: entry.entryId, reason: 'other', note: input.note?.trim() || null, declaredBy: actor.id, declaredAt: ctx.clock.now(),
    });
    // The audit names the code, not the entry: the mapping stays sealed until decoding.
    await recordAudit(tx, ctx, { action: 'judge.conflict.report', entity: 'competition', entityId: competitionId, after: { code: input.code } });
    return { ok: true as const, code: input.code };
  });
}

/** The codes on which a judge reported a conflict, for the progress view: by code, never with whom. */
export async function reportedCodes(db: DbOrTx, competitionId: number) {
  const rows = await db.select({ code: entries.code, at: judgeConflicts.declaredAt }).from(judgeConflicts).innerJoin(entries, eq(entries.id, judgeConflicts.entryId))
    .where(and(eq(judgeConflicts.kind, 'entry'), eq(entries.competitionId, competitionId))).orderBy(asc(entries.code), asc(judgeConflicts.declaredAt));
  return rows.map((r) => ({ code: r.code!, reportedAt: r.at.toISOString() }));
}

/** Why a judge may not mark an entry, or null (used to refuse marks with the reason). */
export async function recusalFor(ctx: ServiceContext, judgeId: number, entry: { entryId: number; personId: number; unitId: number }) {
  const judges = await conflictsOf(ctx.db, [judgeId]);
  const j = judges.get(judgeId);
  return j ? recusalReason(j, entry) : null;
}

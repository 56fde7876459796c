import { MARKING_STARTED } from '../../shared/competition/states.js';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { recusalReason } from '../../shared/competition/recusal.js';
import { accounts } from '../accounts/tables.js';
import { recordAudit } from '../audit/service.js';
import { competitionRow, isOrganizer, requireOrganizer } from '../competitions/policy.js';
import { competitionStaff } from '../competitions/tables.js';
import type { ServiceContext } from '../context.js';
import { entries } from '../entries/tables.js';
import { conflict, forbidden, invalid, notFound } from '../http/errors.js';
import { people } from '../people/tables.js';
import { requireRole } from '../policy.js';
import { currentScheme } from '../schemes/service.js';
import { units } from '../units/tables.js';
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
  const rows = await ctx.db.select({ c: judgeConflicts, unitName: units.name, personName: people.name }).from(judgeConflicts)
    .leftJoin(units, eq(units.id, judgeConflicts.unitId)).leftJoin(people, eq(people.id, judgeConflicts.personId))
    .where(eq(judgeConflicts.judgeId, judgeId)).orderBy(asc(judgeConflicts.id));
  return rows.map((r) => ({
    id: r.c.id, kind: r.c.kind, unitId: r.c.unitId, unitName: r.unitName, personId: r.c.personId, personName: r.personName,
    reason: r.c.reason, note: r.c.note, declaredAt: r.c.declaredAt.toISOString(),
  }));
}

export async function declareConflict(ctx: ServiceContext, judgeId: number, input: ConflictInput) {
  const actor = conflictWriter(ctx, judgeId);
  return ctx.db.transaction(async (tx) => {
    const [j] = await tx.select({ role: accounts.role }).from(accounts).where(eq(accounts.id, judgeId));
    if (!j || j.role !== 'judge') throw notFound('裁判');
    if (input.kind === 'unit') {
      if (!input.unitId) throw invalid('unitId', '请选择单位');
      const [u] = await tx.select({ id: units.id }).from(units).where(eq(units.id, input.unitId));
      if (!u) throw invalid('unitId', '单位不存在');
    } else {
      if (!input.personId) throw invalid('personId', '请选择人员');
      const [p] = await tx.select({ id: people.id }).from(people).where(eq(people.id, input.personId));
      if (!p) throw invalid('personId', '人员不存在');
    }
    // A declaration made after marking started still binds: the judge's marks for that contestant are refused from now on.
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
 * contestant's name (organizers see names, never the drawn codes), plus panels left short.
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
  const recusals: { judgeId: number; judgeName: string; entryId: number; contestant: string; unitName: string; reason: string }[] = [];
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
        const n = names.get(e.entryId);
        recusals.push({ judgeId: r.judgeId, judgeName: judgeNames.get(r.judgeId) ?? String(r.judgeId), entryId: e.entryId, contestant: n?.name ?? '', unitName: n?.unitName ?? '', reason: r.message });
      }
    }
  }
  return {
    aspects: scheme.aspects.map((a) => ({ aspectId: a.id, code: a.code, kind: a.kind, team: (p.teamOf.get(a.id) ?? []).map((id) => ({ judgeId: id, name: judgeNames.get(id) ?? String(id) })) })),
    recusals,
    shortPanels,
  };
}

/** Why a judge may not mark an entry, or null (used to refuse marks with the reason). */
export async function recusalFor(ctx: ServiceContext, judgeId: number, entry: { entryId: number; personId: number; unitId: number }) {
  const judges = await conflictsOf(ctx.db, [judgeId]);
  const j = judges.get(judgeId);
  return j ? recusalReason(j, entry) : null;
}

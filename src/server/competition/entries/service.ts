import { and, asc, count, eq, inArray, notInArray, sql } from 'drizzle-orm';
import { beijingTime } from '../../../shared/beijing-time.js';
import { ENTRY } from '../../../shared/competition/states.js';
import { recordAudit } from '../../core/audit/service.js';
import { competitionRow, isOrganizer, requireOrganizer, visibleCompetitionRow } from '../competitions/policy.js';
import { competitions } from '../competitions/tables.js';
import type { ServiceContext } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { AppError, conflict, forbidden, invalid, notFound } from '../../http/errors.js';
import { people } from '../../core/people/tables.js';
import { requireRole } from '../../policy.js';
import { trades } from '../../core/trades/tables.js';
import { units } from '../../core/units/tables.js';
import { entries } from './tables.js';

/** Who registers: a unit account for its own people, organizers for anyone. */
function registrar(ctx: ServiceContext) {
  const actor = requireRole(ctx, 'admin', 'committee', 'unit');
  if (actor.role === 'committee' && !isOrganizer(actor)) throw forbidden('只有技能竞赛组委会可以代为报名');
  if (actor.role === 'unit' && !actor.unitId) throw forbidden('该单位账号未关联单位');
  return actor;
}

const ACTIVE = ['submitted', 'approved'] as const;

/** An entry for lists: the person's name and masked ID — never the drawn code (sealed until decoding). */
const listColumns = {
  id: entries.id, competitionId: entries.competitionId, personId: entries.personId, name: people.name, idNumberMasked: people.idNumberMasked,
  unitId: entries.unitId, unitName: units.name, status: entries.status, reason: entries.reason, examNumber: entries.examNumber,
  registeredAt: entries.registeredAt, decidedAt: entries.decidedAt,
};
const present = (r: Record<string, unknown>) => ({
  ...r, registeredAt: (r.registeredAt as Date).toISOString(), decidedAt: r.decidedAt ? (r.decidedAt as Date).toISOString() : null,
}) as unknown as EntryView;
export interface EntryView {
  id: number; competitionId: number; personId: number; name: string; idNumberMasked: string; unitId: number; unitName: string;
  status: string; reason: string | null; examNumber: string | null; registeredAt: string; decidedAt: string | null;
}

export async function listEntries(ctx: ServiceContext, competitionId: number, q: { status?: string; unitId?: number } = {}) {
  const actor = registrar(ctx);
  await visibleCompetitionRow(ctx.db, actor, competitionId);
  const unitId = actor.role === 'unit' ? actor.unitId! : q.unitId;
  const rows = await ctx.db.select(listColumns).from(entries).innerJoin(people, eq(people.id, entries.personId)).innerJoin(units, eq(units.id, entries.unitId))
    .where(and(eq(entries.competitionId, competitionId), unitId ? eq(entries.unitId, unitId) : undefined, q.status ? eq(entries.status, q.status as never) : undefined))
    .orderBy(asc(entries.id));
  return rows.map(present);
}

function quotaOf(c: typeof competitions.$inferSelect, unitId: number): number | null {
  return c.unitQuotas[String(unitId)] ?? c.defaultQuota;
}

/**
 * Registers people into a competition, all or none: each refused person is named with the reason
 * (not found, another unit's, wrong trade, already entered, over the unit's quota, window closed).
 */
export async function registerEntries(ctx: ServiceContext, competitionId: number, personIds: number[]) {
  const actor = registrar(ctx);
  return ctx.db.transaction(async (tx) => {
    // The row lock serializes registrations of one competition, so a quota cannot be overrun by a race.
    const [c] = await tx.select().from(competitions).where(eq(competitions.id, competitionId)).for('update');
    if (!c || (c.status === 'draft' && !isOrganizer(actor))) throw notFound('竞赛');
    const now = ctx.clock.now();
    if (actor.role === 'unit') {
      if (c.status !== 'registration') throw conflict('该竞赛当前不在报名阶段');
      if (now < c.registrationOpensAt || now > c.registrationClosesAt)
        throw conflict(`报名时间为 ${beijingTime(c.registrationOpensAt)} 至 ${beijingTime(c.registrationClosesAt)}（北京时间），当前不在报名时间内`);
    } else if (c.status !== 'registration' && c.status !== 'closed') throw conflict('抽签后不能再报名');

    const unique = [...new Set(personIds)];
    const found = await tx.select({ id: people.id, name: people.name, unitId: people.unitId, tradeId: people.tradeId, tradeName: trades.name })
      .from(people).leftJoin(trades, eq(trades.id, people.tradeId)).where(inArray(people.id, unique));
    const byId = new Map(found.map((p) => [p.id, p]));
    const already = new Set((await tx.select({ p: entries.personId }).from(entries)
      .where(and(eq(entries.competitionId, competitionId), inArray(entries.personId, unique), notInArray(entries.status, ['withdrawn', 'rejected'])))).map((r) => r.p));
    const problems: { field: string; message: string }[] = [];
    const perUnit = new Map<number, number>();
    for (const [i, id] of unique.entries()) {
      const p = byId.get(id);
      const field = `personIds[${i}]`;
      if (!p || (actor.role === 'unit' && p.unitId !== actor.unitId)) { problems.push({ field, message: `人员 ${id} 不存在或不属于本单位` }); continue; }
      if (p.tradeId !== c.tradeId) { problems.push({ field, message: `${p.name}的工种为「${p.tradeName ?? '未填写'}」，与竞赛工种不符` }); continue; }
      if (already.has(id)) { problems.push({ field, message: `${p.name}已报名该竞赛` }); continue; }
      perUnit.set(p.unitId, (perUnit.get(p.unitId) ?? 0) + 1);
    }
    for (const [unitId, adding] of perUnit) {
      const quota = quotaOf(c, unitId);
      if (quota == null) continue;
      const [n] = await tx.select({ n: count() }).from(entries).where(and(eq(entries.competitionId, competitionId), eq(entries.unitId, unitId), inArray(entries.status, [...ACTIVE])));
      if ((n?.n ?? 0) + adding > quota) problems.push({ field: 'personIds', message: `超出名额：该单位名额 ${quota} 人，已报 ${n?.n ?? 0} 人，本次 ${adding} 人` });
    }
    if (problems.length) throw new AppError(400, 'VALIDATION', problems[0]!.message, problems);

    const ids: number[] = [];
    for (const id of unique) {
      const p = byId.get(id)!;
      // A rejected or withdrawn entry is resubmitted rather than doubled.
      const [prev] = await tx.select({ id: entries.id, status: entries.status }).from(entries).where(and(eq(entries.competitionId, competitionId), eq(entries.personId, id)));
      if (prev) {
        if (prev.status === 'withdrawn') throw conflict(`${p.name}已退赛，不能再次报名`);
        ENTRY.assert(prev.status, 'submitted');
        await tx.update(entries).set({ status: 'submitted', reason: null, registeredBy: actor.id, registeredAt: now, decidedAt: null, decidedBy: null }).where(eq(entries.id, prev.id));
        ids.push(prev.id);
      } else {
        const [row] = await tx.insert(entries).values({ competitionId, personId: id, unitId: p.unitId, registeredBy: actor.id, registeredAt: now }).returning({ id: entries.id });
        ids.push(row!.id);
      }
    }
    await recordAudit(tx, ctx, { action: 'entry.register', entity: 'competition', entityId: competitionId, after: { entryIds: ids, personIds: unique } });
    return { registered: ids.length, entryIds: ids };
  });
}

async function entryIn(tx: DbOrTx, competitionId: number, entryId: number) {
  const [e] = await tx.select().from(entries).where(and(eq(entries.id, entryId), eq(entries.competitionId, competitionId)));
  if (!e) throw notFound('报名');
  return e;
}

/** 准考证号: the code prefix, the competition id (2 digits) and the n-th number given in it (4 digits). */
export function examNumberOf(codePrefix: string, competitionId: number, n: number): string {
  return `${codePrefix}${String(competitionId).padStart(2, '0')}${String(n).padStart(4, '0')}`;
}

/** The organizer's decision: approve (an exam number is given) or reject with a reason. */
export async function decideEntries(ctx: ServiceContext, competitionId: number, input: { entryIds: number[]; decision: 'approved' | 'rejected'; reason?: string }) {
  requireOrganizer(ctx);
  if (input.decision === 'rejected' && !input.reason?.trim()) throw invalid('reason', '驳回须填写原因');
  return ctx.db.transaction(async (tx) => {
    const [c] = await tx.select().from(competitions).where(eq(competitions.id, competitionId)).for('update');
    if (!c) throw notFound('竞赛');
    if (!['registration', 'closed'].includes(c.status)) throw conflict('抽签后不能再审核报名');
    const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(entries).where(and(eq(entries.competitionId, competitionId), sql`${entries.examNumber} is not null`));
    let next = n;
    for (const id of input.entryIds) {
      const e = await entryIn(tx, competitionId, id);
      ENTRY.assert(e.status, input.decision);
      const examNumber = input.decision === 'approved' ? (e.examNumber ?? examNumberOf(c.codePrefix, c.id, ++next)) : e.examNumber;
      await tx.update(entries).set({ status: input.decision, reason: input.reason ?? null, decidedBy: ctx.actor!.id, decidedAt: ctx.clock.now(), examNumber }).where(eq(entries.id, id));
    }
    await recordAudit(tx, ctx, { action: `entry.${input.decision}`, entity: 'competition', entityId: competitionId, after: input });
    return { decided: input.entryIds.length };
  });
}

/** 退赛: by the entry's unit or an organizer, before marking starts, with a reason. */
export async function withdrawEntry(ctx: ServiceContext, competitionId: number, entryId: number, reason: string) {
  const actor = registrar(ctx);
  if (!reason.trim()) throw invalid('reason', '退赛须填写原因');
  return ctx.db.transaction(async (tx) => {
    const c = await competitionRow(tx, competitionId);
    const e = await entryIn(tx, competitionId, entryId);
    if (actor.role === 'unit' && e.unitId !== actor.unitId) throw notFound('报名');
    if (!['registration', 'closed', 'drawn'].includes(c.status)) throw conflict('评分开始后不能退赛');
    ENTRY.assert(e.status, 'withdrawn');
    await tx.update(entries).set({ status: 'withdrawn', reason, decidedBy: actor.id, decidedAt: ctx.clock.now() }).where(eq(entries.id, entryId));
    await recordAudit(tx, ctx, { action: 'entry.withdraw', entity: 'entry', entityId: entryId, before: { status: e.status }, after: { status: 'withdrawn', reason } });
    return { ok: true as const };
  });
}

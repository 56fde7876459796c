import { MARKING_STARTED } from '../../shared/competition/states.js';
import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import { COMPETITION } from '../../shared/competition/states.js';
import { CompetitionRules, type Competition, type CompetitionInput, type CompetitionStatus, type StaffRole } from '../../shared/contracts/competitions.js';
import { accounts } from '../accounts/tables.js';
import { recordAudit } from '../audit/service.js';
import { campaigns } from '../campaign/tables.js';
import type { Actor, ServiceContext } from '../context.js';
import type { DbOrTx } from '../db/client.js';
import { entries } from '../entries/tables.js';
import { AppError, conflict, invalid, notFound } from '../http/errors.js';
import { requireRole } from '../policy.js';
import { trades } from '../trades/tables.js';
import { units } from '../units/tables.js';
import { competitionRow, COMPETITION_READERS, requireOrganizer, STAFF_ROLE_NAMES } from './policy.js';
import { competitions, competitionStaff } from './tables.js';

type Row = typeof competitions.$inferSelect;

export function presentCompetition(r: Row, tradeName: string, entryCounts: Record<string, number>): Competition {
  return {
    id: r.id, campaignId: r.campaignId, tradeId: r.tradeId, tradeName, level: r.level, name: r.name, startsOn: r.startsOn, endsOn: r.endsOn,
    venue: r.venue, stations: r.stations, codePrefix: r.codePrefix, registrationOpensAt: r.registrationOpensAt.toISOString(),
    registrationClosesAt: r.registrationClosesAt.toISOString(), defaultQuota: r.defaultQuota, unitQuotas: r.unitQuotas,
    parts: r.parts, rules: r.rules, status: r.status, endedAt: r.endedAt?.toISOString() ?? null, version: r.version, entryCounts,
  };
}

/** Entries by status; a unit account counts only its own unit's (other units' numbers are not its business). */
async function countsOf(db: DbOrTx, ids: number[], actor: Actor) {
  const out = new Map<number, Record<string, number>>(ids.map((id) => [id, {}]));
  if (ids.length === 0) return out;
  const rows = await db.select({ c: entries.competitionId, s: entries.status, n: count() }).from(entries)
    .where(and(sql`${entries.competitionId} in ${ids}`, actor.role === 'unit' ? eq(entries.unitId, actor.unitId ?? -1) : undefined))
    .groupBy(entries.competitionId, entries.status);
  for (const r of rows) out.get(r.c)![r.s] = r.n;
  return out;
}

/**
 * Staff and units see every competition (units register into them); a judge sees only the
 * competitions whose staff list names them.
 */
export async function listCompetitions(ctx: ServiceContext) {
  const actor = requireRole(ctx, ...COMPETITION_READERS);
  const base = ctx.db.select({ c: competitions, tradeName: trades.name }).from(competitions).innerJoin(trades, eq(trades.id, competitions.tradeId));
  const rows = actor.role === 'judge'
    ? await base.where(sql`exists (select 1 from ${competitionStaff} s where s.competition_id = ${competitions.id} and s.account_id = ${actor.id})`).orderBy(asc(competitions.id))
    : await base.orderBy(asc(competitions.id));
  const counts = await countsOf(ctx.db, rows.map((r) => r.c.id), actor);
  return rows.map((r) => presentCompetition(r.c, r.tradeName, counts.get(r.c.id)!));
}

export async function getCompetition(ctx: ServiceContext, id: number, db: DbOrTx = ctx.db): Promise<Competition> {
  const actor = requireRole(ctx, ...COMPETITION_READERS);
  const [r] = await db.select({ c: competitions, tradeName: trades.name }).from(competitions).innerJoin(trades, eq(trades.id, competitions.tradeId)).where(eq(competitions.id, id));
  if (!r) throw notFound('竞赛');
  if (actor.role === 'judge') {
    const [s] = await db.select({ n: count() }).from(competitionStaff).where(and(eq(competitionStaff.competitionId, id), eq(competitionStaff.accountId, actor.id)));
    if (!s?.n) throw notFound('竞赛');
  }
  return presentCompetition(r.c, r.tradeName, (await countsOf(db, [id], actor)).get(id)!);
}

async function requireTrade(db: DbOrTx, id: number) {
  const [t] = await db.select({ id: trades.id }).from(trades).where(eq(trades.id, id));
  if (!t) throw invalid('tradeId', '工种不存在');
}

export async function createCompetition(ctx: ServiceContext, input: CompetitionInput): Promise<Competition> {
  requireOrganizer(ctx);
  return ctx.db.transaction(async (tx) => {
    await requireTrade(tx, input.tradeId);
    const [campaign] = await tx.select({ id: campaigns.id }).from(campaigns).orderBy(desc(campaigns.id)).limit(1);
    if (!campaign) throw invalid('campaignId', '请先建立技能月活动');
    const [row] = await tx.insert(competitions).values({
      ...input, campaignId: campaign.id,
      registrationOpensAt: new Date(input.registrationOpensAt), registrationClosesAt: new Date(input.registrationClosesAt),
      createdAt: ctx.clock.now(), updatedAt: ctx.clock.now(),
    }).returning();
    const c = await getCompetition(ctx, row!.id, tx);
    await recordAudit(tx, ctx, { action: 'competition.create', entity: 'competition', entityId: row!.id, after: c });
    return c;
  });
}

/** Claims the row at the version the user read; anyone who changed it since makes this a conflict. */
export async function bumpVersion(tx: DbOrTx, ctx: ServiceContext, id: number, version: number, set: Partial<Row> = {}) {
  const [r] = await tx.update(competitions).set({ ...set, version: sql`${competitions.version} + 1`, updatedAt: ctx.clock.now() })
    .where(and(eq(competitions.id, id), eq(competitions.version, version))).returning({ id: competitions.id });
  if (!r) throw conflict('竞赛信息已被他人修改，请刷新后重试', 'version');
}

/**
 * Set-up can change until the draw. The rules (tie-break, awards, outcomes) and the parts' weights
 * and pass marks — not which parts there are — can change until the results go on notice (公示):
 * the results are ranked per competition version, so they recompute with the new rules.
 */
export async function updateCompetition(ctx: ServiceContext, id: number, input: CompetitionInput & { version: number }): Promise<Competition> {
  requireOrganizer(ctx);
  return ctx.db.transaction(async (tx) => {
    const before = await getCompetition(ctx, id, tx);
    const { version, ...values } = input;
    await requireTrade(tx, values.tradeId);
    const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
    const partKeys = (ps: { key: string }[]) => ps.map((p) => p.key).sort();
    const setupOpen = ['draft', 'registration', 'closed'].includes(before.status);
    if (!setupOpen) {
      const changed: string[] = (['tradeId', 'level', 'stations', 'codePrefix'] as const).filter((k) => !same(values[k], before[k]));
      if (!same(partKeys(values.parts), partKeys(before.parts))) changed.push('parts');
      if (changed.length) throw new AppError(409, 'LOCKED', `抽签后不能再修改：${changed.join('、')}`, changed.map((field) => ({ field, message: '抽签后不能再修改' })));
    }
    const rulesChanged = !same(CompetitionRules.parse(values.rules), CompetitionRules.parse(before.rules)) || !same(values.parts, before.parts);
    // Once final, the certificates and the published results carry this set-up: nothing changes (an unchanged save passes).
    if (before.status === 'final') {
      const changed = (['name', 'startsOn', 'endsOn', 'venue', 'registrationOpensAt', 'registrationClosesAt', 'defaultQuota'] as const).filter((k) => !same(values[k], before[k]));
      if (changed.length || rulesChanged) throw new AppError(409, 'LOCKED', '成绩已确定，基本信息不能再修改', (rulesChanged ? [...changed, 'rules'] : changed).map((field) => ({ field, message: '成绩已确定' })));
    }
    if (rulesChanged && before.status === 'notice') throw new AppError(409, 'LOCKED', '公示期间不能修改规则，请先撤回公示', [{ field: 'rules', message: '公示期间不能修改规则' }]);
    await bumpVersion(tx, ctx, id, version, {
      ...values, registrationOpensAt: new Date(values.registrationOpensAt), registrationClosesAt: new Date(values.registrationClosesAt),
    });
    const after = await getCompetition(ctx, id, tx);
    await recordAudit(tx, ctx, { action: 'competition.update', entity: 'competition', entityId: id, before, after });
    return after;
  });
}

/**
 * Moves a competition along its state machine. The checks that need data (a scheme before
 * marking, all marks signed off before locking) are the services' that own that data: the
 * draw, marking start and sign-off call `setStatus` themselves.
 */
export async function setStatus(tx: DbOrTx, ctx: ServiceContext, id: number, to: CompetitionStatus, version?: number) {
  const c = await competitionRow(tx, id);
  COMPETITION.assert(c.status, to);
  await bumpVersion(tx, ctx, id, version ?? c.version, { status: to, ...(to === 'locked' ? { endedAt: ctx.clock.now() } : {}) });
  await recordAudit(tx, ctx, { action: 'competition.status', entity: 'competition', entityId: id, before: { status: c.status }, after: { status: to } });
}

/** The organizer opens or closes registration (or returns to set-up while nobody has entered). */
export async function changeRegistration(ctx: ServiceContext, id: number, to: 'draft' | 'registration' | 'closed', version: number) {
  requireOrganizer(ctx);
  return ctx.db.transaction(async (tx) => {
    if (to === 'draft') {
      const [n] = await tx.select({ n: count() }).from(entries).where(eq(entries.competitionId, id));
      if (n?.n) throw conflict('已有报名，不能退回筹备状态');
    }
    await setStatus(tx, ctx, id, to, version);
    return getCompetition(ctx, id, tx);
  });
}

export async function listStaff(ctx: ServiceContext, competitionId: number) {
  requireOrganizer(ctx);
  await competitionRow(ctx.db, competitionId);
  const rows = await ctx.db.select({ s: competitionStaff, a: accounts, unitName: units.name }).from(competitionStaff)
    .innerJoin(accounts, eq(accounts.id, competitionStaff.accountId)).leftJoin(units, eq(units.id, accounts.unitId))
    .where(eq(competitionStaff.competitionId, competitionId)).orderBy(asc(competitionStaff.role), asc(accounts.id));
  return rows.map((r) => ({
    accountId: r.a.id, username: r.a.username, displayName: r.a.displayName, accountRole: r.a.role, unitId: r.a.unitId, unitName: r.unitName, role: r.s.role,
  }));
}

/** Which account roles may hold each competition role. */
const STAFF_ACCOUNT_ROLES: Record<StaffRole, string[]> = {
  judge: ['judge'], chief: ['judge'], substitute: ['judge'], decoder: ['admin'], operator: ['admin', 'committee'],
};

export async function addStaff(ctx: ServiceContext, competitionId: number, input: { accountId: number; role: StaffRole }) {
  const actor = requireOrganizer(ctx);
  return ctx.db.transaction(async (tx) => {
    const c = await competitionRow(tx, competitionId);
    // Panels are fixed once marking starts: a new judge or substitute would reseat them mid-way.
    if (MARKING_STARTED.includes(c.status) && ['judge', 'chief', 'substitute'].includes(input.role)) {
      throw conflict('评分开始后不能再增加裁判或替补裁判');
    }
    const [a] = await tx.select().from(accounts).where(eq(accounts.id, input.accountId));
    if (!a || a.disabled) throw invalid('accountId', '账号不存在或已停用');
    if (!STAFF_ACCOUNT_ROLES[input.role].includes(a.role)) throw invalid('accountId', `${STAFF_ROLE_NAMES[input.role]}须由${STAFF_ACCOUNT_ROLES[input.role].join('/')}账号担任`);
    if (input.role === 'decoder' && a.id === actor.id && actor.role !== 'admin') throw invalid('accountId', '不能给自己授予解密权限');
    await tx.insert(competitionStaff).values({ competitionId, accountId: a.id, role: input.role, grantedBy: actor.id, grantedAt: ctx.clock.now() }).onConflictDoNothing();
    await recordAudit(tx, ctx, { action: 'competition.staff.add', entity: 'competition', entityId: competitionId, after: { accountId: a.id, role: input.role } });
    return { ok: true as const };
  });
}

export async function removeStaff(ctx: ServiceContext, competitionId: number, input: { accountId: number; role: StaffRole }) {
  requireOrganizer(ctx);
  return ctx.db.transaction(async (tx) => {
    const c = await competitionRow(tx, competitionId);
    if (MARKING_STARTED.includes(c.status) && input.role !== 'decoder' && input.role !== 'operator') throw conflict('评分开始后不能移除裁判');
    await tx.delete(competitionStaff).where(and(eq(competitionStaff.competitionId, competitionId), eq(competitionStaff.accountId, input.accountId), eq(competitionStaff.role, input.role)));
    await recordAudit(tx, ctx, { action: 'competition.staff.remove', entity: 'competition', entityId: competitionId, before: input });
    return { ok: true as const };
  });
}

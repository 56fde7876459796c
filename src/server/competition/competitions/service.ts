import { MARKING_STARTED } from '../../../shared/competition/states.js';
import { and, asc, count, eq, ne, sql } from 'drizzle-orm';
import { lockedChanges, type Editable } from '../../../shared/competition/editing.js';
import { COMPETITION } from '../../../shared/competition/states.js';
import { CompetitionInput, CompetitionRules, type Competition, type CompetitionPatch, type CompetitionStatus, type StaffRole } from '../../../shared/contracts/competitions.js';
import { accounts } from '../../core/accounts/tables.js';
import { recordAudit } from '../../core/audit/service.js';
import { currentCampaignId } from '../../core/campaign/service.js';
import { campaigns } from '../../core/campaign/tables.js';
import type { Actor, ServiceContext } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { entries } from '../entries/tables.js';
import { AppError, conflict, invalid, notFound } from '../../http/errors.js';
import { requireRole } from '../../policy.js';
import { trades } from '../../core/trades/tables.js';
import { units } from '../../core/units/tables.js';
import { aspectJudges } from '../judging/tables.js';
import { draws } from '../draws/tables.js';
import { markingSchemes, schemeAspects } from '../schemes/tables.js';
import { competitionRow, COMPETITION_READERS, isOrganizer, requireOrganizer, STAFF_ROLE_NAMES } from './policy.js';
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
 * Staff and units see every competition past set-up (units register into them); a judge sees only
 * the competitions whose staff list names them. A draft (筹备) is the organizers' alone.
 */
export async function listCompetitions(ctx: ServiceContext, q: { campaignId?: number } = {}) {
  const actor = requireRole(ctx, ...COMPETITION_READERS);
  const base = ctx.db.select({ c: competitions, tradeName: trades.name }).from(competitions).innerJoin(trades, eq(trades.id, competitions.tradeId));
  const rows = await base.where(and(
    actor.role === 'judge' ? sql`exists (select 1 from ${competitionStaff} s where s.competition_id = ${competitions.id} and s.account_id = ${actor.id})` : undefined,
    isOrganizer(actor) ? undefined : ne(competitions.status, 'draft'),
    q.campaignId ? eq(competitions.campaignId, q.campaignId) : undefined,
  )).orderBy(asc(competitions.id));
  const counts = await countsOf(ctx.db, rows.map((r) => r.c.id), actor);
  return rows.map((r) => presentCompetition(r.c, r.tradeName, counts.get(r.c.id)!));
}

export async function getCompetition(ctx: ServiceContext, id: number, db: DbOrTx = ctx.db): Promise<Competition> {
  const actor = requireRole(ctx, ...COMPETITION_READERS);
  const [r] = await db.select({ c: competitions, tradeName: trades.name }).from(competitions).innerJoin(trades, eq(trades.id, competitions.tradeId)).where(eq(competitions.id, id));
  if (!r) throw notFound('竞赛');
  if (r.c.status === 'draft' && !isOrganizer(actor)) throw notFound('竞赛');
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

async function requireCampaign(db: DbOrTx, id: number) {
  const [c] = await db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.id, id));
  if (!c) throw invalid('campaignId', '技能月活动不存在');
}

/**
 * One competition per campaign, trade, level and name (the unique index `competitions_identity_uq`
 * holds it in the database too): the same competition set up twice is refused, naming the other one.
 */
async function requireUnique(db: DbOrTx, v: { campaignId: number; tradeId: number; level: number; name: string }, except?: number) {
  const [dupe] = await db.select({ id: competitions.id }).from(competitions).where(and(
    eq(competitions.campaignId, v.campaignId), eq(competitions.tradeId, v.tradeId), eq(competitions.level, v.level), eq(competitions.name, v.name),
    except === undefined ? undefined : ne(competitions.id, except),
  ));
  if (dupe) throw identical(v.name);
}
const identical = (name: string) => new AppError(409, 'DUPLICATE', `本次活动中已有同一工种、同一等级的竞赛「${name}」，请勿重复建立`, [{ field: 'name', message: '与已有竞赛重复' }]);

/** The database's unique index answering a race the check above did not see. */
function isIdentityViolation(e: unknown): boolean {
  for (let x: unknown = e; x; x = (x as { cause?: unknown }).cause) {
    const o = x as { code?: string; constraint?: string; message?: string };
    if (o.code === '23505' && (o.constraint === 'competitions_identity_uq' || o.message?.includes('competitions_identity_uq'))) return true;
  }
  return false;
}

async function mapIdentity<T>(name: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (isIdentityViolation(e)) throw identical(name);
    throw e;
  }
}

export async function createCompetition(ctx: ServiceContext, input: CompetitionInput): Promise<Competition> {
  requireOrganizer(ctx);
  return mapIdentity(input.name, () => ctx.db.transaction(async (tx) => {
    await requireTrade(tx, input.tradeId);
    let campaignId = input.campaignId;
    if (campaignId === undefined) {
      const current = await currentCampaignId(tx);
      if (current === null) throw invalid('campaignId', '请先建立技能月活动');
      campaignId = current;
    } else {
      await requireCampaign(tx, campaignId);
    }
    await requireUnique(tx, { ...input, campaignId });
    const [row] = await tx.insert(competitions).values({
      ...input, campaignId,
      registrationOpensAt: new Date(input.registrationOpensAt), registrationClosesAt: new Date(input.registrationClosesAt),
      createdAt: ctx.clock.now(), updatedAt: ctx.clock.now(),
    }).returning();
    const c = await getCompetition(ctx, row!.id, tx);
    await recordAudit(tx, ctx, { action: 'competition.create', entity: 'competition', entityId: row!.id, after: c });
    return c;
  }));
}

/** Claims the row at the version the user read; anyone who changed it since makes this a conflict. */
export async function bumpVersion(tx: DbOrTx, ctx: ServiceContext, id: number, version: number, set: Partial<Row> = {}) {
  const [r] = await tx.update(competitions).set({ ...set, version: sql`${competitions.version} + 1`, updatedAt: ctx.clock.now() })
    .where(and(eq(competitions.id, id), eq(competitions.version, version))).returning({ id: competitions.id });
  if (!r) throw conflict('竞赛信息已被他人修改，请刷新后重试', 'version');
}

const FIELD_NAMES: Record<string, string> = {
  campaignId: '所属活动', tradeId: '工种', level: '等级', name: '竞赛名称', startsOn: '开始日期', endsOn: '结束日期', venue: '地点',
  stations: '工位数', codePrefix: '编号前缀', registrationOpensAt: '报名开始时间', registrationClosesAt: '报名截止时间',
  defaultQuota: '默认名额', unitQuotas: '单位名额', parts: '成绩构成', rules: '规则',
};

function editableOf(c: Competition): Editable {
  return {
    campaignId: c.campaignId, tradeId: c.tradeId, level: c.level, name: c.name, startsOn: c.startsOn, endsOn: c.endsOn, venue: c.venue,
    stations: c.stations, codePrefix: c.codePrefix, registrationOpensAt: c.registrationOpensAt, registrationClosesAt: c.registrationClosesAt,
    defaultQuota: c.defaultQuota, unitQuotas: c.unitQuotas, parts: c.parts, rules: c.rules,
  };
}

/**
 * Writes a whole set-up after checking what the competition's state allows
 * (shared/competition/editing.ts): the trade, level, stations, code prefix and which parts there are
 * until the draw; the rules and the parts' weights until the results go on notice (公示); nothing
 * once final. The results are ranked per competition version, so they recompute with new rules.
 */
async function applyUpdate(tx: DbOrTx, ctx: ServiceContext, before: Competition, version: number, values: CompetitionInput) {
  const campaignId = values.campaignId ?? before.campaignId;
  const next: Editable = { ...values, campaignId, rules: CompetitionRules.parse(values.rules) };
  const locked = lockedChanges(before.status, { ...editableOf(before), rules: CompetitionRules.parse(before.rules) }, next);
  if (locked.length) {
    const names = locked.map((l) => FIELD_NAMES[l.field] ?? l.field).join('、');
    const message = before.status === 'final' ? `成绩已确定，不能再修改：${names}`
      : locked.some((l) => l.message === '抽签后不能再修改') ? `抽签后不能再修改：${names}`
      : '公示期间不能修改规则，请先撤回公示';
    throw new AppError(409, 'LOCKED', message, locked);
  }
  if (values.tradeId !== before.tradeId) await requireTrade(tx, values.tradeId);
  if (campaignId !== before.campaignId) await requireCampaign(tx, campaignId);
  await requireUnique(tx, { ...values, campaignId }, before.id);
  await bumpVersion(tx, ctx, before.id, version, {
    ...values, campaignId, registrationOpensAt: new Date(values.registrationOpensAt), registrationClosesAt: new Date(values.registrationClosesAt),
  });
  const after = await getCompetition(ctx, before.id, tx);
  await recordAudit(tx, ctx, { action: 'competition.update', entity: 'competition', entityId: before.id, before, after });
  return after;
}

/** 修改竞赛 PUT: the whole set-up at the version read. */
export async function updateCompetition(ctx: ServiceContext, id: number, input: CompetitionInput & { version: number }): Promise<Competition> {
  requireOrganizer(ctx);
  const { version, ...values } = input;
  return mapIdentity(values.name, () => ctx.db.transaction(async (tx) => applyUpdate(tx, ctx, await getCompetition(ctx, id, tx), version, values)));
}

/**
 * 修改竞赛 PATCH: only the fields given change (rules merge by key), e.g. closing the appeal window
 * with `{ rules: { appealWindowHours: 0 }, version }`. The merged set-up is checked as a whole.
 */
export async function patchCompetition(ctx: ServiceContext, id: number, patch: CompetitionPatch): Promise<Competition> {
  requireOrganizer(ctx);
  const { version, rules, ...fields } = patch;
  return ctx.db.transaction(async (tx) => {
    const before = await getCompetition(ctx, id, tx);
    const merged = CompetitionInput.safeParse({ ...editableOf(before), ...fields, rules: { ...before.rules, ...rules } });
    if (!merged.success) {
      const issues = merged.error.issues.map((i) => ({ field: i.path.join('.') || 'body', message: i.message }));
      throw new AppError(400, 'VALIDATION', issues.map((i) => `${i.field}: ${i.message}`).join('；'), issues);
    }
    return mapIdentity(merged.data.name, () => applyUpdate(tx, ctx, before, version, merged.data));
  });
}

/**
 * 删除竞赛: a draft nobody has entered, with what set-up made for it (staff, schemes and marking
 * teams). Anything past set-up is kept: registration opened means units may have acted on it.
 */
export async function deleteCompetition(ctx: ServiceContext, id: number, version: number) {
  requireOrganizer(ctx);
  return ctx.db.transaction(async (tx) => {
    const before = await getCompetition(ctx, id, tx);
    if (before.status !== 'draft') throw new AppError(409, 'LOCKED', '只能删除筹备中的竞赛；已开放报名的竞赛不能删除', [{ field: 'status', message: '不是筹备状态' }]);
    if (before.version !== version) throw conflict('竞赛信息已被他人修改，请刷新后重试', 'version');
    const [n] = await tx.select({ n: count() }).from(entries).where(eq(entries.competitionId, id));
    if (n?.n) throw conflict('已有报名，不能删除');
    await tx.delete(aspectJudges).where(eq(aspectJudges.competitionId, id));
    await tx.delete(schemeAspects).where(eq(schemeAspects.competitionId, id));
    await tx.delete(markingSchemes).where(eq(markingSchemes.competitionId, id));
    await tx.delete(competitionStaff).where(eq(competitionStaff.competitionId, id));
    await tx.delete(draws).where(eq(draws.competitionId, id));
    await tx.delete(competitions).where(eq(competitions.id, id));
    await recordAudit(tx, ctx, { action: 'competition.delete', entity: 'competition', entityId: id, before });
    return { ok: true as const };
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

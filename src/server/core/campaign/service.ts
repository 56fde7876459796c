import { and, asc, count, desc, eq, notInArray, sql } from 'drizzle-orm';
import type { Campaign, CampaignInput, CampaignSummary, Dashboard } from '../../../shared/contracts/campaign.js';
import { recordAudit } from '../audit/service.js';
import type { ServiceContext } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { competitions } from '../../competition/competitions/tables.js';
import { conflict, notFound } from '../../http/errors.js';
import { people } from '../people/tables.js';
import { requireActor, requireRole } from '../../policy.js';
import { trades } from '../trades/tables.js';
import { units } from '../units/tables.js';
import { requireCampaignOrganizer } from './policy.js';
import { campaignActivities, campaignDocuments, campaigns } from './tables.js';

/**
 * The current campaign: the one that starts latest (a bureau runs one a year and may set up next
 * year's early); among campaigns starting the same day, the last created.
 */
export async function currentCampaignId(db: DbOrTx): Promise<number | null> {
  const [c] = await db.select({ id: campaigns.id }).from(campaigns).orderBy(desc(campaigns.startsOn), desc(campaigns.id)).limit(1);
  return c?.id ?? null;
}

async function loadCampaign(db: DbOrTx, id: number): Promise<Campaign | null> {
  const [c] = await db.select().from(campaigns).where(eq(campaigns.id, id));
  if (!c) return null;
  const [activities, documents, currentId] = await Promise.all([
    db.select().from(campaignActivities).where(eq(campaignActivities.campaignId, c.id)).orderBy(asc(campaignActivities.position), asc(campaignActivities.id)),
    db.select().from(campaignDocuments).where(eq(campaignDocuments.campaignId, c.id)).orderBy(asc(campaignDocuments.issuedOn), asc(campaignDocuments.id)),
    currentCampaignId(db),
  ]);
  return {
    id: c.id, name: c.name, theme: c.theme, startsOn: c.startsOn, endsOn: c.endsOn, organizer: c.organizer,
    coOrganizers: c.coOrganizers, contentAreas: c.contentAreas,
    committeeBodies: c.committeeBodies.map((b) => ({ key: b.key, name: b.name, duties: b.duties, members: b.members ?? [] })),
    activities: activities.map(({ campaignId: _c, position: _p, ...a }) => a),
    documents: documents.map(({ campaignId: _c, ...d }) => d),
    current: c.id === currentId,
    version: c.version,
  };
}

/** The public site's view: everything here is public by nature (a published plan and notices). */
export async function publicCampaign(ctx: ServiceContext): Promise<Campaign> {
  const id = await currentCampaignId(ctx.db);
  const c = id === null ? null : await loadCampaign(ctx.db, id);
  if (!c) throw notFound('活动');
  return c;
}

export async function staffCampaign(ctx: ServiceContext): Promise<Campaign> {
  requireActor(ctx);
  return publicCampaign(ctx);
}

/** Every campaign, the latest first; each stays readable after its year. */
export async function listCampaigns(ctx: ServiceContext): Promise<CampaignSummary[]> {
  requireActor(ctx);
  const [rows, currentId] = await Promise.all([
    ctx.db.select({ c: campaigns, competitions: sql<number>`(select count(*)::int from ${competitions} where ${competitions.campaignId} = ${campaigns.id})` })
      .from(campaigns).orderBy(desc(campaigns.startsOn), desc(campaigns.id)),
    currentCampaignId(ctx.db),
  ]);
  return rows.map(({ c, competitions: n }) => ({
    id: c.id, name: c.name, theme: c.theme, startsOn: c.startsOn, endsOn: c.endsOn, organizer: c.organizer, current: c.id === currentId, competitions: Number(n),
  }));
}

export async function getCampaign(ctx: ServiceContext, id: number): Promise<Campaign> {
  requireActor(ctx);
  const c = await loadCampaign(ctx.db, id);
  if (!c) throw notFound('活动');
  return c;
}

/** Body keys: kept when given (the standing bodies use the account committee keys), made up otherwise. */
function bodiesOf(input: CampaignInput) {
  const taken = new Set(input.committeeBodies.map((b) => b.key).filter(Boolean));
  let n = 0;
  return input.committeeBodies.map((b) => {
    let key = b.key;
    while (!key || (taken.has(key) && key !== b.key)) key = `body${++n}`;
    taken.add(key);
    return { key, name: b.name, duties: b.duties, members: b.members };
  });
}

const activityKey = (i: number) => `activity${i + 1}`;

/**
 * Writes the plan's activities and documents: rows named by id keep their id (and are updated),
 * the others are added, and rows of the campaign no longer listed are removed.
 */
async function writePlan(tx: DbOrTx, campaignId: number, input: CampaignInput) {
  const keepActivities = input.activities.flatMap((a) => (a.id ? [a.id] : []));
  const keepDocuments = input.documents.flatMap((d) => (d.id ? [d.id] : []));
  await tx.delete(campaignActivities).where(and(eq(campaignActivities.campaignId, campaignId), keepActivities.length ? notInArray(campaignActivities.id, keepActivities) : undefined));
  await tx.delete(campaignDocuments).where(and(eq(campaignDocuments.campaignId, campaignId), keepDocuments.length ? notInArray(campaignDocuments.id, keepDocuments) : undefined));
  for (const [i, a] of input.activities.entries()) {
    const { id, key, ...values } = a;
    const row = { ...values, key: key ?? activityKey(i), position: i };
    if (id) {
      const [u] = await tx.update(campaignActivities).set(row).where(and(eq(campaignActivities.id, id), eq(campaignActivities.campaignId, campaignId))).returning({ id: campaignActivities.id });
      if (!u) throw notFound(`活动安排（第 ${i + 1} 项）`);
    } else {
      await tx.insert(campaignActivities).values({ ...row, campaignId });
    }
  }
  for (const [i, d] of input.documents.entries()) {
    const { id, ...values } = d;
    if (id) {
      const [u] = await tx.update(campaignDocuments).set(values).where(and(eq(campaignDocuments.id, id), eq(campaignDocuments.campaignId, campaignId))).returning({ id: campaignDocuments.id });
      if (!u) throw notFound(`文件（第 ${i + 1} 项）`);
    } else {
      await tx.insert(campaignDocuments).values({ ...values, campaignId });
    }
  }
}

function headerOf(input: CampaignInput) {
  return {
    name: input.name, theme: input.theme, startsOn: input.startsOn, endsOn: input.endsOn, organizer: input.organizer,
    coOrganizers: input.coOrganizers, contentAreas: input.contentAreas, committeeBodies: bodiesOf(input),
  };
}

/** 建立活动: a campaign with its plan, committee and documents, in one audited transaction. */
export async function createCampaign(ctx: ServiceContext, input: CampaignInput): Promise<Campaign> {
  requireCampaignOrganizer(ctx);
  return ctx.db.transaction(async (tx) => {
    const [dupe] = await tx.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.name, input.name));
    if (dupe) throw conflict(`已有同名活动「${input.name}」`, 'name');
    const [row] = await tx.insert(campaigns).values({ ...headerOf(input), createdAt: ctx.clock.now(), updatedAt: ctx.clock.now() }).returning({ id: campaigns.id });
    await writePlan(tx, row!.id, input);
    const after = (await loadCampaign(tx, row!.id))!;
    await recordAudit(tx, ctx, { action: 'campaign.create', entity: 'campaign', entityId: row!.id, after });
    return after;
  });
}

/** 修改活动: the whole campaign as the organizer saw it, at the version they read. */
export async function updateCampaign(ctx: ServiceContext, id: number, input: CampaignInput & { version: number }): Promise<Campaign> {
  requireCampaignOrganizer(ctx);
  return ctx.db.transaction(async (tx) => {
    const before = await loadCampaign(tx, id);
    if (!before) throw notFound('活动');
    const { version, ...values } = input;
    const [dupe] = await tx.select({ id: campaigns.id }).from(campaigns).where(and(eq(campaigns.name, values.name), sql`${campaigns.id} <> ${id}`));
    if (dupe) throw conflict(`已有同名活动「${values.name}」`, 'name');
    const [r] = await tx.update(campaigns).set({ ...headerOf(values), version: sql`${campaigns.version} + 1`, updatedAt: ctx.clock.now() })
      .where(and(eq(campaigns.id, id), eq(campaigns.version, version))).returning({ id: campaigns.id });
    if (!r) throw conflict('活动信息已被他人修改，请刷新后重试', 'version');
    await writePlan(tx, id, values);
    const after = (await loadCampaign(tx, id))!;
    await recordAudit(tx, ctx, { action: 'campaign.update', entity: 'campaign', entityId: id, before, after });
    return after;
  });
}

export async function dashboard(ctx: ServiceContext): Promise<Dashboard> {
  requireRole(ctx, 'admin', 'committee');
  const id = await currentCampaignId(ctx.db);
  const c = id === null ? null : await loadCampaign(ctx.db, id);
  const [byKind, [total], byTrade] = await Promise.all([
    ctx.db.select({ kind: units.kind, n: count() }).from(units).groupBy(units.kind),
    ctx.db.select({ n: count() }).from(people),
    ctx.db.select({ tradeId: people.tradeId, tradeName: sql<string>`coalesce(${trades.name}, '未指定')`, level: people.level, count: count() })
      .from(people).leftJoin(trades, eq(trades.id, people.tradeId))
      .groupBy(people.tradeId, trades.name, people.level).orderBy(asc(people.tradeId), asc(people.level)),
  ]);
  return {
    campaign: c && { id: c.id, name: c.name, startsOn: c.startsOn, endsOn: c.endsOn },
    unitsByKind: Object.fromEntries(byKind.map((r) => [r.kind, r.n])),
    people: total?.n ?? 0,
    peopleByTradeAndLevel: byTrade,
  };
}

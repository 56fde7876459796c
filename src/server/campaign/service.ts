import { asc, count, desc, eq, sql } from 'drizzle-orm';
import type { Campaign, Dashboard } from '../../shared/contracts/campaign.js';
import type { ServiceContext } from '../context.js';
import type { Db } from '../db/client.js';
import { notFound } from '../http/errors.js';
import { people } from '../people/tables.js';
import { requireActor, requireRole } from '../policy.js';
import { trades } from '../trades/tables.js';
import { units } from '../units/tables.js';
import { campaignActivities, campaignDocuments, campaigns } from './tables.js';

/** The current campaign (the latest) with its plan and documents. */
async function currentCampaign(db: Db): Promise<Campaign | null> {
  const [c] = await db.select().from(campaigns).orderBy(desc(campaigns.id)).limit(1);
  if (!c) return null;
  const [activities, documents] = await Promise.all([
    db.select().from(campaignActivities).where(eq(campaignActivities.campaignId, c.id)).orderBy(asc(campaignActivities.position), asc(campaignActivities.id)),
    db.select().from(campaignDocuments).where(eq(campaignDocuments.campaignId, c.id)).orderBy(asc(campaignDocuments.issuedOn), asc(campaignDocuments.id)),
  ]);
  return {
    id: c.id, name: c.name, theme: c.theme, startsOn: c.startsOn, endsOn: c.endsOn, organizer: c.organizer,
    coOrganizers: c.coOrganizers, committeeBodies: c.committeeBodies, contentAreas: c.contentAreas,
    activities: activities.map(({ campaignId: _c, position: _p, ...a }) => a),
    documents: documents.map(({ campaignId: _c, ...d }) => d),
  };
}

/** The public site's view: everything here is public by nature (a published plan and notices). */
export async function publicCampaign(ctx: ServiceContext): Promise<Campaign> {
  const c = await currentCampaign(ctx.db);
  if (!c) throw notFound('活动');
  return c;
}

export async function staffCampaign(ctx: ServiceContext): Promise<Campaign> {
  requireActor(ctx);
  return publicCampaign(ctx);
}

export async function dashboard(ctx: ServiceContext): Promise<Dashboard> {
  requireRole(ctx, 'admin', 'committee');
  const c = await currentCampaign(ctx.db);
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

import { asc } from 'drizzle-orm';
import type { z } from 'zod';
import type { Trade, TradeInput } from '../../../shared/contracts/trades.js';
import { recordAudit } from '../audit/service.js';
import type { ServiceContext } from '../../context.js';
import { conflict } from '../../http/errors.js';
import { requireActor, requireRole } from '../../policy.js';
import { trades } from './tables.js';

export async function listTrades(ctx: ServiceContext): Promise<Trade[]> {
  requireActor(ctx);
  return ctx.db.select().from(trades).orderBy(asc(trades.id));
}

export async function createTrade(ctx: ServiceContext, input: z.infer<typeof TradeInput>): Promise<Trade> {
  requireRole(ctx, 'admin');
  return ctx.db.transaction(async (tx) => {
    const existing = await tx.select().from(trades);
    if (existing.some((t) => t.code === input.code)) throw conflict(`工种代码 ${input.code} 已存在`, 'code');
    if (existing.some((t) => t.name === input.name)) throw conflict(`工种“${input.name}”已存在`, 'name');
    const [row] = await tx.insert(trades).values(input).returning();
    await recordAudit(tx, ctx, { action: 'trade.create', entity: 'trade', entityId: row!.id, after: row });
    return row!;
  });
}

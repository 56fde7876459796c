import { z } from 'zod';
import { Trade, TradeInput } from '../../../shared/contracts/trades.js';
import { ctxOf, type App, type Deps } from '../../http/types.js';
import { createTrade, listTrades } from './service.js';

export function tradeRoutes(app: App, deps: Deps): void {
  app.get('/api/trades', {
    config: { access: 'authenticated' },
    schema: { tags: ['trades'], summary: '工种 Trades', response: { 200: z.array(Trade) } },
    handler: (req) => listTrades(ctxOf(deps, req)),
  });
  app.post('/api/trades', {
    config: { access: ['admin'] },
    schema: { tags: ['trades'], summary: '新增工种 Create a trade', body: TradeInput, response: { 200: Trade } },
    handler: (req) => createTrade(ctxOf(deps, req), req.body),
  });
}

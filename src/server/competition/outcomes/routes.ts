import { z } from 'zod';
import { IdParam } from '../../../shared/contracts/common.js';
import { COMPETITION_STAFF_ROLES } from '../competitions/policy.js';
import { ctxOf, type App, type Deps } from '../../http/types.js';
import { listOutcomes, OutcomeRow } from './service.js';

export function outcomeRoutes(app: App, deps: Deps): void {
  app.get('/api/competitions/:id/outcomes', {
    config: { access: COMPETITION_STAFF_ROLES },
    schema: { tags: ['outcomes'], summary: '认定结果 Final outcomes (awards, levels, titles)', params: IdParam, response: { 200: z.array(OutcomeRow) } },
    handler: (req) => listOutcomes(ctxOf(deps, req), req.params.id),
  });
}

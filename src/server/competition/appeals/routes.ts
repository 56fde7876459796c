import { z } from 'zod';
import { Appeal, AppealDecision, AppealInput, AppealWindow } from '../../../shared/contracts/appeals.js';
import { IdParam, IdText } from '../../../shared/contracts/common.js';
import { COMPETITION_STAFF_ROLES } from '../competitions/policy.js';
import { ctxOf, type App, type Deps } from '../../http/types.js';
import { APPEAL_READERS } from './policy.js';
import { decideAppeal, getAppealWindow, listAppeals, lodgeAppeal } from './service.js';

export function appealRoutes(app: App, deps: Deps): void {
  const tags = ['appeals'];
  app.get('/api/competitions/:id/appeal-window', {
    config: { access: APPEAL_READERS },
    schema: { tags, summary: '申诉期 The appeal window', params: IdParam, response: { 200: AppealWindow } },
    handler: (req) => getAppealWindow(ctxOf(deps, req), req.params.id),
  });
  app.get('/api/competitions/:id/appeals', {
    config: { access: APPEAL_READERS },
    schema: { tags, summary: '申诉列表 Appeals (organizers all, a unit its own, a contestant theirs)', params: IdParam, response: { 200: z.array(Appeal) } },
    handler: (req) => listAppeals(ctxOf(deps, req), req.params.id),
  });
  app.post('/api/competitions/:id/appeals', {
    config: { access: ['person', 'unit'] },
    schema: { tags, summary: '提出申诉 Lodge an appeal within the window', params: IdParam, body: AppealInput, response: { 200: Appeal } },
    handler: (req) => lodgeAppeal(ctxOf(deps, req), req.params.id, req.body),
  });
  app.post('/api/competitions/:id/appeals/:appealId/decision', {
    config: { access: COMPETITION_STAFF_ROLES },
    schema: { tags, summary: '仲裁 Decide an appeal (upheld files an amendment)', params: IdParam.extend({ appealId: IdText }), body: AppealDecision, response: { 200: Appeal } },
    handler: (req) => decideAppeal(ctxOf(deps, req), req.params.id, req.params.appealId, req.body),
  });
}

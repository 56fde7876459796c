import { z } from 'zod';
import { AdvanceInput, Round, RoundInput, RoundListItem, RulesUpdate } from '../../../shared/contracts/selection.js';
import { IdText } from '../../../shared/contracts/common.js';
import { ctxOf, type App, type Deps } from '../../http/types.js';
import { advanceStage, createRound, getRound, listRounds, updateRules } from './service.js';

const Params = z.object({ id: IdText });

export function selectionRoundRoutes(app: App, deps: Deps): void {
  app.get('/api/selection/rounds', {
    config: { access: 'authenticated' },
    schema: { tags: ['selection'], summary: '技术能手评选列表 Selection rounds', response: { 200: z.array(RoundListItem) } },
    handler: (req) => listRounds(ctxOf(deps, req)),
  });
  app.post('/api/selection/rounds', {
    config: { access: ['admin', 'committee'] },
    schema: { tags: ['selection'], summary: '新建评选 Create a selection round', body: RoundInput, response: { 200: Round } },
    handler: (req) => createRound(ctxOf(deps, req), req.body),
  });
  app.get('/api/selection/rounds/:id', {
    config: { access: ['admin', 'committee'] },
    schema: { tags: ['selection'], summary: '评选及各阶段 A round and its stages', params: Params, response: { 200: Round } },
    handler: (req) => getRound(ctxOf(deps, req), req.params.id),
  });
  app.put('/api/selection/rounds/:id/rules', {
    config: { access: ['admin', 'committee'] },
    schema: { tags: ['selection'], summary: '修改未开始阶段的规则 Change the rules of stages not yet reached', params: Params, body: RulesUpdate, response: { 200: Round } },
    handler: (req) => updateRules(ctxOf(deps, req), req.params.id, req.body),
  });
  app.post('/api/selection/rounds/:id/advance', {
    config: { access: ['admin', 'committee'] },
    schema: { tags: ['selection'], summary: '结束当前阶段并进入下一阶段 Close the open stage, open the next', params: Params, body: AdvanceInput, response: { 200: Round } },
    handler: (req) => advanceStage(ctxOf(deps, req), req.params.id, req.body),
  });
}

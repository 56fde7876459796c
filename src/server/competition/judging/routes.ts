import { z } from 'zod';
import { Id, IdParam, Ok, Text } from '../../../shared/contracts/common.js';
import { ctxOf, type App, type Deps } from '../../http/types.js';
import { assignJudges, assignmentView, declareConflict, listConflicts, reportConflict } from './service.js';

const ConflictBody = z.object({
  kind: z.enum(['unit', 'person']),
  unitId: Id.optional(),
  personId: Id.optional(),
  reason: z.enum(['former_employer', 'master_apprentice', 'relative', 'other']),
  note: Text.max(500).optional(),
});

export function judgingRoutes(app: App, deps: Deps): void {
  const tags = ['judges'];
  app.get('/api/judges/:id/conflicts', {
    config: { access: ['admin', 'committee', 'judge'] },
    schema: { tags, summary: '回避申报 A judge\'s declared conflicts', params: IdParam },
    handler: (req) => listConflicts(ctxOf(deps, req), req.params.id),
  });
  app.post('/api/judges/:id/conflicts', {
    config: { access: ['admin', 'committee', 'judge'] },
    schema: { tags, summary: '申报回避 Declare a conflict (former employer, master–apprentice, relative)', params: IdParam, body: ConflictBody },
    handler: (req) => declareConflict(ctxOf(deps, req), req.params.id, req.body),
  });
  app.get('/api/competitions/:id/assignments', {
    config: { access: ['admin', 'committee'] },
    schema: { tags, summary: '裁判分工与回避 Teams per aspect, recusals with reasons', params: IdParam },
    handler: (req) => assignmentView(ctxOf(deps, req), req.params.id),
  });
  app.put('/api/competitions/:id/assignments', {
    config: { access: ['admin', 'committee'] },
    schema: { tags, summary: '设置评分组 Set the marking team of aspects', params: IdParam, body: z.object({ aspectIds: z.array(Id).min(1).max(500), judgeIds: z.array(Id).max(20) }), response: { 200: Ok } },
    handler: (req) => assignJudges(ctxOf(deps, req), req.params.id, req.body),
  });
  app.post('/api/competitions/:id/marks/report-conflict', {
    config: { access: ['judge'] },
    schema: {
      tags, summary: '认识该选手 A judge reports a conflict with a code on their own panel (after the draw; a substitute takes the seat)', params: IdParam,
      body: z.object({ code: z.string().trim().min(1, '请输入参赛编号').max(20), note: z.string().max(200).optional() }),
      response: { 200: z.object({ ok: z.literal(true), code: z.string() }) },
    },
    handler: (req) => reportConflict(ctxOf(deps, req), req.params.id, req.body),
  });
}

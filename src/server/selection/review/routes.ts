import { z } from 'zod';
import { IdText } from '../../../shared/contracts/common.js';
import { MyReviewing, PanelInput, PanelList, PanelProgress, SheetInput } from '../../../shared/selection/review-contracts.js';
import { sendDownload } from '../../http/download.js';
import { ctxOf, type App, type Deps } from '../../http/types.js';
import { assignCandidates, listPanels, listReviewers, myReviewing, panelProgress, reviewerEvidence, savePanel, submitSheet } from './service.js';

const StageKey = z.string().regex(/^[a-z][a-z0-9_]{0,19}$/, '阶段代码无效');
const Params = z.object({ id: IdText, stage: StageKey });
const tags = ['selection'];
const staff = ['admin', 'committee'] as const;

export function selectionReviewRoutes(app: App, deps: Deps): void {
  app.get('/api/selection/rounds/:id/panels/:stage', {
    config: { access: [...staff] },
    schema: { tags, summary: '评审专家组 Panels of a panel stage', params: Params, response: { 200: PanelList } },
    handler: (req) => listPanels(ctxOf(deps, req), req.params.id, req.params.stage),
  });
  app.post('/api/selection/rounds/:id/panels/:stage', {
    config: { access: [...staff] },
    schema: { tags, summary: '设置专家组 Create or replace a panel (members, one chair)', params: Params, body: PanelInput, response: { 200: z.object({ id: z.number().int() }) } },
    handler: (req) => savePanel(ctxOf(deps, req), req.params.id, req.params.stage, req.body),
  });
  app.post('/api/selection/rounds/:id/panels/:stage/assign', {
    config: { access: [...staff] },
    schema: { tags, summary: '分配评审 Assign the candidates in play to panels', params: Params, response: { 200: z.object({ assigned: z.number().int(), unassigned: z.number().int(), short: z.number().int() }) } },
    handler: (req) => assignCandidates(ctxOf(deps, req), req.params.id, req.params.stage),
  });
  app.get('/api/selection/rounds/:id/panels/:stage/progress', {
    config: { access: [...staff] },
    schema: { tags, summary: '评审进度与评分宽严 Progress, severity, raw and normalised scores', params: Params, response: { 200: PanelProgress } },
    handler: (req) => panelProgress(ctxOf(deps, req), req.params.id, req.params.stage),
  });
  app.get('/api/selection/reviewers', {
    config: { access: [...staff] },
    schema: { tags, summary: '评审专家名单 Judge accounts that may sit on a panel', response: { 200: z.array(z.object({ accountId: z.number().int(), name: z.string(), unitName: z.string().nullable() })) } },
    handler: (req) => listReviewers(ctxOf(deps, req)),
  });
  app.get('/api/selection/reviewing', {
    config: { access: ['judge'] },
    schema: { tags, summary: '我的评审 The reviewer\'s assignments in open panel stages', response: { 200: MyReviewing } },
    handler: (req) => myReviewing(ctxOf(deps, req)),
  });
  app.put('/api/selection/rounds/:id/panels/:stage/sheets/:candidateId', {
    config: { access: ['judge'] },
    schema: { tags, summary: '提交评分 Submit one candidate\'s sheet', params: Params.extend({ candidateId: IdText }), body: SheetInput, response: { 200: z.object({ changed: z.number().int(), score: z.number().nullable() }) } },
    handler: (req) => submitSheet(ctxOf(deps, req), req.params.id, req.params.stage, req.params.candidateId, req.body),
  });
  app.get('/api/selection/reviewing/evidence/:id', {
    config: { access: ['judge'] },
    schema: { tags, summary: '证明材料 A material of an assigned candidate', params: z.object({ id: IdText }) },
    handler: async (req, reply) => {
      const e = await reviewerEvidence(ctxOf(deps, req), req.params.id);
      return sendDownload(reply, e.fileName, e.mime, e.body);
    },
  });
}

import { z } from 'zod';
import { IdText, Id } from '../../../shared/contracts/common.js';
import {
  AssignResult, BusinessPlan, ChainVerdict, ClassCompletions, CommendResult, IssueResult, MarkInput, PanelInput, PlanPanel, PlanUploadQuery, ReviewerPlan,
} from '../../../shared/training/completion-contracts.js';
import { sendStoredFile } from '../../core/files/download.js';
import { ctxOf, type App, type Deps } from '../../http/types.js';
import { uploadedFile } from '../../http/upload.js';
import { issueTrainingCertificates } from './certificates.js';
import { listCompletions } from './outcomes.js';
import { assignPlans, commendPlans, createPanel, listPanels, markPlan, myReviewPlans, panelCandidates, verifyPanel } from './panel.js';
import { listPlans, myPlans, planFile, submitPlan } from './plans.js';

const Params = z.object({ id: IdText });
const tags = ['training'];
const STAFF = ['admin', 'committee'] as const;

/** 结业, 创业计划书 and its panel, training certificates. */
export function trainingCompletionRoutes(app: App, deps: Deps): void {
  app.get('/api/training/classes/:id/completions', {
    config: { access: ['admin', 'committee', 'unit', 'judge'] },
    schema: { tags, summary: '结业情况 Each trainee\'s outcome, written when the class finished (readers, its college, its teachers)', params: Params, response: { 200: ClassCompletions } },
    handler: (req) => listCompletions(ctxOf(deps, req), req.params.id),
  });
  app.post('/api/training/classes/:id/certificates', {
    config: { access: [...STAFF] },
    schema: { tags, summary: '颁发结业证书与优秀创业计划书证书 Issue the class\'s certificates (each once)', params: Params, body: z.object({ issuer: z.string().trim().min(2).max(100).optional() }).nullish(), response: { 200: IssueResult } },
    handler: (req) => issueTrainingCertificates(ctxOf(deps, req), req.params.id, req.body ?? {}),
  });
  app.post('/api/training/classes/:id/plans', {
    config: { access: ['admin', 'committee', 'unit', 'judge', 'person'] },
    schema: { tags, summary: '上传创业计划书 Upload a business plan (multipart field "file": PDF, JPG or PNG by content); staff name the enrolment', params: Params, querystring: PlanUploadQuery, response: { 200: BusinessPlan } },
    handler: async (req) => { const file = await uploadedFile(req); return submitPlan(ctxOf(deps, req), req.params.id, req.query, file); },
  });
  app.get('/api/training/classes/:id/plans', {
    config: { access: ['admin', 'committee', 'unit', 'judge'] },
    schema: { tags, summary: '创业计划书 A class\'s business plans', params: Params, response: { 200: z.array(BusinessPlan) } },
    handler: (req) => listPlans(ctxOf(deps, req), req.params.id),
  });
  app.get('/api/training/me/plans', {
    config: { access: ['person'] },
    schema: { tags, summary: '我的创业计划书 My business plans', response: { 200: z.array(BusinessPlan) } },
    handler: (req) => myPlans(ctxOf(deps, req)),
  });
  app.get('/api/training/plans/:id/file', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '创业计划书文件 The plan\'s file (its owner, staff, the college, its reviewers)', params: Params },
    handler: async (req, reply) => sendStoredFile(reply, await planFile(ctxOf(deps, req), req.params.id)),
  });
  app.post('/api/training/classes/:id/commend', {
    config: { access: [...STAFF] },
    schema: { tags, summary: '评优 Commend the best plans at the graduation', params: Params, response: { 200: CommendResult } },
    handler: (req) => commendPlans(ctxOf(deps, req), req.params.id),
  });

  app.get('/api/training/plan-panels', {
    config: { access: [...STAFF] },
    schema: { tags, summary: '创业计划书评审组 Panels', querystring: z.object({ programmeId: IdText.optional() }), response: { 200: z.array(PlanPanel) } },
    handler: (req) => listPanels(ctxOf(deps, req), req.query),
  });
  app.post('/api/training/plan-panels', {
    config: { access: [...STAFF] },
    schema: { tags, summary: '组建评审组 Create a panel (rubric, commendation rule, judge members)', body: PanelInput, response: { 200: PlanPanel } },
    handler: (req) => createPanel(ctxOf(deps, req), req.body),
  });
  app.get('/api/training/plan-panels/reviewers', {
    config: { access: [...STAFF] },
    schema: { tags, summary: '评审专家名单 Judge accounts', response: { 200: z.array(z.object({ accountId: z.number().int(), name: z.string(), unitName: z.string().nullable() })) } },
    handler: (req) => panelCandidates(ctxOf(deps, req)),
  });
  app.post('/api/training/plan-panels/:id/assign', {
    config: { access: [...STAFF] },
    schema: { tags, summary: '分配评审 Assign a class\'s plans to the members who need not recuse', params: Params, body: z.object({ classId: Id }), response: { 200: AssignResult } },
    handler: (req) => assignPlans(ctxOf(deps, req), req.params.id, req.body.classId),
  });
  app.get('/api/training/plan-panels/:id/verify', {
    config: { access: [...STAFF] },
    schema: { tags, summary: '核验评审日志 Verify the panel\'s mark chain', params: Params, response: { 200: ChainVerdict } },
    handler: (req) => verifyPanel(ctxOf(deps, req), req.params.id),
  });

  app.get('/api/training/review/plans', {
    config: { access: ['judge'] },
    schema: { tags, summary: '我的评审 Plans assigned to me', response: { 200: z.array(ReviewerPlan) } },
    handler: (req) => myReviewPlans(ctxOf(deps, req)),
  });
  app.put('/api/training/review/plans/:id/marks', {
    config: { access: ['judge'] },
    schema: { tags, summary: '评分 Mark a plan (each criterion with the version seen)', params: Params, body: MarkInput, response: { 200: ReviewerPlan } },
    handler: (req) => markPlan(ctxOf(deps, req), req.params.id, req.body),
  });
}

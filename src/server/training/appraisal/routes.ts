import { z } from 'zod';
import { IdText, Version } from '../../../shared/contracts/common.js';
import { AppraisalCorrection, AppraisalImportResult, Appraisal, AppraisalList } from '../../../shared/training/appraisal.js';
import { ClaimListItem, ClaimReview, ClaimStatus, ClaimVersion, SubsidyClaim } from '../../../shared/training/subsidy.js';
import { sendXlsx } from '../../http/download.js';
import { ctxOf, type App, type Deps } from '../../http/types.js';
import { uploadedFile } from '../../http/upload.js';
import { exportClaim } from './export.js';
import { appraisalTemplate, correctAppraisal, importAppraisals, listAppraisals } from './service.js';
import { computeClaim, getClaimOfClass, listClaims, reviewClaim, submitClaim } from './subsidy.js';

const Params = z.object({ id: IdText });
const tags = ['training'];

/** 技师鉴定 and 培训补贴申请 of the new-technician classes. */
export function trainingAppraisalRoutes(app: App, deps: Deps): void {
  app.get('/api/training/classes/:id/appraisals', {
    config: { access: ['admin', 'committee', 'unit'] },
    schema: { tags, summary: '技师鉴定结果 Appraisal results (masked), with each pass\'s 技师 record', params: Params, response: { 200: AppraisalList } },
    handler: (req) => listAppraisals(ctxOf(deps, req), req.params.id),
  });
  app.get('/api/training/classes/:id/appraisals/template', {
    config: { access: ['admin', 'committee', 'unit'] },
    schema: { tags, summary: '鉴定成绩模板 Exam numbers and names, scores to fill in (Excel)', params: Params },
    handler: async (req, reply) => sendXlsx(reply, '技师鉴定成绩.xlsx', await appraisalTemplate(ctxOf(deps, req), req.params.id)),
  });
  app.post('/api/training/classes/:id/appraisals/import', {
    config: { access: ['admin', 'committee', 'unit'] },
    schema: { tags, summary: '导入鉴定成绩 Appraisal results from Excel (multipart field "file"), all or none, refused by row and column', params: Params, response: { 200: AppraisalImportResult } },
    handler: async (req) => importAppraisals(ctxOf(deps, req), req.params.id, (await uploadedFile(req)).buf),
  });
  app.post('/api/training/classes/:id/appraisals/:enrolmentId/correct', {
    config: { access: ['admin', 'committee'] },
    schema: { tags, summary: '更正鉴定成绩 Correct a recorded result (training staff, with a reason)', params: Params.extend({ enrolmentId: IdText }), body: AppraisalCorrection, response: { 200: Appraisal } },
    handler: (req) => correctAppraisal(ctxOf(deps, req), req.params.id, req.params.enrolmentId, req.body),
  });
  app.get('/api/training/classes/:id/claim', {
    config: { access: ['admin', 'committee', 'unit'] },
    schema: { tags, summary: '培训补贴申请 The class\'s subsidy claim (null if not computed), with a stale flag', params: Params, response: { 200: SubsidyClaim.nullable() } },
    handler: (req) => getClaimOfClass(ctxOf(deps, req), req.params.id),
  });
  app.post('/api/training/classes/:id/claim/compute', {
    config: { access: ['admin', 'committee', 'unit'] },
    schema: { tags, summary: '计算补贴申请 Compute (or recompute) the claim from attendance and appraisal', params: Params, body: z.object({ version: Version.optional() }), response: { 200: SubsidyClaim } },
    handler: (req) => computeClaim(ctxOf(deps, req), req.params.id, req.body),
  });
  app.get('/api/training/claims', {
    config: { access: ['admin', 'committee', 'unit'] },
    schema: { tags, summary: '补贴申请列表 Claims (finance: ?status=submitted to review; a college: its own)', querystring: z.object({ status: ClaimStatus.optional() }), response: { 200: z.array(ClaimListItem) } },
    handler: (req) => listClaims(ctxOf(deps, req), req.query),
  });
  app.post('/api/training/claims/:id/submit', {
    config: { access: ['admin', 'committee', 'unit'] },
    schema: { tags, summary: '提交补贴申请 Submit the claim', params: Params, body: ClaimVersion, response: { 200: SubsidyClaim } },
    handler: (req) => submitClaim(ctxOf(deps, req), req.params.id, req.body),
  });
  app.post('/api/training/claims/:id/review', {
    config: { access: ['admin', 'committee'] },
    schema: { tags, summary: '审核补贴申请 Approve or return (finance)', params: Params, body: ClaimReview, response: { 200: SubsidyClaim } },
    handler: (req) => reviewClaim(ctxOf(deps, req), req.params.id, req.body),
  });
  app.get('/api/training/claims/:id/export.xlsx', {
    config: { access: ['admin', 'committee', 'unit'] },
    schema: { tags, summary: '补贴发放名单 The payment list (Excel)', params: Params },
    handler: async (req, reply) => {
      const { fileName, buf } = await exportClaim(ctxOf(deps, req), req.params.id);
      return sendXlsx(reply, fileName, buf);
    },
  });
}

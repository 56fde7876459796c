import { z } from 'zod';
import { Id, IdParam, IdText, Line, Ok, Text, Version } from '../../../shared/contracts/common.js';
import { ctxOf, type App, type Deps } from '../../http/types.js';
import { uploadedFile } from '../../http/upload.js';
import { decideAmendment, listAmendments, requestAmendment } from './amendments.js';
import { keyPaperMark, paperMismatches, reconcilePaper } from './paper.js';
import { importPartScores, listPartScores, partScoresTemplate, setPartScores } from './part-scores.js';
import { sendXlsx } from '../../http/download.js';
import { confirmSpread, markingProgress, signOff, startMarking } from './progress.js';
import { judgeSheet, panelMarks, submitMark } from './service.js';

const Code = Line.min(1, '请输入参赛编号').max(20);
const Score = z.number().min(0).max(100);

export function markRoutes(app: App, deps: Deps): void {
  const tags = ['marking'];
  app.post('/api/competitions/:id/marking/start', {
    config: { access: ['admin', 'committee'] },
    schema: { tags, summary: '开始评分 Start marking (locks the scheme)', params: IdParam, response: { 200: Ok } },
    handler: (req) => startMarking(ctxOf(deps, req), req.params.id),
  });
  app.get('/api/competitions/:id/marking/progress', {
    config: { access: ['admin', 'committee', 'judge'] },
    schema: { tags, summary: '评分进度 Progress, spread flags, sign-offs (organizers, chief judge)', params: IdParam },
    handler: (req) => markingProgress(ctxOf(deps, req), req.params.id),
  });
  app.get('/api/competitions/:id/marking/sheet', {
    config: { access: ['judge'] },
    schema: { tags, summary: '我的评分表 My marking sheet (codes only)', params: IdParam },
    handler: (req) => judgeSheet(ctxOf(deps, req), req.params.id),
  });
  app.post('/api/competitions/:id/marks', {
    config: { access: ['judge'] },
    schema: {
      tags, summary: '提交评分 Submit a mark by contestant code (stale writes refused)', params: IdParam,
      body: z.object({ code: Code, aspectId: Id, value: Score, expectedVersion: Version, device: Line.max(200).optional() }),
    },
    handler: (req) => submitMark(ctxOf(deps, req), req.params.id, { ...req.body, device: req.body.device ?? req.headers['user-agent']?.slice(0, 200) }),
  });
  app.get('/api/competitions/:id/marks/panel', {
    config: { access: ['judge'] },
    schema: { tags, summary: '评分组成绩 The panel\'s marks (after your own)', params: IdParam, querystring: z.object({ code: Code, aspectId: IdText }) },
    handler: (req) => panelMarks(ctxOf(deps, req), req.params.id, req.query.code, req.query.aspectId),
  });
  app.post('/api/competitions/:id/marks/confirm-spread', {
    config: { access: ['judge'] },
    schema: { tags, summary: '裁判长确认判分差异 Chief judge confirms a spread', params: IdParam, body: z.object({ code: Code, aspectId: Id, reason: Text.min(1, '请填写确认理由').max(500) }), response: { 200: Ok } },
    handler: (req) => confirmSpread(ctxOf(deps, req), req.params.id, req.body),
  });
  app.post('/api/competitions/:id/signoff', {
    config: { access: ['judge'] },
    schema: { tags, summary: '签字确认 Chief judge signs off a criterion or the whole competition (*)', params: IdParam, body: z.object({ criterionCode: Line.min(1, '请填写评分模块编号').max(20) }) },
    handler: (req) => signOff(ctxOf(deps, req), req.params.id, req.body.criterionCode),
  });
  app.put('/api/competitions/:id/part-scores', {
    config: { access: ['admin', 'committee'] },
    schema: { tags, summary: '录入理论/答辩成绩 Part scores by exam number', params: IdParam, body: z.object({ rows: z.array(z.object({ examNumber: Line.min(1, '请填写准考证号').max(30), part: z.enum(['theory', 'oral']), value: Score })).min(1).max(5000) }) },
    handler: (req) => setPartScores(ctxOf(deps, req), req.params.id, req.body.rows),
  });
  app.get('/api/competitions/:id/part-scores', {
    config: { access: ['admin', 'committee'] },
    schema: { tags, summary: '理论/答辩成绩 The saved part scores by exam number', params: IdParam, response: { 200: z.array(z.object({ examNumber: z.string(), part: z.enum(['theory', 'oral']), value: z.number() })) } },
    handler: (req) => listPartScores(ctxOf(deps, req), req.params.id),
  });
  app.get('/api/competitions/:id/amendments', {
    config: { access: ['admin', 'committee', 'judge'] },
    schema: { tags, summary: '成绩更正 Amendments', params: IdParam },
    handler: (req) => listAmendments(ctxOf(deps, req), req.params.id),
  });
  app.post('/api/competitions/:id/amendments', {
    config: { access: ['admin', 'committee', 'judge'] },
    schema: {
      tags, summary: '申请更正 Request an amendment of a locked mark', params: IdParam,
      body: z.object({ code: Code, part: z.enum(['practical', 'theory', 'oral']), aspectId: Id.optional(), judgeId: Id.optional(), newValue: Score, reason: Text.min(1, '请填写更正理由').max(1000) }),
    },
    handler: (req) => requestAmendment(ctxOf(deps, req), req.params.id, req.body),
  });
  app.post('/api/competitions/:id/amendments/:amendmentId/decide', {
    config: { access: ['admin', 'committee', 'judge'] },
    schema: { tags, summary: '批准/驳回更正 A second person decides', params: IdParam.extend({ amendmentId: IdText }), body: z.object({ approve: z.boolean(), note: Text.max(1000).optional() }) },
    handler: (req) => decideAmendment(ctxOf(deps, req), req.params.id, req.params.amendmentId, req.body),
  });
  app.post('/api/competitions/:id/paper-marks', {
    config: { access: ['admin', 'committee'] },
    schema: {
      tags, summary: '纸质评分表双人录入 Key a paper score sheet (blind, twice, by two operators)', params: IdParam,
      body: z.object({ code: Code, aspectId: Id, judgeId: Id, slot: z.union([z.literal(1), z.literal(2)]), value: Score }),
    },
    handler: (req) => keyPaperMark(ctxOf(deps, req), req.params.id, req.body),
  });
  app.get('/api/competitions/:id/paper-marks/mismatches', {
    config: { access: ['admin', 'committee', 'judge'] },
    schema: { tags, summary: '双人录入不一致 Mismatched double entries', params: IdParam },
    handler: (req) => paperMismatches(ctxOf(deps, req), req.params.id),
  });
  app.post('/api/competitions/:id/paper-marks/reconcile', {
    config: { access: ['admin', 'committee', 'judge'] },
    schema: {
      tags, summary: '核对纸质评分 Settle a mismatch from the paper sheet', params: IdParam,
      body: z.object({ code: Code, aspectId: Id, judgeId: Id, value: Score, reason: Text.min(1, '请填写核对说明').max(500) }),
    },
    handler: (req) => reconcilePaper(ctxOf(deps, req), req.params.id, req.body),
  });
  app.get('/api/competitions/:id/part-scores/template', {
    config: { access: ['admin', 'committee'] },
    schema: { tags, summary: '理论成绩模板 Exam numbers and names, scores to fill in (Excel)', params: IdParam },
    handler: async (req, reply) => sendXlsx(reply, '理论成绩.xlsx', await partScoresTemplate(ctxOf(deps, req), req.params.id)),
  });
  app.post('/api/competitions/:id/part-scores/import', {
    config: { access: ['admin', 'committee'] },
    schema: { tags, summary: '导入理论成绩 Part scores from Excel (multipart field "file"), all or none, refused with row and column', params: IdParam },
    handler: async (req) => importPartScores(ctxOf(deps, req), req.params.id, (await uploadedFile(req)).buf),
  });
}

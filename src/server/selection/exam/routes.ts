import { z } from 'zod';
import { IdText } from '../../../shared/contracts/common.js';
import { ChainVerdict, ExamList, ExamNumbersInput, ExamScoreInput } from '../../../shared/selection/exam-contracts.js';
import { sendPdf, sendXlsx } from '../../http/download.js';
import { ctxOf, type App, type Deps } from '../../http/types.js';
import { uploadedFile } from '../../http/upload.js';
import { verifySelectionChain } from '../review/chain.js';
import { assignExamNumbers, examList, examScoresTemplate, importExamScores, keyExamScores } from './service.js';
import { examTickets } from './tickets.js';

const Params = z.object({ id: IdText, stage: z.string().regex(/^[a-z][a-z0-9_]{0,19}$/, '阶段代码无效') });
const tags = ['selection'];
const staff = ['admin', 'committee'] as const;
const Changed = z.object({ lines: z.number().int(), changed: z.number().int() });

export function selectionExamRoutes(app: App, deps: Deps): void {
  app.get('/api/selection/rounds/:id/exam/:stage', {
    config: { access: [...staff] },
    schema: { tags, summary: '考试名单与成绩排名 Exam list: seats, theory, practical, exam score, rank', params: Params, response: { 200: ExamList } },
    handler: (req) => examList(ctxOf(deps, req), req.params.id, req.params.stage),
  });
  app.post('/api/selection/rounds/:id/exam/:stage/numbers', {
    config: { access: [...staff] },
    schema: { tags, summary: '编排准考证号与考场 Number the candidates in play into rooms', params: Params, body: ExamNumbersInput, response: { 200: z.object({ candidates: z.number().int(), rooms: z.number().int() }) } },
    handler: (req) => assignExamNumbers(ctxOf(deps, req), req.params.id, req.params.stage, req.body),
  });
  app.get('/api/selection/rounds/:id/exam/:stage/tickets', {
    config: { access: [...staff] },
    schema: { tags, summary: '准考证 PDF Admission tickets (one candidate, or all in one file)', params: Params, querystring: z.object({ candidateId: IdText.optional() }) },
    handler: async (req, reply) => {
      const { fileName, pdf } = await examTickets(ctxOf(deps, req), req.params.id, req.params.stage, req.query.candidateId);
      return sendPdf(reply, fileName, pdf);
    },
  });
  app.get('/api/selection/rounds/:id/exam/:stage/template', {
    config: { access: [...staff] },
    schema: { tags, summary: '考试成绩模板 Exam numbers and names, scores to fill in (Excel)', params: Params },
    handler: async (req, reply) => sendXlsx(reply, '考试成绩.xlsx', await examScoresTemplate(ctxOf(deps, req), req.params.id, req.params.stage)),
  });
  app.post('/api/selection/rounds/:id/exam/:stage/import', {
    config: { access: [...staff] },
    schema: { tags, summary: '导入考试成绩 Exam scores from Excel (multipart field "file"), all or none, refused with row and column', params: Params, response: { 200: Changed } },
    handler: async (req) => importExamScores(ctxOf(deps, req), req.params.id, req.params.stage, (await uploadedFile(req)).buf),
  });
  app.put('/api/selection/rounds/:id/exam/:stage/scores', {
    config: { access: [...staff] },
    schema: { tags, summary: '录入或更正考试成绩 Key one candidate\'s scores (a change needs a reason)', params: Params, body: ExamScoreInput, response: { 200: Changed } },
    handler: (req) => keyExamScores(ctxOf(deps, req), req.params.id, req.params.stage, req.body),
  });
  app.get('/api/selection/rounds/:id/mark-log/verify', {
    config: { access: [...staff] },
    schema: { tags, summary: '核验评分日志 Verify the round\'s score log (hash chain)', params: z.object({ id: IdText }), response: { 200: ChainVerdict } },
    handler: (req) => verifySelectionChain(ctxOf(deps, req), req.params.id),
  });
}

import { z } from 'zod';
import { IdParam, IdText, Ok } from '../../../shared/contracts/common.js';
import { CompetitionResults, CompletionTimesInput, EntryExplanation, MyResult } from '../../../shared/contracts/results.js';
import { sendPdf, sendXlsx } from '../../http/download.js';
import { cachedJson, sendCached } from '../../http/public-cache.js';
import { ctxOf, type App, type Deps } from '../../http/types.js';
import { EXPORT_FILES, exportFile } from './exports.js';
import { publicRankings } from './public.js';
import { explainEntry, getResults, myResults, recordCompletionTimes } from './service.js';
import { requestLang } from '../../http/lang.js';

/** A PDF download with a Chinese file name (as sendXlsx does for Excel). */
export function resultRoutes(app: App, deps: Deps): void {
  const tags = ['results'];
  app.get('/api/competitions/:id/results', {
    config: { access: ['admin', 'committee', 'unit', 'judge'] },
    schema: { tags, summary: '成绩与排名 Results (organizers all; chief judge by code; a unit its own, once decoded)', params: IdParam, response: { 200: CompetitionResults } },
    handler: (req) => getResults(ctxOf(deps, req), req.params.id),
  });
  app.get('/api/competitions/:id/results/:entryId', {
    config: { access: ['admin', 'committee', 'unit', 'person'] },
    schema: { tags, summary: '成绩说明 How one contestant\'s figures and rank were reached', params: IdParam.extend({ entryId: IdText }), response: { 200: EntryExplanation } },
    handler: (req) => explainEntry(ctxOf(deps, req), req.params.id, req.params.entryId, requestLang(req)),
  });
  app.put('/api/competitions/:id/completion-times', {
    config: { access: ['admin', 'committee'] },
    schema: { tags, summary: '录入完成用时 Completion times by code (organizers, operators; while marking)', params: IdParam, body: CompletionTimesInput, response: { 200: Ok } },
    handler: (req) => recordCompletionTimes(ctxOf(deps, req), req.params.id, req.body),
  });
  app.get('/api/me/results', {
    config: { access: ['person'] },
    schema: { tags, summary: '我的成绩 My competitions and results', response: { 200: z.array(MyResult) } },
    handler: (req) => myResults(ctxOf(deps, req)),
  });
  app.get('/api/public/competitions/:id/rankings', {
    config: { access: 'public' },
    schema: { tags, summary: '团体与组织奖排名（公开） Team and organization rankings, during and after the notice', params: IdParam },
    handler: async (req, reply) => {
      const body = await cachedJson(deps.database.db, `competition:${req.params.id}:rankings`, () => publicRankings(deps.database.db, req.params.id));
      return sendCached(req, reply, body, 'application/json; charset=utf-8');
    },
  });
  app.get('/api/competitions/:id/exports/:file', {
    config: { access: ['admin', 'committee'] },
    schema: { tags, summary: '导出 Results, rankings (Excel, PDF), the draw and score sheets (PDF)', params: IdParam.extend({ file: z.enum(EXPORT_FILES) }) },
    handler: async (req, reply) => {
      const f = await exportFile(ctxOf(deps, req), req.params.id, req.params.file);
      return f.type === 'xlsx' ? sendXlsx(reply, f.fileName, f.body) : sendPdf(reply, f.fileName, f.body);
    },
  });
}

import { z } from 'zod';
import { IdParam, Ok } from '../../../shared/contracts/common.js';
import { Notice } from '../../../shared/contracts/notices.js';
import { CutDetail, CutPreview, CutSummary, ExclusionInput, FreezeInput, SelectionNoticeInput, SelectionNoticeKind } from '../../../shared/contracts/selection-cuts.js';
import { sendDownload, sendXlsx } from '../../http/download.js';
import { ctxOf, type App, type Deps } from '../../http/types.js';
import { cutWorkbook } from './excel.js';
import { publishSelectionNotice, roundNotices } from './notices.js';
import { cutExport, excludeCandidate, freezeCut, getCut, listCuts, previewCut } from './service.js';

const StageParams = IdParam.extend({ stageKey: z.string().regex(/^[a-z][a-z0-9_]{0,19}$/, '阶段代码无效') });
const NoticeParams = IdParam.extend({ which: SelectionNoticeKind });
const STAFF = ['admin', 'committee'] as const;
const tags = ['selection'];

export function selectionCutRoutes(app: App, deps: Deps): void {
  app.get('/api/selection/rounds/:id/cuts', {
    config: { access: [...STAFF] },
    schema: { tags, summary: '入围名单（已冻结） Frozen cuts of a round', params: IdParam, response: { 200: z.array(CutSummary) } },
    handler: (req) => listCuts(ctxOf(deps, req), req.params.id),
  });
  app.get('/api/selection/rounds/:id/cuts/:stageKey/preview', {
    config: { access: [...STAFF] },
    schema: { tags, summary: '预览入围排名 Preview the ranking of a cut stage', params: StageParams, response: { 200: CutPreview } },
    handler: (req) => previewCut(ctxOf(deps, req), req.params.id, req.params.stageKey),
  });
  app.post('/api/selection/rounds/:id/cuts/:stageKey/freeze', {
    config: { access: [...STAFF] },
    schema: { tags, summary: '冻结入围名单 Freeze the previewed ranking', params: StageParams, body: FreezeInput, response: { 200: CutSummary } },
    handler: (req) => freezeCut(ctxOf(deps, req), req.params.id, req.params.stageKey, req.body),
  });
  app.get('/api/selection/cuts/:id', {
    config: { access: [...STAFF] },
    schema: { tags, summary: '入围名单详情 A frozen cut with its ranking', params: IdParam, response: { 200: CutDetail } },
    handler: (req) => getCut(ctxOf(deps, req), req.params.id),
  });
  app.get('/api/selection/cuts/:id/export.json', {
    config: { access: [...STAFF] },
    schema: { tags, summary: '导出入围名单（JSON，可用 cut:verify 复核） A cut as JSON', params: IdParam },
    handler: async (req, reply) => {
      const x = await cutExport(ctxOf(deps, req), req.params.id);
      return sendDownload(reply, `入围名单-${x.rules.stageName}-${x.cutId}.json`, 'application/json; charset=utf-8', Buffer.from(JSON.stringify(x, null, 2)));
    },
  });
  app.get('/api/selection/cuts/:id/export.xlsx', {
    config: { access: [...STAFF] },
    schema: { tags, summary: '导出入围名单（Excel，含规则与校验值） A cut as Excel', params: IdParam },
    handler: async (req, reply) => {
      const x = await cutExport(ctxOf(deps, req), req.params.id);
      return sendXlsx(reply, `入围名单-${x.rules.stageName}-${x.cutId}.xlsx`, await cutWorkbook(x));
    },
  });
  app.post('/api/selection/rounds/:id/exclusions', {
    config: { access: [...STAFF] },
    schema: { tags, summary: '取消候选人资格（附理由） Take a candidate out of the running', params: IdParam, body: ExclusionInput, response: { 200: Ok } },
    handler: (req) => excludeCandidate(ctxOf(deps, req), req.params.id, req.body),
  });
  app.get('/api/selection/rounds/:id/notices', {
    config: { access: [...STAFF] },
    schema: { tags, summary: '评选公示 The round\'s notices', params: IdParam, response: { 200: z.array(Notice) } },
    handler: (req) => roundNotices(ctxOf(deps, req), req.params.id),
  });
  app.post('/api/selection/rounds/:id/notices/:which', {
    config: { access: [...STAFF] },
    schema: { tags, summary: '发布入围名单或拟表彰人员公示 Publish the shortlist or the final list', params: NoticeParams, body: SelectionNoticeInput, response: { 200: Notice } },
    handler: (req) => publishSelectionNotice(ctxOf(deps, req), req.params.id, req.params.which, req.body),
  });
}

import { z } from 'zod';
import { sendCached } from '../../http/public-cache.js';
import { IdParam, IdText, Text, Version } from '../../../shared/contracts/common.js';
import { Notice, NoticeKind, Objection, ObjectionInput, PublishNoticeInput, ResolveObjectionInput } from '../../../shared/contracts/notices.js';
import { COMPETITION_STAFF_ROLES } from '../../competition/competitions/policy.js';
import { ctxOf, type App, type Deps } from '../../http/types.js';
import { PerIpLimit } from './limit.js';
import { listObjections, lodgeObjection, resolveObjection } from './objections.js';
import { getNotice, listNotices, publicNotice, publicNoticeList, publishNotice, restartNotice, withdrawNotice } from './service.js';

const ObjectionParams = IdParam.extend({ objectionId: IdText });

export function noticeRoutes(app: App, deps: Deps): void {
  const tags = ['notices'];
  const objectionLimit = new PerIpLimit();
  app.post('/api/competitions/:id/notice', {
    config: { access: COMPETITION_STAFF_ROLES },
    schema: { tags, summary: '发布成绩公示 Publish the results for public notice', params: IdParam, body: PublishNoticeInput, response: { 200: Notice } },
    handler: (req) => publishNotice(ctxOf(deps, req), 'competition-results', req.params.id, req.body),
  });
  app.get('/api/notices', {
    config: { access: COMPETITION_STAFF_ROLES },
    schema: {
      tags, summary: '公示列表 Notices (organizers, supervision)',
      querystring: z.object({ kind: NoticeKind.optional(), subjectId: IdText.optional() }), response: { 200: z.array(Notice) },
    },
    handler: (req) => listNotices(ctxOf(deps, req), req.query),
  });
  app.get('/api/notices/:id', {
    config: { access: COMPETITION_STAFF_ROLES },
    schema: { tags, summary: '公示详情 A notice', params: IdParam, response: { 200: Notice } },
    handler: (req) => getNotice(ctxOf(deps, req), req.params.id),
  });
  app.post('/api/notices/:id/withdraw', {
    config: { access: COMPETITION_STAFF_ROLES },
    schema: { tags, summary: '撤回公示 Withdraw a notice', params: IdParam, body: z.object({ reason: Text.min(4, '请写明撤回理由').max(500), version: Version }), response: { 200: Notice } },
    handler: (req) => withdrawNotice(ctxOf(deps, req), req.params.id, req.body),
  });
  app.post('/api/notices/:id/restart', {
    config: { access: COMPETITION_STAFF_ROLES },
    schema: { tags, summary: '重新公示 Restart a suspended notice as the next round', params: IdParam, body: z.object({ version: Version, workingDays: PublishNoticeInput.shape.workingDays.optional() }), response: { 200: Notice } },
    handler: (req) => restartNotice(ctxOf(deps, req), req.params.id, req.body),
  });
  app.get('/api/notices/:id/objections', {
    config: { access: COMPETITION_STAFF_ROLES },
    schema: { tags, summary: '公示异议 Objections (confidential)', params: IdParam, response: { 200: z.array(Objection) } },
    handler: (req) => listObjections(ctxOf(deps, req), req.params.id),
  });
  app.post('/api/notices/:id/objections/:objectionId/resolve', {
    config: { access: COMPETITION_STAFF_ROLES },
    schema: { tags, summary: '处理异议 Investigate, uphold or dismiss an objection', params: ObjectionParams, body: ResolveObjectionInput, response: { 200: Objection } },
    handler: (req) => resolveObjection(ctxOf(deps, req), req.params.id, req.params.objectionId, req.body),
  });

  // The public site: no login; lists already masked; answers from the public cache.
  app.get('/api/public/notices', {
    config: { access: 'public' },
    schema: { tags, summary: '公示栏 Notices open now and final (without their lists)' },
    handler: async (req, reply) => sendCached(req, reply, await publicNoticeList(ctxOf(deps, req)), 'application/json; charset=utf-8'),
  });
  app.get('/api/public/notices/:id', {
    config: { access: 'public' },
    schema: { tags, summary: '公示内容 A public notice with its masked list', params: IdParam },
    handler: async (req, reply) => sendCached(req, reply, await publicNotice(ctxOf(deps, req), req.params.id), 'application/json; charset=utf-8'),
  });
  app.post('/api/public/notices/:id/objections', {
    config: { access: 'public' },
    schema: { tags, summary: '提出异议 Lodge an objection by real name', params: IdParam, body: ObjectionInput, response: { 200: z.object({ ok: z.literal(true), reference: z.string() }) } },
    handler: (req) => lodgeObjection(ctxOf(deps, req), req.params.id, req.body, objectionLimit),
  });
}

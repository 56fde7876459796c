import { IdParam } from '../../../shared/contracts/common.js';
import { ctxOf, type App, type Deps } from '../../http/types.js';
import { sendXlsx } from '../../http/download.js';
import { exportRows } from '../../excel/write.js';
import { commitDrawSeed, decode, getDraw, runDraw } from './service.js';

export function drawRoutes(app: App, deps: Deps): void {
  const tags = ['draw'];
  app.get('/api/competitions/:id/draw', {
    config: { access: ['admin', 'committee', 'judge'] },
    schema: { tags, summary: '抽签记录 The draw: seed commitment, code → station list; seed and input once decoded', params: IdParam },
    handler: (req) => getDraw(ctxOf(deps, req), req.params.id),
  });
  app.post('/api/competitions/:id/draw/commit', {
    config: { access: ['admin', 'committee'] },
    schema: { tags, summary: '生成并承诺抽签种子 Commit the seed (its SHA-256 is shown)', params: IdParam },
    handler: (req) => commitDrawSeed(ctxOf(deps, req), req.params.id),
  });
  app.post('/api/competitions/:id/draw/run', {
    config: { access: ['admin', 'committee'] },
    schema: { tags, summary: '抽签 Run the draw', params: IdParam },
    handler: (req) => runDraw(ctxOf(deps, req), req.params.id),
  });
  app.post('/api/competitions/:id/decode', {
    config: { access: ['admin'] },
    schema: { tags, summary: '解密 Code → contestant, for a granted decoder after the marks are locked (audited)', params: IdParam },
    handler: (req) => decode(ctxOf(deps, req), req.params.id),
  });
  app.get('/api/competitions/:id/draw/export', {
    config: { access: ['admin', 'committee', 'judge'] },
    schema: { tags, summary: '导出抽签结果 Codes, stations and rounds (no identities), Excel', params: IdParam },
    handler: async (req, reply) => {
      const d = await getDraw(ctxOf(deps, req), req.params.id);
      const buf = await exportRows<(typeof d.lots)[number]>('抽签结果', [
        { header: '参赛编号', value: (l) => l.code }, { header: '工位', value: (l) => l.station }, { header: '场次', value: (l) => l.round },
      ], [d.lots]);
      return sendXlsx(reply, '抽签结果.xlsx', buf);
    },
  });
  app.post('/api/competitions/:id/decode/export', {
    config: { access: ['admin'] },
    schema: { tags, summary: '导出解密名单 The decoded list as Excel (decoder, after locking; audited)', params: IdParam },
    handler: async (req, reply) => {
      const rows = await decode(ctxOf(deps, req), req.params.id);
      const buf = await exportRows<(typeof rows)[number]>('解密名单', [
        { header: '参赛编号', value: (r) => r.code }, { header: '工位', value: (r) => r.station }, { header: '场次', value: (r) => r.round },
        { header: '准考证号', value: (r) => r.examNumber }, { header: '姓名', value: (r) => r.name }, { header: '身份证号', width: 22, value: (r) => r.idNumberMasked },
        { header: '单位', width: 30, value: (r) => r.unitName },
      ], [rows]);
      return sendXlsx(reply, '解密名单.xlsx', buf);
    },
  });
}

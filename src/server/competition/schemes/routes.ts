import { IdParam } from '../../../shared/contracts/common.js';
import { MarkingSchemeDraft } from '../../../shared/competition/scheme.js';
import { ctxOf, type App, type Deps } from '../../http/types.js';
import { uploadedFile } from '../../http/upload.js';
import { sendXlsx } from '../../http/download.js';
import { exportScheme, importScheme } from './excel.js';
import { getScheme, saveScheme } from './service.js';

export function schemeRoutes(app: App, deps: Deps): void {
  const tags = ['marking scheme'];
  app.get('/api/competitions/:id/scheme', {
    config: { access: ['admin', 'committee', 'judge'] },
    schema: { tags, summary: '评分标准 The marking scheme in force', params: IdParam },
    handler: (req) => getScheme(ctxOf(deps, req), req.params.id),
  });
  app.put('/api/competitions/:id/scheme', {
    config: { access: ['admin', 'committee'] },
    schema: { tags, summary: '保存评分标准（新版本） Save a new version of the scheme; must total 100', params: IdParam, body: MarkingSchemeDraft },
    handler: (req) => saveScheme(ctxOf(deps, req), req.params.id, req.body),
  });
  app.get('/api/competitions/:id/scheme/export', {
    config: { access: ['admin', 'committee', 'judge'] },
    schema: { tags, summary: '导出评分标准 The scheme as Excel (imports back unchanged; empty template when none)', params: IdParam },
    handler: async (req, reply) => sendXlsx(reply, '评分标准.xlsx', await exportScheme(ctxOf(deps, req), req.params.id)),
  });
  app.post('/api/competitions/:id/scheme/import', {
    config: { access: ['admin', 'committee'] },
    schema: { tags, summary: '导入评分标准 A scheme from Excel (multipart field "file"); refused with row and column', params: IdParam },
    handler: async (req) => importScheme(ctxOf(deps, req), req.params.id, (await uploadedFile(req)).buf),
  });
}

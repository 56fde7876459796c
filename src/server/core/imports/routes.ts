import { z } from 'zod';
import { Line } from '../../../shared/contracts/common.js';
import { CommitBody, CommitResult, ImportKind, ImportPreview } from '../../../shared/contracts/imports.js';
import { sendXlsx } from '../../http/download.js';
import { ctxOf, type App, type Deps } from '../../http/types.js';
import { uploadedFile } from '../../http/upload.js';
import { commitImport, getImport, importTemplate, previewImport } from './service.js';

const KIND_NAMES = { people: '人员', units: '单位', accounts: '账号' } as const;
const KindParam = z.object({ kind: ImportKind });
const BatchParam = z.object({ batchId: Line.max(64) });

export function importRoutes(app: App, deps: Deps): void {
  const staff = { access: ['admin', 'unit'] as const };

  app.get('/api/imports/templates/:kind', {
    config: staff,
    schema: { tags: ['imports'], summary: '下载导入模板 Download an import template', params: KindParam },
    handler: async (req, reply) => sendXlsx(reply, `${KIND_NAMES[req.params.kind]}导入模板.xlsx`, await importTemplate(ctxOf(deps, req), req.params.kind)),
  });

  app.post('/api/imports/:kind', {
    config: staff,
    schema: {
      tags: ['imports'], summary: '上传并预检 Upload a filled template (multipart field "file"): row-by-row report, nothing saved yet',
      params: KindParam, response: { 200: ImportPreview },
    },
    handler: async (req) => {
      const { fileName, buf } = await uploadedFile(req);
      return previewImport(ctxOf(deps, req), req.params.kind, fileName, buf);
    },
  });

  app.get('/api/imports/batches/:batchId', {
    config: staff,
    schema: { tags: ['imports'], summary: '导入批次 An import batch', params: BatchParam, response: { 200: ImportPreview } },
    handler: (req) => getImport(ctxOf(deps, req), req.params.batchId),
  });

  app.post('/api/imports/batches/:batchId/commit', {
    config: staff,
    schema: {
      tags: ['imports'], summary: '确认导入 Commit (valid: every valid row; strict: all or nothing), atomically, once',
      params: BatchParam, body: CommitBody, response: { 200: CommitResult },
    },
    handler: (req) => commitImport(ctxOf(deps, req), req.params.batchId, req.body.mode),
  });
}

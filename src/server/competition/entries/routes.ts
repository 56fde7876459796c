import { z } from 'zod';
import { Id, IdParam, IdText, Ok, Text } from '../../../shared/contracts/common.js';
import { EntryStatus } from '../../../shared/contracts/competitions.js';
import { ctxOf, type App, type Deps } from '../../http/types.js';
import { uploadedFile } from '../../http/upload.js';
import { ENTRY_STATUS_NAMES } from '../../../shared/competition/states.js';
import { exportRows } from '../../excel/write.js';
import { sendXlsx } from '../../http/download.js';
import { entriesTemplate, importEntries } from './excel.js';
import { decideEntries, listEntries, registerEntries, withdrawEntry } from './service.js';

const Ids = z.array(Id).min(1, '请选择人员').max(2000);

export function entryRoutes(app: App, deps: Deps): void {
  const tags = ['registration'];
  app.get('/api/competitions/:id/entries', {
    config: { access: ['admin', 'committee', 'unit'] },
    schema: { tags, summary: '报名名单 Entries (a unit sees its own; never the drawn codes)', params: IdParam, querystring: z.object({ status: EntryStatus.optional(), unitId: IdText.optional() }) },
    handler: (req) => listEntries(ctxOf(deps, req), req.params.id, req.query),
  });
  app.post('/api/competitions/:id/entries', {
    config: { access: ['admin', 'committee', 'unit'] },
    schema: { tags, summary: '报名 Register people (all or none)', params: IdParam, body: z.object({ personIds: Ids }) },
    handler: (req) => registerEntries(ctxOf(deps, req), req.params.id, req.body.personIds),
  });
  app.post('/api/competitions/:id/entries/decide', {
    config: { access: ['admin', 'committee'] },
    schema: { tags, summary: '审核报名 Approve or reject entries', params: IdParam, body: z.object({ entryIds: Ids, decision: z.enum(['approved', 'rejected']), reason: Text.max(500).optional() }) },
    handler: (req) => decideEntries(ctxOf(deps, req), req.params.id, req.body),
  });
  app.post('/api/competitions/:id/entries/:entryId/withdraw', {
    config: { access: ['admin', 'committee', 'unit'] },
    schema: { tags, summary: '退赛 Withdraw an entry', params: IdParam.extend({ entryId: IdText }), body: z.object({ reason: Text.min(1, '请填写退赛原因').max(500) }), response: { 200: Ok } },
    handler: (req) => withdrawEntry(ctxOf(deps, req), req.params.id, req.params.entryId, req.body.reason),
  });
  app.get('/api/competitions/:id/entries/export', {
    config: { access: ['admin', 'committee', 'unit'] },
    schema: { tags, summary: '导出报名名单 Entries as Excel (masked IDs; a unit gets its own)', params: IdParam, querystring: z.object({ status: EntryStatus.optional() }) },
    handler: async (req, reply) => {
      const rows = await listEntries(ctxOf(deps, req), req.params.id, req.query);
      const buf = await exportRows<(typeof rows)[number]>('报名名单', [
        { header: '准考证号', value: (r) => r.examNumber }, { header: '姓名', value: (r) => r.name }, { header: '身份证号', width: 22, value: (r) => r.idNumberMasked },
        { header: '单位', width: 30, value: (r) => r.unitName }, { header: '状态', value: (r) => ENTRY_STATUS_NAMES[r.status as keyof typeof ENTRY_STATUS_NAMES] },
        { header: '说明', width: 20, value: (r) => r.reason },
      ], [rows]);
      return sendXlsx(reply, '报名名单.xlsx', buf);
    },
  });
  app.get('/api/competitions/:id/entries/template', {
    config: { access: ['admin', 'committee', 'unit'] },
    schema: { tags, summary: '报名模板 The registration template (Excel)', params: IdParam },
    handler: async (_req, reply) => sendXlsx(reply, '竞赛报名模板.xlsx', await entriesTemplate()),
  });
  app.post('/api/competitions/:id/entries/import', {
    config: { access: ['admin', 'committee', 'unit'] },
    schema: { tags, summary: '导入报名 Register from Excel by ID number (multipart field "file"), all or none, refused by row', params: IdParam },
    handler: async (req) => importEntries(ctxOf(deps, req), req.params.id, (await uploadedFile(req)).buf),
  });
}

import { IdParam, listOf } from '../../../shared/contracts/common.js';
import { Unit, UnitInput, UnitsQuery } from '../../../shared/contracts/units.js';
import { UNIT_KIND_NAMES } from '../../../shared/labels.js';
import { exportRows } from '../../excel/write.js';
import { sendXlsx } from '../../http/download.js';
import { ctxOf, type App, type Deps } from '../../http/types.js';
import { REGISTRY_READERS } from '../../policy.js';
import { createUnit, getUnit, listUnits, updateUnit } from './service.js';

export function unitRoutes(app: App, deps: Deps): void {
  app.get('/api/units', {
    config: { access: REGISTRY_READERS },
    schema: { tags: ['units'], summary: '单位列表 Units (a unit account sees its own)', querystring: UnitsQuery, response: { 200: listOf(Unit) } },
    handler: (req) => listUnits(ctxOf(deps, req), req.query),
  });

  app.get('/api/units/export', {
    config: { access: REGISTRY_READERS },
    schema: { tags: ['units'], summary: '导出单位 Export units to Excel', querystring: UnitsQuery.omit({ page: true, pageSize: true }) },
    handler: async (req, reply) => {
      const ctx = ctxOf(deps, req);
      const pages: Unit[][] = [];
      for (let page = 1; ; page++) {
        const r = await listUnits(ctx, { ...req.query, page, pageSize: 200 });
        pages.push(r.items);
        if (page * 200 >= r.total) break;
      }
      const buf = await exportRows<Unit>('单位', [
        { header: '单位名称', width: 32, value: (u) => u.name },
        { header: '类别', value: (u) => UNIT_KIND_NAMES[u.kind] },
        { header: '统一社会信用代码', width: 22, value: (u) => u.code },
        { header: '所在区县', value: (u) => u.district },
        { header: '联系人', value: (u) => u.contactName },
        { header: '联系电话', value: (u) => u.contactPhoneMasked },
        { header: '人数', value: (u) => u.peopleCount },
      ], pages);
      return sendXlsx(reply, '单位名单.xlsx', buf);
    },
  });

  app.get('/api/units/:id', {
    config: { access: REGISTRY_READERS },
    schema: { tags: ['units'], summary: '单位详情 A unit', params: IdParam, response: { 200: Unit } },
    handler: (req) => getUnit(ctxOf(deps, req), req.params.id),
  });

  app.post('/api/units', {
    config: { access: ['admin'] },
    schema: { tags: ['units'], summary: '新增单位 Create a unit', body: UnitInput, response: { 200: Unit } },
    handler: (req) => createUnit(ctxOf(deps, req), req.body),
  });

  app.put('/api/units/:id', {
    config: { access: ['admin'] },
    schema: { tags: ['units'], summary: '修改单位 Update a unit', params: IdParam, body: UnitInput, response: { 200: Unit } },
    handler: (req) => updateUnit(ctxOf(deps, req), req.params.id, req.body),
  });
}


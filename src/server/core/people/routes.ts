import { IdParam, listOf } from '../../../shared/contracts/common.js';
import { PeopleQuery, Person, PersonDetail, PersonInput, PersonUpdate, QualificationInput, RevealedPerson } from '../../../shared/contracts/people.js';
import { GENDER_NAMES } from '../../../shared/excel/people-sheet.js';
import { LEVEL_NAMES, type Level } from '../../../shared/levels.js';
import { streamRows } from '../../excel/write.js';
import { sendXlsxStream } from '../../http/download.js';
import { acquireHeavy } from '../jobs/heavy.js';
import { ctxOf, type App, type Deps } from '../../http/types.js';
import { REGISTRY_READERS } from '../../policy.js';
import { addQualification, allPeople, createPerson, getPerson, listPeople, revealPerson, updatePerson } from './service.js';

export function peopleRoutes(app: App, deps: Deps): void {
  app.get('/api/people', {
    config: { access: REGISTRY_READERS },
    schema: { tags: ['people'], summary: '人员列表（脱敏） People, masked; a unit account sees its own', querystring: PeopleQuery, response: { 200: listOf(Person) } },
    handler: (req) => listPeople(ctxOf(deps, req), req.query),
  });

  app.get('/api/people/export', {
    config: { access: REGISTRY_READERS },
    schema: { tags: ['people'], summary: '导出人员（脱敏） Export people to Excel, masked', querystring: PeopleQuery.omit({ page: true, pageSize: true }) },
    handler: async (req, reply) => {
      // Access first, then a heavy-work slot (a clear 503 when the server is busy), then the rows
      // read page by page and written to the response as they come.
      const pages = allPeople(ctxOf(deps, req), req.query);
      const release = await acquireHeavy();
      return sendXlsxStream(reply, '人员名单.xlsx', (out) => streamRows<Person>(out, '人员', [
        { header: '姓名', value: (p) => p.name },
        { header: '性别', width: 6, value: (p) => GENDER_NAMES[p.gender] },
        { header: '身份证号', width: 22, value: (p) => p.idNumberMasked },
        { header: '手机号', value: (p) => p.phoneMasked },
        { header: '单位', width: 30, value: (p) => p.unitName },
        { header: '工种', value: (p) => p.tradeName },
        { header: '等级', value: (p) => (p.level ? LEVEL_NAMES[p.level as Level].zh : null) },
        { header: '是否一线', value: (p) => (p.frontLine ? '是' : '否') },
        { header: '本工种年限', value: (p) => p.yearsInTrade },
      ], pages), release);
    },
  });

  app.get('/api/people/:id', {
    config: { access: REGISTRY_READERS },
    schema: { tags: ['people'], summary: '人员详情与资格记录 A person with qualification records', params: IdParam, response: { 200: PersonDetail } },
    handler: (req) => getPerson(ctxOf(deps, req), req.params.id),
  });

  app.post('/api/people', {
    config: { access: ['admin', 'unit'] },
    schema: { tags: ['people'], summary: '登记人员 Register a person', body: PersonInput, response: { 200: Person } },
    handler: (req) => createPerson(ctxOf(deps, req), req.body),
  });

  app.patch('/api/people/:id', {
    config: { access: ['admin', 'unit'] },
    schema: { tags: ['people'], summary: '修改人员 Update a person', params: IdParam, body: PersonUpdate, response: { 200: Person } },
    handler: (req) => updatePerson(ctxOf(deps, req), req.params.id, req.body),
  });

  app.post('/api/people/:id/reveal', {
    config: { access: ['admin'] },
    schema: { tags: ['people'], summary: '查看完整身份证号与手机号（记录审计） Reveal in full, audited', params: IdParam, response: { 200: RevealedPerson } },
    handler: (req) => revealPerson(ctxOf(deps, req), req.params.id),
  });

  app.post('/api/people/:id/qualifications', {
    config: { access: ['admin'] },
    schema: { tags: ['people'], summary: '添加资格记录 Add a qualification record', params: IdParam, body: QualificationInput, response: { 200: PersonDetail } },
    handler: (req) => addQualification(ctxOf(deps, req), req.params.id, req.body),
  });
}

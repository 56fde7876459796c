import { z } from 'zod';
import { IdParam, Ok, Version } from '../../../shared/contracts/common.js';
import { Competition, CompetitionInput, CompetitionPatch, StaffInput, StaffMember } from '../../../shared/contracts/competitions.js';
import { ctxOf, type App, type Deps } from '../../http/types.js';
import { COMPETITION_READERS, COMPETITION_STAFF_ROLES } from './policy.js';
import { addStaff, changeRegistration, createCompetition, deleteCompetition, getCompetition, listCompetitions, listStaff, patchCompetition, removeStaff, updateCompetition } from './service.js';

export function competitionRoutes(app: App, deps: Deps): void {
  const tags = ['competitions'];
  app.get('/api/competitions', {
    config: { access: COMPETITION_READERS },
    schema: {
      tags, summary: '竞赛列表 Competitions (a judge sees those they staff; drafts only the organizers)',
      querystring: z.object({ campaignId: z.coerce.number().int().positive().max(2_147_483_647).optional() }), response: { 200: z.array(Competition) },
    },
    handler: (req) => listCompetitions(ctxOf(deps, req), req.query),
  });
  app.get('/api/competitions/:id', {
    config: { access: COMPETITION_READERS },
    schema: { tags, summary: '竞赛详情 A competition', params: IdParam, response: { 200: Competition } },
    handler: (req) => getCompetition(ctxOf(deps, req), req.params.id),
  });
  app.post('/api/competitions', {
    config: { access: COMPETITION_STAFF_ROLES },
    schema: { tags, summary: '新建竞赛 Create a competition', body: CompetitionInput, response: { 200: Competition } },
    handler: (req) => createCompetition(ctxOf(deps, req), req.body),
  });
  app.put('/api/competitions/:id', {
    config: { access: COMPETITION_STAFF_ROLES },
    schema: { tags, summary: '修改竞赛 Update a competition (states the version read)', params: IdParam, body: CompetitionInput.and(z.object({ version: Version })), response: { 200: Competition } },
    handler: (req) => updateCompetition(ctxOf(deps, req), req.params.id, req.body),
  });
  app.patch('/api/competitions/:id', {
    config: { access: COMPETITION_STAFF_ROLES },
    schema: { tags, summary: '修改竞赛（部分）Change some fields of a competition (states the version read)', params: IdParam, body: CompetitionPatch, response: { 200: Competition } },
    handler: (req) => patchCompetition(ctxOf(deps, req), req.params.id, req.body),
  });
  app.delete('/api/competitions/:id', {
    config: { access: COMPETITION_STAFF_ROLES },
    schema: { tags, summary: '删除竞赛 Delete a draft competition nobody has entered', params: IdParam, querystring: z.object({ version: z.coerce.number().pipe(Version) }), response: { 200: Ok } },
    handler: (req) => deleteCompetition(ctxOf(deps, req), req.params.id, req.query.version),
  });
  app.post('/api/competitions/:id/registration', {
    config: { access: COMPETITION_STAFF_ROLES },
    schema: { tags, summary: '开放/截止报名 Open or close registration', params: IdParam, body: z.object({ to: z.enum(['draft', 'registration', 'closed']), version: Version }), response: { 200: Competition } },
    handler: (req) => changeRegistration(ctxOf(deps, req), req.params.id, req.body.to, req.body.version),
  });
  app.get('/api/competitions/:id/staff', {
    config: { access: COMPETITION_STAFF_ROLES },
    schema: { tags, summary: '裁判与工作人员 Staff', params: IdParam, response: { 200: z.array(StaffMember) } },
    handler: (req) => listStaff(ctxOf(deps, req), req.params.id),
  });
  app.post('/api/competitions/:id/staff', {
    config: { access: COMPETITION_STAFF_ROLES },
    schema: { tags, summary: '添加裁判/工作人员 Add staff', params: IdParam, body: StaffInput, response: { 200: Ok } },
    handler: (req) => addStaff(ctxOf(deps, req), req.params.id, req.body),
  });
  app.post('/api/competitions/:id/staff/remove', {
    config: { access: COMPETITION_STAFF_ROLES },
    schema: { tags, summary: '移除裁判/工作人员 Remove staff', params: IdParam, body: StaffInput, response: { 200: Ok } },
    handler: (req) => removeStaff(ctxOf(deps, req), req.params.id, req.body),
  });
}

import { z } from 'zod';
import { IdText } from '../../../shared/contracts/common.js';
import {
  Decision, EnrolInput, EnrolmentView, ExamNumbersResult, ImportResult, IssuedAccounts, NominationInput, VersionBody, WithdrawInput,
} from '../../../shared/training/enrolment.js';
import { sendXlsx } from '../../http/download.js';
import { ctxOf, type App, type Deps } from '../../http/types.js';
import { uploadedFile } from '../../http/upload.js';
import { enrolmentTemplate, importEnrolments } from './excel.js';
import { assignExamNumbers, decide, enrol, issueAccounts, listEnrolments, nominate, withdrawNomination, withdrawTrainee } from './service.js';

const Params = z.object({ id: IdText });
const tags = ['training'];
const staff = ['admin', 'committee'] as const;
const admitters = ['admin', 'committee', 'unit'] as const;

export function trainingEnrolmentRoutes(app: App, deps: Deps): void {
  app.get('/api/training/classes/:id/enrolments', {
    config: { access: [...admitters] },
    schema: { tags, summary: '学员名单 Trainees (an employer sees its own; IDs and phones masked)', params: Params, response: { 200: z.array(EnrolmentView) } },
    handler: (req) => listEnrolments(ctxOf(deps, req), req.params.id),
  });
  app.post('/api/training/classes/:id/enrolments', {
    config: { access: [...staff] },
    schema: { tags, summary: '录入学员 Enrol a person (existing, or new by ID number)', params: Params, body: EnrolInput, response: { 200: EnrolmentView } },
    handler: (req) => enrol(ctxOf(deps, req), req.params.id, req.body),
  });
  app.get('/api/training/classes/:id/enrolments/template', {
    config: { access: [...staff] },
    schema: { tags, summary: '学员导入模板 The trainees template (Excel)', params: Params },
    handler: async (_req, reply) => sendXlsx(reply, '培训班学员模板.xlsx', await enrolmentTemplate()),
  });
  app.post('/api/training/classes/:id/enrolments/import', {
    config: { access: [...staff] },
    schema: { tags, summary: '导入学员 Enrol from Excel (multipart field "file"), all or none, refused by row and column', params: Params, response: { 200: ImportResult } },
    handler: async (req) => importEnrolments(ctxOf(deps, req), req.params.id, (await uploadedFile(req)).buf),
  });
  app.post('/api/training/classes/:id/nominations', {
    config: { access: ['unit'] },
    schema: { tags, summary: '单位推荐 An employer nominates its worker (新技师, 高级工 or higher confirmed)', params: Params, body: NominationInput, response: { 200: EnrolmentView } },
    handler: (req) => nominate(ctxOf(deps, req), req.params.id, req.body),
  });
  app.post('/api/training/enrolments/:id/withdraw-nomination', {
    config: { access: ['unit'] },
    schema: { tags, summary: '撤回推荐 The employer takes back an undecided nomination', params: Params, body: VersionBody, response: { 200: EnrolmentView } },
    handler: (req) => withdrawNomination(ctxOf(deps, req), req.params.id, req.body),
  });
  app.post('/api/training/enrolments/:id/decision', {
    config: { access: [...admitters] },
    schema: { tags, summary: '录取或不录取 The college accepts or refuses a nomination', params: Params, body: Decision, response: { 200: EnrolmentView } },
    handler: (req) => decide(ctxOf(deps, req), req.params.id, req.body),
  });
  app.post('/api/training/enrolments/:id/withdraw', {
    config: { access: [...staff] },
    schema: { tags, summary: '学员退出 Withdraw a trainee (kept, with the reason)', params: Params, body: WithdrawInput, response: { 200: EnrolmentView } },
    handler: (req) => withdrawTrainee(ctxOf(deps, req), req.params.id, req.body),
  });
  app.post('/api/training/classes/:id/exam-numbers', {
    config: { access: [...admitters] },
    schema: { tags, summary: '编排准考证号 Number the enrolled trainees for the appraisal', params: Params, response: { 200: ExamNumbersResult } },
    handler: (req) => assignExamNumbers(ctxOf(deps, req), req.params.id),
  });
  app.post('/api/training/classes/:id/accounts', {
    config: { access: [...admitters] },
    schema: { tags, summary: '开通学员账号 Trainee accounts with one-time passwords', params: Params, response: { 200: IssuedAccounts } },
    handler: (req) => issueAccounts(ctxOf(deps, req), req.params.id),
  });
}

import { z } from 'zod';
import { IdText } from '../../../shared/contracts/common.js';
import { Award, BankDetailsInput, RoundAwards } from '../../../shared/selection/commendation.js';
import { IssueCertificatesInput } from '../../core/certificates/routes.js';
import { sendXlsx } from '../../http/download.js';
import { ctxOf, type App, type Deps } from '../../http/types.js';
import { issueAwardCertificates } from './awards.js';
import { paymentList } from './payment.js';
import { listAwards, myAwards, setBankDetails } from './service.js';

const Params = z.object({ id: IdText });
const AwardParams = z.object({ awardId: IdText });
const tags = ['selection'];

export function commendationRoutes(app: App, deps: Deps): void {
  app.get('/api/selection/rounds/:id/awards', {
    config: { access: ['admin', 'committee', 'unit'] },
    schema: { tags, summary: '表彰名单 A round\'s awards (a unit: its own experts), bank accounts masked', params: Params, response: { 200: RoundAwards } },
    handler: (req) => listAwards(ctxOf(deps, req), req.params.id),
  });
  app.put('/api/selection/awards/:awardId/bank', {
    config: { access: ['admin', 'committee', 'unit', 'person'] },
    schema: { tags, summary: '填写银行账户 Bank details for the cash award (the expert, their unit, the office)', params: AwardParams, body: BankDetailsInput, response: { 200: Award } },
    handler: (req) => setBankDetails(ctxOf(deps, req), req.params.awardId, req.body),
  });
  // A POST: each download of the full accounts is audited (as the decoded list's export is).
  app.post('/api/selection/rounds/:id/payment-list', {
    config: { access: ['admin', 'committee'] },
    schema: { tags, summary: '奖金发放表 The payment list (Excel, full bank accounts): admin and the finance body', params: Params },
    handler: async (req, reply) => {
      const { fileName, body } = await paymentList(ctxOf(deps, req), req.params.id);
      return sendXlsx(reply, fileName, body);
    },
  });
  app.post('/api/selection/rounds/:id/certificates', {
    config: { access: ['admin', 'committee'] },
    schema: { tags, summary: '颁发技术能手证书 Issue a certificate for every award without one', params: Params, body: IssueCertificatesInput, response: { 200: z.object({ issued: z.number().int() }) } },
    handler: (req) => issueAwardCertificates(ctxOf(deps, req), req.params.id, req.body ?? {}),
  });
  app.get('/api/selection/me/awards', {
    config: { access: ['person'] },
    schema: { tags, summary: '我的技术能手称号 My selection awards', response: { 200: z.array(Award) } },
    handler: (req) => myAwards(ctxOf(deps, req)),
  });
}

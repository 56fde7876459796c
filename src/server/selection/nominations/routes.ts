import type { FastifyRequest } from 'fastify';
import type { ServiceContext } from '../../context.js';
import { z } from 'zod';
import { IdText, Line } from '../../../shared/contracts/common.js';
import {
  CandidateRow, CandidateStatus, CandidateView, ClaimsUpdate, NominablePerson, NominationInput, NominationRoundView, VerifyInput, VersionBody,
} from '../../../shared/contracts/selection-nominations.js';
import { sendStoredFile } from '../../core/files/download.js';
import { sendXlsx } from '../../http/download.js';
import { ctxOf, type App, type Deps } from '../../http/types.js';
import { uploadedFile } from '../../http/upload.js';
import { importNominations, nominationsTemplate } from './excel.js';
import {
  addEvidence, candidateView, confirmConsent, evidenceFile, listCandidates, myCandidacies, myNominations, nominablePeople, nominate,
  nominationRounds, resubmit, updateClaims, verifyCandidate,
} from './service.js';

const tags = ['selection'];
const Params = z.object({ id: IdText });
const Created = z.object({ candidateId: z.number().int(), nominationId: z.number().int(), channel: z.string() });
const EvidenceQuery = z.object({ purpose: z.enum(['condition', 'consent', 'equivalent_skill']), condition: z.string().max(20).optional() });
const NOMINATORS = ['admin', 'committee', 'unit', 'person'] as const;

/** 推荐与资格审查: nominators, candidates and the verifiers of the selection office. */
export function selectionNominationRoutes(app: App, deps: Deps): void {
  /** A change to a candidate answers with the candidate as the actor now sees it. */
  const then = async (req: FastifyRequest<{ Params: { id: number } }>, change: (ctx: ServiceContext) => Promise<unknown>) => {
    const ctx = ctxOf(deps, req);
    await change(ctx);
    return candidateView(ctx, req.params.id);
  };
  app.get('/api/selection/nomination-rounds', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '可推荐的评选 Rounds with their nomination window and the viewer\'s channel', response: { 200: z.array(NominationRoundView) } },
    handler: (req) => nominationRounds(ctxOf(deps, req)),
  });
  app.get('/api/selection/nominable', {
    config: { access: ['unit'] },
    schema: { tags, summary: '可推荐的人员 People a unit, district or industry account may nominate', querystring: z.object({ q: Line.max(40).default('') }), response: { 200: z.array(NominablePerson) } },
    handler: (req) => nominablePeople(ctxOf(deps, req), req.query.q),
  });
  app.post('/api/selection/rounds/:id/nominations', {
    config: { access: [...NOMINATORS] },
    schema: { tags, summary: '推荐 Nominate through the account\'s channel (one candidate per person per round)', params: Params, body: NominationInput, response: { 200: Created } },
    handler: (req) => nominate(ctxOf(deps, req), req.params.id, req.body),
  });
  app.get('/api/selection/rounds/:id/nominations/mine', {
    config: { access: [...NOMINATORS] },
    schema: { tags, summary: '我的推荐 The viewer\'s nominations in the round', params: Params, response: { 200: z.array(CandidateRow) } },
    handler: (req) => myNominations(ctxOf(deps, req), req.params.id),
  });
  app.get('/api/selection/nominations/template', {
    config: { access: ['unit'] },
    schema: { tags, summary: '批量推荐模板 The nominations template (Excel)' },
    handler: async (_req, reply) => sendXlsx(reply, '技术能手推荐模板.xlsx', await nominationsTemplate()),
  });
  app.post('/api/selection/rounds/:id/nominations/import', {
    config: { access: ['unit'] },
    schema: { tags, summary: '批量推荐 Nominate from Excel (multipart field "file"), all or none, refused by row and column', params: Params },
    handler: async (req) => importNominations(ctxOf(deps, req), req.params.id, (await uploadedFile(req)).buf),
  });
  app.get('/api/selection/rounds/:id/candidates', {
    config: { access: ['admin', 'committee'] },
    schema: { tags, summary: '候选人 Candidates with their channels (the verifier\'s queue with ?status=submitted)', params: Params, querystring: z.object({ status: CandidateStatus.optional() }), response: { 200: z.array(CandidateRow) } },
    handler: (req) => listCandidates(ctxOf(deps, req), req.params.id, req.query.status),
  });
  app.get('/api/selection/my-candidacies', {
    config: { access: ['person'] },
    schema: { tags, summary: '我的评选 The person\'s own candidacies', response: { 200: z.array(CandidateView) } },
    handler: (req) => myCandidacies(ctxOf(deps, req)),
  });
  app.get('/api/selection/candidates/:id', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '候选人材料 A candidate in full (nominators, the candidate, the office)', params: Params, response: { 200: CandidateView } },
    handler: (req) => candidateView(ctxOf(deps, req), req.params.id),
  });
  app.put('/api/selection/candidates/:id/claims', {
    config: { access: [...NOMINATORS] },
    schema: { tags, summary: '修改申报的业绩条件 Replace the claimed conditions', params: Params, body: ClaimsUpdate, response: { 200: CandidateView } },
    handler: (req) => then(req, (ctx) => updateClaims(ctx, req.params.id, req.body)),
  });
  app.post('/api/selection/candidates/:id/evidence', {
    config: { access: [...NOMINATORS] },
    schema: { tags, summary: '上传证明材料 Upload evidence (multipart field "file"; PDF, JPG or PNG by content, at most 5 MB)', params: Params, querystring: EvidenceQuery, response: { 200: CandidateView } },
    handler: async (req) => { const file = await uploadedFile(req); return then(req, (ctx) => addEvidence(ctx, req.params.id, req.query, file)); },
  });
  app.post('/api/selection/candidates/:id/consent', {
    config: { access: ['person'] },
    schema: { tags, summary: '本人确认同意 The candidate confirms consent, signed in', params: Params, response: { 200: CandidateView } },
    handler: (req) => then(req, (ctx) => confirmConsent(ctx, req.params.id)),
  });
  app.post('/api/selection/candidates/:id/resubmit', {
    config: { access: [...NOMINATORS] },
    schema: { tags, summary: '重新提交 Resubmit a returned candidate', params: Params, body: VersionBody, response: { 200: CandidateView } },
    handler: (req) => then(req, (ctx) => resubmit(ctx, req.params.id, req.body.version)),
  });
  app.post('/api/selection/candidates/:id/verify', {
    config: { access: ['admin', 'committee'] },
    schema: { tags, summary: '资格审查 Decide: eligible, returned (with reason) or ineligible (with reason)', params: Params, body: VerifyInput, response: { 200: CandidateView } },
    handler: (req) => then(req, (ctx) => verifyCandidate(ctx, req.params.id, req.body)),
  });
  app.get('/api/selection/evidence/:id', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '下载证明材料 Download a piece of evidence (attachment, stored type)', params: Params },
    handler: async (req, reply) => sendStoredFile(reply, await evidenceFile(ctxOf(deps, req), req.params.id)),
  });
}

import type { FastifyReply, FastifyRequest } from 'fastify';
import { cachedText, sendCached } from '../../http/public-cache.js';
import { sendDownload, sendPdf } from '../../http/download.js';
import { z } from 'zod';
import { parseSerial } from '../../../shared/certificates/serial.js';
import { Certificate, CertificateJob, CertificateVerification, RevokeInput } from '../../../shared/contracts/certificates.js';
import { ErrorBody, IdParam, IdText, IsoDate, Line, Name } from '../../../shared/contracts/common.js';
import { COMPETITION_STAFF_ROLES } from '../../competition/competitions/policy.js';
import { AppError } from '../../http/errors.js';
import { ctxOf, type App, type Deps } from '../../http/types.js';
import { badgeCredential, issuerProfile } from './badge.js';
import { getZipJob, startZipJob, zipJobFile } from './jobs.js';
import { CERTIFICATE_LISTERS, CERTIFICATE_READERS } from './policy.js';
import { certificatePdf, issueCertificates, listCertificates, myCertificates, revokeCertificate, verifyCertificate } from './service.js';
import { notFoundPage, searchPage, verificationPage } from './verify-page.js';
import { requestLang } from '../../http/lang.js';

export const IssueCertificatesInput = z.object({
  issuedOn: IsoDate.optional(),
  issuer: Name.min(2, '请填写颁发单位').max(100).optional(),
}).nullish(); // the body may be left out

/** Where a certificate's QR code points: PUBLIC_BASE_URL when set (behind a proxy), else the origin the request came to. */
export function verifyBase(req: FastifyRequest): string {
  return process.env.PUBLIC_BASE_URL || `${req.protocol}://${req.host}`;
}

const CertParam = z.object({ certId: IdText });
const JobParam = z.object({ jobId: z.string().uuid() });
const SerialParam = z.object({ serial: Line.max(200) });

export function certificateRoutes(app: App, deps: Deps): void {
  const tags = ['certificates'];
  app.post('/api/competitions/:id/certificates', {
    config: { access: COMPETITION_STAFF_ROLES },
    schema: { tags, summary: '颁发证书 Issue a certificate for every final outcome without one', params: IdParam, body: IssueCertificatesInput, response: { 200: z.object({ issued: z.number().int() }) } },
    handler: (req) => issueCertificates(ctxOf(deps, req), req.params.id, req.body ?? {}),
  });
  app.get('/api/competitions/:id/certificates', {
    config: { access: CERTIFICATE_LISTERS },
    schema: { tags, summary: '证书列表 A competition\'s certificates (a unit: its own)', params: IdParam, response: { 200: z.array(Certificate) } },
    handler: (req) => listCertificates(ctxOf(deps, req), req.params.id),
  });
  app.get('/api/me/certificates', {
    config: { access: ['person'] },
    schema: { tags, summary: '我的证书 My certificates', response: { 200: z.array(Certificate) } },
    handler: (req) => myCertificates(ctxOf(deps, req)),
  });
  app.get('/api/certificates/:certId/pdf', {
    config: { access: CERTIFICATE_READERS },
    schema: { tags, summary: '证书 PDF (organizers, the holder, the holder\'s unit)', params: CertParam },
    handler: async (req, reply) => {
      const { fileName, body } = await certificatePdf(ctxOf(deps, req), req.params.certId, verifyBase(req));
      return sendPdf(reply, fileName, body);
    },
  });
  app.post('/api/certificates/:certId/revoke', {
    config: { access: COMPETITION_STAFF_ROLES },
    schema: { tags, summary: '撤销证书 Revoke a certificate', params: CertParam, body: RevokeInput, response: { 200: Certificate } },
    handler: (req) => revokeCertificate(ctxOf(deps, req), req.params.certId, req.body),
  });

  app.post('/api/competitions/:id/certificates/zip', {
    config: { access: CERTIFICATE_LISTERS },
    schema: { tags, summary: '批量生成 Start rendering the competition\'s certificates into one ZIP', params: IdParam, response: { 200: CertificateJob } },
    handler: (req) => startZipJob(ctxOf(deps, req), req.params.id, verifyBase(req)),
  });
  app.get('/api/certificate-jobs/:jobId', {
    config: { access: CERTIFICATE_LISTERS },
    schema: { tags, summary: '批量生成进度 Progress of a ZIP job (its starter only)', params: JobParam, response: { 200: CertificateJob } },
    handler: async (req) => getZipJob(ctxOf(deps, req), req.params.jobId),
  });
  app.get('/api/certificate-jobs/:jobId/download', {
    config: { access: CERTIFICATE_LISTERS },
    schema: { tags, summary: '下载证书压缩包 The finished ZIP', params: JobParam },
    handler: async (req, reply) => {
      const { fileName, body } = await zipJobFile(ctxOf(deps, req), req.params.jobId);
      return sendDownload(reply, fileName, 'application/zip', body);
    },
  });

  app.get('/api/public/certificates/:serial', {
    config: { access: 'public' },
    schema: { tags: ['public'], summary: '证书查验 Verify a certificate by its serial', params: SerialParam, response: { 200: CertificateVerification, 404: ErrorBody } },
    handler: async (req, reply) => {
      const text = await verifyCertificate(ctxOf(deps, req), req.params.serial);
      // Already serialized (and cached) JSON: Fastify sends a string with a JSON type as is.
      return sendCached(req, reply, text, 'application/json; charset=utf-8');
    },
  });

  app.get('/api/public/certificates/:serial/badge.json', {
    config: { access: 'public' },
    schema: { tags: ['public'], summary: 'Open Badges 3.0 凭证 The certificate as a signed OpenBadgeCredential (410 when revoked)', params: SerialParam, response: { 200: z.record(z.string(), z.unknown()), 404: ErrorBody, 410: ErrorBody } },
    handler: async (req, reply) => {
      const ctx = ctxOf(deps, req);
      const v = JSON.parse(await verifyCertificate(ctx, req.params.serial)) as CertificateVerification;
      if (v.status === 'revoked') throw new AppError(410, 'REVOKED', `该证书已于${(v.revokedAt ?? '').slice(0, 10)}撤销，不再有效：${v.revokeReason ?? ''}`);
      return reply.type('application/ld+json; charset=utf-8').header('cache-control', 'no-cache').send(badgeCredential(ctx.pii, verifyBase(req), v, ctx.clock.now()));
    },
  });
  app.get('/api/public/badge-issuer', {
    config: { access: 'public' },
    schema: { tags: ['public'], summary: 'Open Badges 颁发者 The issuer profile with its Ed25519 verification key (Multikey)' },
    handler: async (req, reply) => reply.type('application/ld+json; charset=utf-8').send(issuerProfile(deps.pii, verifyBase(req))),
  });

  // The page a certificate's QR code opens (public, not under /api: plain HTML for any phone).
  const html = (reply: FastifyReply, status: number, body: string) =>
    reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-cache').header('vary', 'Accept-Language, Cookie').send(body);
  // The reader's language; a ?lang= choice is remembered for the next page (the console sets the same cookie).
  const langOf = (req: FastifyRequest, reply: FastifyReply) => {
    const lang = requestLang(req);
    if (typeof (req.query as { lang?: unknown }).lang === 'string') reply.setCookie('lang', lang, { path: '/', sameSite: 'lax', maxAge: 365 * 86_400 });
    return lang;
  };
  const LangQuery = z.object({ lang: z.string().max(10).optional() });
  app.get('/verify', { schema: { hide: true, querystring: LangQuery.extend({ serial: Line.max(200).optional() }) } }, async (req, reply) => {
    const lang = langOf(req, reply);
    const typed = req.query.serial?.trim() ?? '';
    if (!typed) return html(reply, 200, searchPage(lang));
    const serial = parseSerial(typed);
    return serial ? reply.redirect(`/verify/${serial}`, 303) : html(reply, 404, notFoundPage(typed, lang));
  });
  app.get('/verify/:serial', { schema: { hide: true, params: SerialParam, querystring: LangQuery } }, async (req, reply) => {
    const lang = langOf(req, reply);
    const serial = parseSerial(req.params.serial);
    if (serial && serial !== req.params.serial) return reply.redirect(`/verify/${serial}`, 301);
    try {
      const ctx = ctxOf(deps, req);
      // The page from the cached verification, kept as text under the same key per language (a revocation drops them all).
      const page = await cachedText(ctx.db, `certificate:${serial ?? req.params.serial}:page:${lang}`, async () => verificationPage(JSON.parse(await verifyCertificate(ctx, req.params.serial)), lang));
      return sendCached(req, reply.header('cache-control', 'no-cache').header('vary', 'Accept-Language, Cookie'), page, 'text/html; charset=utf-8');
    } catch (e) {
      if (e instanceof AppError && e.status === 404) return html(reply, 404, notFoundPage(req.params.serial, lang));
      throw e;
    }
  });
}

import type { FastifyRequest } from 'fastify';
import { pickLang, type Lang } from '../../shared/lang.js';

/** The language of a request's server-written texts (see shared/lang.ts). */
export function requestLang(req: FastifyRequest): Lang {
  const query = (req.query as Record<string, unknown> | undefined)?.lang;
  const cookies = (req as FastifyRequest & { cookies?: Record<string, string | undefined> }).cookies;
  return pickLang({ query: typeof query === 'string' ? query : null, cookie: cookies?.lang ?? null, acceptLanguage: req.headers['accept-language'] ?? null });
}

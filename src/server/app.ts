import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyReply, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accountRoutes } from './core/accounts/routes.js';
import { auditRoutes } from './core/audit/routes.js';
import { authRoutes } from './core/auth/routes.js';
import { LoginThrottle } from './core/auth/throttle.js';
import { campaignRoutes } from './core/campaign/routes.js';
import { competitionRoutes } from './competition/competitions/routes.js';
import { drawRoutes } from './competition/draws/routes.js';
import { entryRoutes } from './competition/entries/routes.js';
import { judgingRoutes } from './competition/judging/routes.js';
import { markRoutes } from './competition/marks/routes.js';
import { appealRoutes } from './competition/appeals/routes.js';
import { calendarRoutes } from './core/calendar/routes.js';
import { certificateRoutes } from './core/certificates/routes.js';
import { noticeRoutes } from './core/notices/routes.js';
import { outcomeRoutes } from './competition/outcomes/routes.js';
import { resultRoutes } from './competition/results/routes.js';
import { schemeRoutes } from './competition/schemes/routes.js';
import type { TrustProxy } from './config.js';
import { systemClock, type Clock } from './context.js';
import type { Database } from './db/client.js';
import { EXCEL_LIMITS } from './excel/limits.js';
import { installAccessControl } from './http/access.js';
import { installErrorHandler } from './http/error-handler.js';
import type { App, Deps } from './http/types.js';
import { importRoutes } from './core/imports/routes.js';
import { connectPublicCacheBus } from './http/public-cache-bus.js';
import { installJobWorker, type JobsOptions } from './core/jobs/install.js';
import { CLIENT_DIR, ROOT } from './paths.js';
import { peopleRoutes } from './core/people/routes.js';
import type { PiiCipher } from './core/pii/cipher.js';
import { tradeRoutes } from './core/trades/routes.js';
import { unitRoutes } from './core/units/routes.js';
import { selectionRoutes } from './selection/routes.js';
import { trainingRoutes } from './training/routes.js';

export const VERSION: string = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;

export interface AppOptions {
  database: Database;
  pii: PiiCipher;
  clock?: Clock;
  throttle?: LoginThrottle;
  cookieSecure?: boolean;
  logger?: FastifyServerOptions['logger'];
  /** Which proxies' X-Forwarded-For to believe for the client address (TRUST_PROXY); default none. */
  trustProxy?: TrustProxy;
  /** Serve the built client (dist/client) when it exists. */
  serveClient?: boolean;
  /** This instance's job worker (certificate ZIPs, the notice sweep); `false`: none. */
  jobs?: JobsOptions | false;
}

export async function buildApp(opts: AppOptions): Promise<App> {
  const tp = opts.trustProxy ?? false;
  // A hop count n trusts the n proxies nearest the server (Fastify's own rule for a number).
  const trustProxy = typeof tp === 'number' ? (_address: string, hop: number) => hop < tp : tp;
  const app = Fastify({ logger: opts.logger ?? false, trustProxy, bodyLimit: 1024 * 1024 }).withTypeProvider<ZodTypeProvider>();
  const deps: Deps = {
    database: opts.database,
    pii: opts.pii,
    clock: opts.clock ?? systemClock,
    throttle: opts.throttle ?? new LoginThrottle(),
    cookieSecure: opts.cookieSecure ?? false,
    version: VERSION,
  };
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);

  // Security headers on every answer. The console (antd) and Swagger UI set inline styles, and the
  // verification page carries its own <style>; scripts come only from this server. No
  // upgrade-insecure-requests and no HSTS unless COOKIE_SECURE says the site is served over HTTPS
  // (a plain-HTTP intranet install must keep working).
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        frameSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'self'"],
      },
    },
    strictTransportSecurity: deps.cookieSecure ? { maxAge: 180 * 24 * 3600, includeSubDomains: false } : false,
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: EXCEL_LIMITS.fileBytes, files: 1, fields: 5, parts: 6 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'skillmonth 技能月 API', version: VERSION, description: 'Every write needs the session cookie and the x-csrf-token header from /api/auth/me.' },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  installAccessControl(app, deps.database.db, () => deps.clock.now());

  app.get('/api/health', {
    config: { access: 'public' },
    schema: {
      tags: ['public'], summary: '健康检查 Health',
      response: { 200: z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']), version: z.string() }) },
    },
    handler: async () => {
      await deps.database.db.execute('select 1');
      return { status: 'ok' as const, db: deps.database.kind, version: VERSION };
    },
  });
  app.get('/api/openapi.json', {
    config: { access: 'public' },
    schema: { hide: true },
    handler: async () => app.swagger(),
  });

  for (const routes of [authRoutes, accountRoutes, campaignRoutes, tradeRoutes, unitRoutes, peopleRoutes, importRoutes, auditRoutes,
    competitionRoutes, schemeRoutes, entryRoutes, drawRoutes, judgingRoutes, markRoutes,
    resultRoutes, appealRoutes, calendarRoutes, noticeRoutes, outcomeRoutes, certificateRoutes, selectionRoutes, trainingRoutes]) {
    routes(app, deps);
  }

  if (opts.jobs !== false) installJobWorker(app, deps, opts.jobs ?? {});
  const closeBus = await connectPublicCacheBus(deps.database, app.log);
  app.addHook('onClose', async () => closeBus());

  app.all('/api/*', { config: { access: 'public' }, schema: { hide: true } }, async (_req, reply) =>
    reply.status(404).send({ error: { code: 'NOT_FOUND', message: '接口不存在' } }),
  );

  if (opts.serveClient !== false && fs.existsSync(CLIENT_DIR)) {
    // wildcard: files are looked up per request, so a rebuilt client is served without a restart.
    await app.register(fastifyStatic, { root: CLIENT_DIR, wildcard: true, index: false });
    // The single-page app answers every other GET (its router shows the page or a not-found page);
    // a missing script or asset is a plain 404, never the page (which would load as a blank screen).
    const sendIndex = async (reply: FastifyReply) => {
      const index = await fs.promises.readFile(path.join(CLIENT_DIR, 'index.html'), 'utf8').catch(() => null);
      return index === null ? reply.status(404).send({ error: { code: 'NOT_FOUND', message: '未找到' } }) : reply.type('text/html; charset=utf-8').send(index);
    };
    app.get('/', { schema: { hide: true } }, (_req, reply) => sendIndex(reply)); // the folder itself is not listed
    app.setNotFoundHandler(async (req, reply) => {
      if (req.method !== 'GET' || req.url.startsWith('/api/') || req.url.startsWith('/assets/')) return reply.status(404).send({ error: { code: 'NOT_FOUND', message: '未找到' } });
      return sendIndex(reply);
    });
  }
  return app;
}

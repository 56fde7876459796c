import crypto from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Role } from '../../shared/contracts/auth.js';
import { resolveSession, SESSION_COOKIE } from '../core/auth/sessions.js';
import type { Actor } from '../context.js';
import type { Db } from '../db/client.js';
import { AppError, forbidden, unauthenticated } from './errors.js';

/**
 * Who may call a route. Every /api route must declare it: a route without `config.access`
 * makes the server refuse to start (deny by default).
 */
export type Access = 'public' | 'authenticated' | readonly Role[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** Open to an account that must still change its password (me, change password). */
    beforePasswordChange?: boolean;
  }
  interface FastifyInstance {
    /** Every /api route with its access rule, for the access-matrix tests and the docs. */
    accessTable: { method: string; url: string; access: Access }[];
  }
  interface FastifyRequest {
    actor: Actor | null;
    csrfToken: string | null;
    mustChangePassword: boolean;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

export function installAccessControl(app: FastifyInstance, db: Db, now: () => Date): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('mustChangePassword', false);

  app.decorate('accessTable', []);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${route.method} ${route.url} declares no access rule`);
    for (const method of [route.method].flat()) if (method !== 'HEAD') app.accessTable.push({ method, url: route.url, access });
  });

  app.addHook('onRequest', async (req: FastifyRequest) => {
    const access = req.routeOptions.config?.access;
    if (!access || !req.url.startsWith('/api/')) return;
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const s = await resolveSession(db, token, now());
      if (s) {
        req.actor = s.actor;
        req.csrfToken = s.csrfToken;
        req.mustChangePassword = s.mustChangePassword;
      }
    }
    if (access === 'public') return;
    if (!req.actor) throw unauthenticated();
    // A one-time or reset password: nothing but reading oneself and changing it until it is changed.
    if (req.mustChangePassword && !req.routeOptions.config?.beforePasswordChange) {
      throw new AppError(403, 'MUST_CHANGE_PASSWORD', '请先修改初始密码，然后才能继续操作');
    }
    if (access !== 'authenticated' && !access.includes(req.actor.role)) throw forbidden();
    if (UNSAFE.has(req.method)) {
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !req.csrfToken || !sameToken(sent, req.csrfToken)) {
        throw new AppError(403, 'CSRF', '请求缺少有效的 CSRF 令牌，请刷新页面后重试');
      }
    }
  });
}

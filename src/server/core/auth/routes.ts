import type { FastifyReply } from 'fastify';
import { ChangePasswordBody, LoginBody, Me } from '../../../shared/contracts/auth.js';
import { Ok } from '../../../shared/contracts/common.js';
import { ctxOf, type App, type Deps } from '../../http/types.js';
import { changePassword, login, logout, me } from './service.js';
import { SESSION_COOKIE, SESSION_TTL_MS } from './sessions.js';

export function authRoutes(app: App, deps: Deps): void {
  const setCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: deps.cookieSecure,
      path: '/',
      maxAge: SESSION_TTL_MS / 1000,
    });

  app.post('/api/auth/login', {
    config: { access: 'public' },
    schema: { tags: ['auth'], summary: '登录 Log in with username or phone', body: LoginBody, response: { 200: Me } },
    handler: async (req, reply) => {
      const r = await login(ctxOf(deps, req), deps.throttle, req.body, req.cookies[SESSION_COOKIE]);
      setCookie(reply, r.token);
      return r.me;
    },
  });

  app.post('/api/auth/logout', {
    config: { access: 'public' },
    schema: { tags: ['auth'], summary: '退出登录 Log out', response: { 200: Ok } },
    handler: async (req, reply) => {
      await logout(ctxOf(deps, req), req.cookies[SESSION_COOKIE]);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  });

  app.get('/api/auth/me', {
    config: { access: 'authenticated', beforePasswordChange: true },
    schema: { tags: ['auth'], summary: '当前用户 The signed-in account', response: { 200: Me } },
    handler: async (req) => me(ctxOf(deps, req), req.csrfToken!),
  });

  app.post('/api/auth/password', {
    config: { access: 'authenticated', beforePasswordChange: true },
    schema: { tags: ['auth'], summary: '修改密码 Change one\'s password', body: ChangePasswordBody, response: { 200: Me } },
    handler: async (req, reply) => {
      const ctx = ctxOf(deps, req);
      const s = await changePassword(ctx, req.body);
      setCookie(reply, s.token);
      return me(ctx, s.csrfToken);
    },
  });
}

import crypto from 'node:crypto';
import { z } from 'zod';
import { IdText } from '../../../shared/contracts/common.js';
import {
  AttendanceInput, AttendanceMatrix, AttendanceSaved, CheckinCode, CheckinInput, CheckinResult, CheckinWindow, MyClass, Roster,
} from '../../../shared/training/checkin-contracts.js';
import { sendPdf } from '../../http/download.js';
import { AppError } from '../../http/errors.js';
import { ctxOf, type App, type Deps } from '../../http/types.js';
import { checkIn, checkinCode, setCheckinWindow } from './checkin.js';
import { attendanceMatrix, myClasses, roster, saveAttendance } from './service.js';
import { signInSheet } from './sheet.js';

const Params = z.object({ id: IdText });
const tags = ['training'];
const teachers = ['admin', 'committee', 'unit', 'judge'] as const;

/** The per-browser device cookie (random, httpOnly, long-lived; the server keeps only a keyed hash). */
export const DEVICE_COOKIE = 'sm_device';
const DEVICE = /^[A-Za-z0-9_-]{32,64}$/;

/** At most ATTEMPTS sign-in attempts per account per minute (a scripted guesser gets 429). */
const ATTEMPTS = 20;
function attemptLimiter() {
  const seen = new Map<number, number[]>();
  return (accountId: number, now: number): void => {
    const recent = (seen.get(accountId) ?? []).filter((t) => now - t < 60_000);
    if (recent.length >= ATTEMPTS) throw new AppError(429, 'RATE_LIMITED', '尝试过于频繁，请稍后再扫码', undefined, 60);
    recent.push(now);
    seen.set(accountId, recent);
    if (seen.size > 50_000) seen.clear();
  };
}

export function trainingAttendanceRoutes(app: App, deps: Deps): void {
  for (const action of ['open', 'close'] as const) {
    app.post(`/api/training/sessions/:id/checkin/${action}`, {
      config: { access: [...teachers] },
      schema: { tags, summary: action === 'open' ? '开始签到 Open the QR sign-in window' : '结束签到 Close the QR sign-in window', params: Params, response: { 200: CheckinWindow } },
      handler: (req) => setCheckinWindow(ctxOf(deps, req), req.params.id, action === 'open'),
    });
  }
  app.get('/api/training/sessions/:id/checkin/code', {
    config: { access: [...teachers] },
    schema: { tags, summary: '当前签到二维码 The rotating sign-in code (teacher)', params: Params, response: { 200: CheckinCode } },
    handler: (req) => checkinCode(ctxOf(deps, req), req.params.id, `${req.protocol}://${req.host}`),
  });
  const limit = attemptLimiter();
  app.post('/api/training/checkin', {
    config: { access: ['person'] },
    schema: { tags, summary: '扫码签到 A trainee signs in with the scanned code', body: CheckinInput, response: { 200: CheckinResult } },
    handler: async (req, reply) => {
      const ctx = ctxOf(deps, req);
      limit(req.actor!.id, ctx.clock.now().getTime());
      let device = req.cookies[DEVICE_COOKIE];
      if (!device || !DEVICE.test(device)) {
        device = crypto.randomBytes(32).toString('base64url');
        reply.setCookie(DEVICE_COOKIE, device, { httpOnly: true, sameSite: 'lax', secure: deps.cookieSecure, path: '/api/training/checkin', maxAge: 5 * 365 * 86_400 });
      }
      return checkIn(ctx, req.body.code, device);
    },
  });
  app.get('/api/training/sessions/:id/roster', {
    config: { access: [...teachers] },
    schema: { tags, summary: '点名册 A session roster (masked)', params: Params, response: { 200: Roster } },
    handler: (req) => roster(ctxOf(deps, req), req.params.id),
  });
  app.put('/api/training/sessions/:id/attendance', {
    config: { access: [...teachers] },
    schema: { tags, summary: '点名或签到表录入 Record attendance by roster or keyed sheet', params: Params, body: AttendanceInput, response: { 200: AttendanceSaved } },
    handler: (req) => saveAttendance(ctxOf(deps, req), req.params.id, req.body),
  });
  app.get('/api/training/sessions/:id/sheet.pdf', {
    config: { access: [...teachers] },
    schema: { tags, summary: '签到表 PDF The printable sign-in sheet', params: Params },
    handler: async (req, reply) => {
      const { fileName, pdf } = await signInSheet(ctxOf(deps, req), req.params.id);
      return sendPdf(reply, fileName, pdf);
    },
  });
  app.get('/api/training/classes/:id/attendance', {
    config: { access: [...teachers] },
    schema: { tags, summary: '考勤矩阵 A class attendance matrix (heat map)', params: Params, response: { 200: AttendanceMatrix } },
    handler: (req) => attendanceMatrix(ctxOf(deps, req), req.params.id),
  });
  app.get('/api/training/my/classes', {
    config: { access: ['person'] },
    schema: { tags, summary: '我的培训 The trainee own classes and attendance', response: { 200: z.array(MyClass) } },
    handler: (req) => myClasses(ctxOf(deps, req)),
  });
}

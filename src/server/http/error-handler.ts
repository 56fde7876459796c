import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorBody } from '../../shared/contracts/common.js';
import { TransitionError } from '../../shared/competition/state-machine.js';
import { AppError } from './errors.js';
import { rootCause } from '../db/guard.js';

/**
 * Database errors that come from what a user sent (SQLSTATE → status, code, message). The contracts refuse such
 * input before it reaches the database; this is the safety net for whatever slips through: a clear 4xx, logged
 * (so the contract can be fixed), never a 500. Everything else the database says stays a 500 (a bug).
 */
export const INPUT_DB_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  '22P02': { status: 400, code: 'VALIDATION', message: '输入的值格式无效' },
  '22003': { status: 400, code: 'VALIDATION', message: '输入的数值超出范围' },
  '22007': { status: 400, code: 'VALIDATION', message: '输入的日期或时间格式无效' },
  '22008': { status: 400, code: 'VALIDATION', message: '输入的日期或时间不存在或超出范围' },
  '22001': { status: 400, code: 'VALIDATION', message: '输入的文字过长' },
  '22021': { status: 400, code: 'VALIDATION', message: '输入包含无效字符（如 NUL）' },
  '22P05': { status: 400, code: 'VALIDATION', message: '输入包含无效字符（如 NUL）' },
  '22023': { status: 400, code: 'VALIDATION', message: '输入的值无效' },
  '23505': { status: 409, code: 'CONFLICT', message: '该记录已存在（与已有记录重复）' },
  '23503': { status: 409, code: 'CONFLICT', message: '引用的对象不存在或仍被其他记录使用' },
  '23502': { status: 400, code: 'VALIDATION', message: '缺少必填的值' },
  '23514': { status: 400, code: 'VALIDATION', message: '输入的值不符合规则' },
};

/** The SQLSTATE of a database error, wherever it sits in the cause chain (drizzle wraps the driver's error). */
export function sqlStateOf(err: unknown): string | null {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return null;
}
import { issueText } from '../../shared/field-labels.js';

/** Every error leaves as `{ error: { code, message, issues? } }`; a user's mistake is never a 500. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((thrown: FastifyError | AppError, req, reply) => {
    // A refusal raised under a database call (e.g. 数据库繁忙) arrives wrapped by drizzle.
    const err = rootCause(thrown) as FastifyError | AppError;
    const send = (status: number, error: ErrorBody['error']) => reply.status(status).send({ error });
    if (err instanceof AppError) {
      if (err.retryAfterSeconds) reply.header('retry-after', String(err.retryAfterSeconds));
      return send(err.status, { code: err.code, message: err.message, issues: err.issues, retryAfterSeconds: err.retryAfterSeconds });
    }
    // A status change the state machine does not allow (e.g. 成绩已锁定 → 筹备): a conflict, never a 500.
    if (err instanceof TransitionError) return send(409, { code: 'INVALID_TRANSITION', message: err.message, issues: [{ field: 'status', message: err.message }] });
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext === 'querystring' ? 'query' : err.validationContext;
      const issues = err.validation.map((v) => {
        const field = v.instancePath.replace(/^\//, '').replaceAll('/', '.') || (v.params as { issue?: { path?: unknown[] } })?.issue?.path?.join('.') || where || 'body';
        return { field, message: v.message ?? '无效' };
      });
      return send(400, { code: 'VALIDATION', message: issues.map((i) => issueText(i.field, i.message)).join('；'), issues });
    }
    const status = err.statusCode ?? 500;
    if (err.code === 'FST_REQ_FILE_TOO_LARGE' || err.code === 'FST_FILES_LIMIT' || status === 413) {
      return send(413, { code: 'TOO_LARGE', message: '文件过大，超过 20 MB 上限', issues: [{ field: 'file', message: '文件过大' }] });
    }
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return send(415, { code: 'UNSUPPORTED_MEDIA_TYPE', message: '不支持的请求内容类型' });
    if (err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (status === 400 && err instanceof SyntaxError)) {
      return send(400, { code: 'BAD_JSON', message: '请求体不是有效的 JSON' });
    }
    if (status >= 400 && status < 500) return send(status, { code: err.code ?? 'BAD_REQUEST', message: err.message });
    const state = sqlStateOf(err);
    const mapped = state ? INPUT_DB_ERRORS[state] : undefined;
    if (mapped) {
      req.log.warn({ err, sqlState: state, url: req.url }, 'database refused input the contract let through');
      return send(mapped.status, { code: mapped.code, message: mapped.message });
    }
    req.log.error({ err }, 'unhandled error');
    return send(500, { code: 'INTERNAL', message: '服务器内部错误，请稍后重试；如持续出现请联系管理员' });
  });
}

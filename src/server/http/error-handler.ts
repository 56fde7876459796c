import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorBody } from '../../shared/contracts/common.js';
import { TransitionError } from '../../shared/competition/state-machine.js';
import { AppError } from './errors.js';
import { issueText } from '../../shared/field-labels.js';

/** Every error leaves as `{ error: { code, message, issues? } }`; a user's mistake is never a 500. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError, req, reply) => {
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
    req.log.error({ err }, 'unhandled error');
    return send(500, { code: 'INTERNAL', message: '服务器内部错误，请稍后重试；如持续出现请联系管理员' });
  });
}

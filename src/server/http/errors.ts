/** A refusal the user can act on: always a 4xx with a stable code and a readable message. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues?: { field: string; message: string }[],
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export const notFound = (what = '对象') => new AppError(404, 'NOT_FOUND', `未找到该${what}`);
export const forbidden = (message = '无权执行此操作') => new AppError(403, 'FORBIDDEN', message);
export const unauthenticated = () => new AppError(401, 'UNAUTHENTICATED', '请先登录');
export const conflict = (message: string, field?: string) =>
  new AppError(409, 'CONFLICT', message, field ? [{ field, message }] : undefined);
export const invalid = (field: string, message: string) =>
  new AppError(400, 'VALIDATION', message, [{ field, message }]);

import { z } from 'zod';

/** Every refusal has this shape: a stable code, a readable message, and the fields at fault. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    retryAfterSeconds: z.number().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/**
 * The one id type. Every table's id is a PostgreSQL `integer`, so an id is 1 … 2³¹−1; anything else
 * (0, -1, 3000000000, 1e300, "abc") is refused here with the field and the reason, never reaches the database.
 */
export const MAX_ID = 2_147_483_647;
const ID_MESSAGE = `编号应为 1 到 ${MAX_ID} 之间的整数`;
/** An id in a JSON body: a number. */
export const Id = z.number({ error: ID_MESSAGE }).int(ID_MESSAGE).min(1, ID_MESSAGE).max(MAX_ID, ID_MESSAGE);
/** An id in a path or query string: its numeric string form ("42"), same range. */
export const IdText = z.coerce.number<unknown>({ error: ID_MESSAGE }).int(ID_MESSAGE).min(1, ID_MESSAGE).max(MAX_ID, ID_MESSAGE);

/** A page number or size in a query string (bounded like an id). */
const pageNumber = z.coerce.number<unknown>({ error: '页码应为整数' }).int('页码应为整数').min(1, '页码至少为 1').max(MAX_ID, '页码过大');
export const Page = pageNumber.default(1);
export const pageSizeOf = (fallback: number) => z.coerce.number<unknown>({ error: '每页条数应为整数' }).int('每页条数应为整数').min(1, '每页至少 1 条').max(200, '每页最多 200 条').default(fallback);

export const PageQuery = z.object({
  page: Page,
  pageSize: pageSizeOf(20),
});

export const IdParam = z.object({ id: IdText });

export function listOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}

export const Ok = z.object({ ok: z.literal(true) });

/** The years a date may name (the database stores any of them; none before or after is meaningful here). */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

/** Whether yyyy-mm-dd names a day that exists (no 2009-02-30, 0000-00-00, 2009-13-45), within MIN_YEAR … MAX_YEAR. */
export function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < MIN_YEAR || y > MAX_YEAR || mo < 1 || mo > 12 || d < 1) return false;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]!;
  return d <= days;
}

const DATE_MESSAGE = `日期无效：应为 YYYY-MM-DD 格式的真实日期（${MIN_YEAR}–${MAX_YEAR} 年）`;
/** The one calendar-date type: yyyy-mm-dd naming a real day. */
export const IsoDate = z.string({ error: DATE_MESSAGE }).regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD').refine(isRealDate, DATE_MESSAGE);

/** A moment: ISO 8601 with an offset ("2009-05-10T08:00:00+08:00"), naming a real day within MIN_YEAR … MAX_YEAR. */
export const IsoDateTime = z.iso.datetime({ offset: true, error: '时间格式应为 ISO 8601（如 2009-05-10T08:00:00+08:00）' })
  .refine((s) => isRealDate(s.slice(0, 10)), DATE_MESSAGE);

/**
 * The one text type. Control characters (NUL and the rest of C0/C1) are refused everywhere; free text
 * (`Text`) keeps line breaks and tabs, a single line (`Line`) does not. Names (`Name`) also refuse the
 * invisible characters that make two different values look the same or reorder what is shown:
 * bidi overrides and isolates (U+202A–202E, U+2066–2069) and zero-width characters (U+200B–200D, U+2060, U+FEFF).
 * All trim.
 */
// eslint-disable-next-line no-control-regex
const TEXT_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// eslint-disable-next-line no-control-regex
const LINE_CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u202A-\u202E\u2066-\u2069]/;
export const CONTROL_MESSAGE = '不能包含控制字符（如 NUL）';
export const LINE_MESSAGE = '不能包含换行或控制字符';
export const INVISIBLE_MESSAGE = '不能包含零宽字符或文字方向控制字符（常见于从网页或文档复制的内容，请重新输入）';
export const hasControl = (s: string) => TEXT_CONTROL.test(s);
export const hasInvisible = (s: string) => INVISIBLE.test(s);
/** Free text (reasons, descriptions, content): line breaks and tabs allowed. */
export const Text = z.string().trim().refine((s) => !TEXT_CONTROL.test(s), CONTROL_MESSAGE);
/** One line of text (search terms, phone numbers, venues). */
export const Line = z.string().trim().refine((s) => !LINE_CONTROL.test(s), LINE_MESSAGE);
/** A name or login: one line, no invisible characters. */
export const Name = Line.refine((s) => !INVISIBLE.test(s), INVISIBLE_MESSAGE);

/** The version a write states it read (optimistic concurrency): a non-negative integer the database's integer holds. */
export const Version = z.number({ error: '版本号应为整数' }).int('版本号应为整数').min(0, '版本号应为整数').max(MAX_ID, '版本号无效');

import { z } from 'zod';

export const IMPORT_KINDS = ['people', 'units', 'accounts'] as const;
export const ImportKind = z.enum(IMPORT_KINDS);
export type ImportKind = z.infer<typeof ImportKind>;

/** One refused cell: the spreadsheet row (as Excel numbers it), the column letter and header, and why. */
export const RowIssue = z.object({
  row: z.number().int(),
  column: z.string(),
  header: z.string(),
  reason: z.string(),
});
export type RowIssue = z.infer<typeof RowIssue>;

export const ImportPreview = z.object({
  batchId: z.string(),
  kind: ImportKind,
  fileName: z.string(),
  total: z.number().int(),
  valid: z.number().int(),
  invalidRows: z.number().int(),
  issues: z.array(RowIssue),
  status: z.enum(['previewed', 'committed', 'discarded']),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

/** valid: commit every valid row; strict: commit only if every row is valid, else nothing. */
export const CommitBody = z.object({ mode: z.enum(['valid', 'strict']).default('valid') });

export const CommitResult = z.object({
  inserted: z.number().int(),
  /** rows registered by someone else between preview and commit */
  skipped: z.number().int(),
  /** accounts import only: each new account's one-time password, shown this once */
  oneTimePasswords: z.array(z.object({ username: z.string(), oneTimePassword: z.string() })).optional(),
});

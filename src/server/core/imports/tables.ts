import { integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/tables.js';

/**
 * An uploaded spreadsheet between preview and commit: its row report and its valid rows.
 */
export const importBatches = pgTable('import_batches', {
  id: text('id').primaryKey(),
  kind: text('kind', { enum: ['people', 'units', 'accounts'] }).notNull(),
  accountId: integer('account_id').notNull().references(() => accounts.id),
  unitId: integer('unit_id'),
  fileName: text('file_name').notNull(),
  fileSha256: text('file_sha256').notNull(),
  total: integer('total').notNull(),
  valid: integer('valid').notNull(),
  invalidRows: integer('invalid_rows').notNull(),
  issues: jsonb('issues').$type<{ row: number; column: string; header: string; reason: string }[]>().notNull(),
  /**
   * The valid rows, with personal fields already sealed (encrypted) by the importer, as text in
   * the importer's format (JSON, or one line per row for people). Stored uncompressed
   * (STORAGE EXTERNAL, migration 0004): sealed values do not compress, and a 100k-row batch is
   * written once and read once.
   */
  payload: text('payload').notNull(),
  status: text('status', { enum: ['previewed', 'committed', 'discarded'] }).notNull().default('previewed'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  committedAt: timestamp('committed_at', { withTimezone: true }),
});

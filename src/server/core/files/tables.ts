import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { bytea } from '../../db/columns.js';
import { accounts } from '../accounts/tables.js';

/**
 * 上传文件: evidence, signed forms, later images. Kept in the database (so a backup holds them and
 * both databases behave alike), size-limited, the type decided by the content (not the name), with
 * the SHA-256 of the bytes. Who may read one is the owning module's rule: a file is only ever
 * served through its owner's route, never by id alone.
 */
export const storedFiles = pgTable(
  'stored_files',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** The module and purpose that own it, e.g. 'selection.evidence'. */
    owner: text('owner').notNull(),
    fileName: text('file_name').notNull(),
    mime: text('mime', { enum: ['application/pdf', 'image/jpeg', 'image/png'] }).notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    body: bytea('body').notNull(),
    uploadedBy: integer('uploaded_by').references(() => accounts.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('stored_files_sha_idx').on(t.sha256)],
);

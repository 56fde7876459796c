import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea } from '../../db/columns.js';
import { accounts } from '../accounts/tables.js';


export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

/**
 * Background work, kept in the database so that whichever server process is running finds it: a
 * job started on one instance is run by any instance's worker, survives a restart, and its progress
 * and result are read from any instance. See service.ts for how a job is claimed.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    /** At most one job per key: a scheduled run's period ("notices.finalize@<minute>"). */
    key: text('key'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    status: text('status').$type<JobStatus>().notNull().default('queued'),
    /** The account that started it: only that account sees its progress and result. */
    accountId: integer('account_id').references(() => accounts.id),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(3),
    runAt: timestamp('run_at', { withTimezone: true }).notNull().defaultNow(),
    /** The worker that holds the job, until when (a lease renewed while it runs; a crashed worker's job is taken again after it). */
    lockedBy: text('locked_by'),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    done: integer('done').notNull().default(0),
    total: integer('total').notNull().default(0),
    result: jsonb('result'),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** Deleted (with its file) after this. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('jobs_key_uq').on(t.key),
    index('jobs_claim_idx').on(t.status, t.runAt),
    index('jobs_expires_idx').on(t.expiresAt),
    index('jobs_account_idx').on(t.accountId, t.kind),
  ],
);

/** A job's resulting file (a certificate ZIP), downloadable from any instance until the job expires. */
export const jobFiles = pgTable('job_files', {
  jobId: uuid('job_id').primaryKey().references(() => jobs.id, { onDelete: 'cascade' }),
  fileName: text('file_name').notNull(),
  contentType: text('content_type').notNull(),
  bytes: integer('bytes').notNull(),
  body: bytea('body').notNull(),
});

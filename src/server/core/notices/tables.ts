import { date, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { NoticeColumn, NoticeKind, NoticeStatus, ObjectionStatus } from '../../../shared/contracts/notices.js';
import { accounts } from '../accounts/tables.js';

/**
 * 公示: a list published on the public site for a number of working days. One mechanism for every
 * kind of list (competition results now; Technical Experts and trainees later): the subject module
 * supplies the rows (already masked) and is told when the notice becomes final. An upheld
 * objection suspends a round; the restarted notice is the next round, with a new period.
 */
export const notices = pgTable(
  'notices',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    kind: text('kind').$type<NoticeKind>().notNull(),
    subjectId: integer('subject_id').notNull(),
    round: smallint('round').notNull(),
    title: text('title').notNull(),
    intro: text('intro').notNull(),
    columns: jsonb('columns').$type<NoticeColumn[]>().notNull(),
    rows: jsonb('rows').$type<Record<string, string | number | null>[]>().notNull(),
    status: text('status').$type<NoticeStatus>().notNull(),
    workingDays: smallint('working_days').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    /** 24:00 Beijing time of `endsOn`. */
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    publishedBy: integer('published_by').notNull().references(() => accounts.id),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedReason: text('closed_reason'),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('notices_round_uq').on(t.kind, t.subjectId, t.round), index('notices_status_idx').on(t.status, t.endsAt)],
);

/** 异议: lodged by anyone under their real name with contact details; handled confidentially. */
export const noticeObjections = pgTable(
  'notice_objections',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    noticeId: integer('notice_id').notNull().references(() => notices.id),
    name: text('name').notNull(),
    contactEnc: text('contact_enc').notNull(),
    contactMasked: text('contact_masked').notNull(),
    content: text('content').notNull(),
    lodgedAt: timestamp('lodged_at', { withTimezone: true }).notNull(),
    status: text('status').$type<ObjectionStatus>().notNull().default('open'),
    resolution: text('resolution'),
    handledBy: integer('handled_by').references(() => accounts.id),
    handledAt: timestamp('handled_at', { withTimezone: true }),
  },
  (t) => [index('notice_objections_notice_idx').on(t.noticeId, t.status)],
);

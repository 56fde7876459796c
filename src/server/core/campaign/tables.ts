import { date, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** 活动: the Skills Month campaign itself. */
export const campaigns = pgTable('campaigns', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  name: text('name').notNull(),
  theme: text('theme').notNull(),
  startsOn: date('starts_on', { mode: 'string' }).notNull(),
  endsOn: date('ends_on', { mode: 'string' }).notNull(),
  organizer: text('organizer').notNull(),
  coOrganizers: jsonb('co_organizers').$type<string[]>().notNull(),
  /** 组委会 and its sub-bodies, each with its members (free text: name, post, unit; older rows have none). */
  committeeBodies: jsonb('committee_bodies').$type<{ key: string; name: string; duties: string; members?: { name: string; title: string; unit: string }[] }[]>().notNull(),
  contentAreas: jsonb('content_areas').$type<string[]>().notNull(),
  /** Optimistic concurrency: an edit states the version it read. */
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const campaignActivities = pgTable('campaign_activities', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  campaignId: integer('campaign_id').notNull().references(() => campaigns.id),
  key: text('key').notNull(),
  name: text('name').notNull(),
  area: text('area').notNull(),
  plannedStart: date('planned_start', { mode: 'string' }),
  plannedEnd: date('planned_end', { mode: 'string' }),
  venue: text('venue'),
  /** 负责单位 */
  owner: text('owner'),
  target: text('target'),
  description: text('description').notNull().default(''),
  position: integer('position').notNull().default(0),
});

export const campaignDocuments = pgTable('campaign_documents', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  campaignId: integer('campaign_id').notNull().references(() => campaigns.id),
  title: text('title').notNull(),
  number: text('number'),
  issuedOn: date('issued_on', { mode: 'string' }).notNull(),
  body: text('body').notNull(),
});

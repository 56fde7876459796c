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
  committeeBodies: jsonb('committee_bodies').$type<{ key: string; name: string; duties: string }[]>().notNull(),
  contentAreas: jsonb('content_areas').$type<string[]>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
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

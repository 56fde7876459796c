import { integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';

/** 工种 */
export const trades = pgTable('trades', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  code: text('code').notNull().unique(),
  name: text('name').notNull().unique(),
  category: text('category', { enum: ['general', 'industry'] }).notNull().default('general'),
  levels: jsonb('levels').$type<number[]>().notNull(),
});

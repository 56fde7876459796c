import { date, pgTable, text } from 'drizzle-orm/pg-core';

/**
 * 工作日历: the exceptions to "Monday–Friday work": public holidays on weekdays (holiday) and the
 * make-up working days on weekends (workday, 调休上班). Every period counted in working days reads it.
 */
export const calendarDays = pgTable('calendar_days', {
  day: date('day', { mode: 'string' }).primaryKey(),
  kind: text('kind', { enum: ['holiday', 'workday'] }).notNull(),
  name: text('name').notNull(),
});

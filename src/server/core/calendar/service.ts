import { asc, eq } from 'drizzle-orm';
import type { CalendarDay } from '../../../shared/contracts/calendar.js';
import { workCalendar, type WorkCalendar } from '../../../shared/calendar/working-days.js';
import { recordAudit } from '../audit/service.js';
import { COMPETITION_STAFF_ROLES, requireOrganizer } from '../../competition/competitions/policy.js';
import type { ServiceContext } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { invalid, notFound } from '../../http/errors.js';
import { requireRole } from '../../policy.js';
import { calendarDays } from './tables.js';

/** A real date (2009-02-30 is not), as ISO yyyy-mm-dd. */
function checkDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== day) throw invalid('day', '日期无效');
  return day;
}

/** Saturday or Sunday (the date read as a calendar day, no time zone involved). */
const isWeekend = (day: string) => [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());

/** The exceptions every working-day period is counted on: holidays on weekdays, make-up days on weekends. */
export async function loadCalendar(db: DbOrTx): Promise<WorkCalendar> {
  return workCalendar(await db.select({ day: calendarDays.day, kind: calendarDays.kind }).from(calendarDays));
}

export async function listCalendar(ctx: ServiceContext): Promise<CalendarDay[]> {
  requireRole(ctx, ...COMPETITION_STAFF_ROLES);
  return ctx.db.select().from(calendarDays).orderBy(asc(calendarDays.day));
}

/**
 * Sets one day's exception. A holiday only matters on a weekday and a make-up day only on a
 * weekend: anything else would be a no-op that reads as a rule, so it is refused.
 */
export async function putCalendarDay(ctx: ServiceContext, day: string, input: { kind: CalendarDay['kind']; name: string }): Promise<CalendarDay> {
  requireOrganizer(ctx);
  checkDay(day);
  if (input.kind === 'holiday' && isWeekend(day)) throw invalid('kind', '周末本来就不上班，无需设为节假日');
  if (input.kind === 'workday' && !isWeekend(day)) throw invalid('kind', '调休上班日应为周六或周日');
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(calendarDays).where(eq(calendarDays.day, day));
    const row = { day, kind: input.kind, name: input.name };
    await tx.insert(calendarDays).values(row).onConflictDoUpdate({ target: calendarDays.day, set: { kind: row.kind, name: row.name } });
    await recordAudit(tx, ctx, { action: 'calendar.put', entity: 'calendar_day', entityId: day, before: before ?? null, after: row });
    return row;
  });
}

export async function deleteCalendarDay(ctx: ServiceContext, day: string) {
  requireOrganizer(ctx);
  checkDay(day);
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.delete(calendarDays).where(eq(calendarDays.day, day)).returning();
    if (!before) throw notFound('日历设置');
    await recordAudit(tx, ctx, { action: 'calendar.delete', entity: 'calendar_day', entityId: day, before });
    return { ok: true as const };
  });
}

/** Adds days that are not there yet (the demo and first start load a year's official arrangement). */
export async function seedCalendarDays(db: DbOrTx, days: readonly CalendarDay[]): Promise<void> {
  if (days.length) await db.insert(calendarDays).values([...days]).onConflictDoNothing();
}

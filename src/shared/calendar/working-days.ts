import type { CalendarDay } from '../contracts/calendar.js';

/**
 * 工作日: Monday to Friday, except the public holidays that fall on weekdays, plus the make-up
 * working days (调休上班) that fall on weekends. Days are ISO dates (yyyy-mm-dd) in Beijing time.
 * Periods such as the public notice (公示五个工作日) are counted on this calendar.
 */
export interface WorkCalendar {
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
}

export const EMPTY_CALENDAR: WorkCalendar = { holidays: new Set(), workdays: new Set() };

/** The calendar from its exception rows (calendar_days, or CHINA_2009_DAYS). */
export function workCalendar(rows: readonly Pick<CalendarDay, 'day' | 'kind'>[]): WorkCalendar {
  return {
    holidays: new Set(rows.filter((r) => r.kind === 'holiday').map((r) => r.day)),
    workdays: new Set(rows.filter((r) => r.kind === 'workday').map((r) => r.day)),
  };
}

const DAY_MS = 86_400_000;
const BEIJING_MS = 8 * 3_600_000;

function epochDay(day: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const t = m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!) : NaN;
  if (!m || Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== day) throw new RangeError(`日期格式应为 YYYY-MM-DD：${day}`);
  return t / DAY_MS;
}

const isoOf = (epoch: number) => new Date(epoch * DAY_MS).toISOString().slice(0, 10);

/** The day `n` calendar days after `day` (n may be negative). */
export function addDays(day: string, n: number): string {
  return isoOf(epochDay(day) + n);
}

/** The Beijing date of a moment. */
export function beijingDate(at: Date): string {
  return new Date(at.getTime() + BEIJING_MS).toISOString().slice(0, 10);
}

/** 24:00 Beijing time at the end of `day`, i.e. 00:00 of the next day (UTC+8, no daylight saving). */
export function endOfBeijingDay(day: string): Date {
  return new Date((epochDay(day) + 1) * DAY_MS - BEIJING_MS);
}

export function isWorkingDay(day: string, cal: WorkCalendar): boolean {
  if (cal.workdays.has(day)) return true;
  if (cal.holidays.has(day)) return false;
  const weekday = (epochDay(day) + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
  return weekday !== 0 && weekday !== 6;
}

/** The nth working day after `day` (n ≥ 0; n = 0 gives `day` itself, working or not). */
export function addWorkingDays(day: string, n: number, cal: WorkCalendar): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`工作日数须为非负整数：${n}`);
  let d = epochDay(day);
  for (let left = n; left > 0;) if (isWorkingDay(isoOf(++d), cal)) left--;
  return isoOf(d);
}

/** How many working days from a to b, both included (0 when b is before a). */
export function workingDaysBetween(a: string, b: string, cal: WorkCalendar): number {
  let count = 0;
  for (let d = epochDay(a), end = epochDay(b); d <= end; d++) if (isWorkingDay(isoOf(d), cal)) count++;
  return count;
}

export interface NoticePeriod {
  startsOn: string;
  endsOn: string;
  /** 24:00 Beijing time of endsOn. */
  endsAt: Date;
}

/**
 * 公示期: `workingDays` working days, starting on the publication day (Beijing date) if it is a
 * working day, else on the next working day, and ending at 24:00 Beijing time of the last one.
 */
export function noticePeriod(publishedAt: Date, workingDays: number, cal: WorkCalendar): NoticePeriod {
  if (!Number.isInteger(workingDays) || workingDays < 1) throw new RangeError(`公示期须至少 1 个工作日：${workingDays}`);
  const published = beijingDate(publishedAt);
  const startsOn = isWorkingDay(published, cal) ? published : addWorkingDays(published, 1, cal);
  const endsOn = addWorkingDays(startsOn, workingDays - 1, cal);
  return { startsOn, endsOn, endsAt: endOfBeijingDay(endsOn) };
}

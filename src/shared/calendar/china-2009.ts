import type { CalendarDay } from '../contracts/calendar.js';

/**
 * 《国务院办公厅关于2009年部分节假日安排的通知》: the days that break the
 * Monday–Friday rule — holidays falling on weekdays, and the weekend days worked in exchange (调休).
 * Holidays falling on a weekend are already days off and are not listed.
 */
const HOLIDAYS: [name: string, from: string, to: string][] = [
  ['元旦', '2009-01-01', '2009-01-03'],
  ['春节', '2009-01-25', '2009-01-31'],
  ['清明节', '2009-04-04', '2009-04-06'],
  ['劳动节', '2009-05-01', '2009-05-03'],
  ['端午节', '2009-05-28', '2009-05-30'],
  ['国庆节、中秋节', '2009-10-01', '2009-10-08'],
];

const MAKE_UP_DAYS: [name: string, day: string][] = [
  ['元旦调休上班', '2009-01-04'],
  ['春节调休上班', '2009-01-24'],
  ['春节调休上班', '2009-02-01'],
  ['端午节调休上班', '2009-05-31'],
  ['国庆节调休上班', '2009-09-27'],
  ['国庆节调休上班', '2009-10-10'],
];

const DAY_MS = 86_400_000;
const isWeekend = (t: number) => [0, 6].includes(new Date(t).getUTCDay());

function weekdayHolidays(name: string, from: string, to: string): CalendarDay[] {
  const rows: CalendarDay[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY_MS) {
    if (!isWeekend(t)) rows.push({ day: new Date(t).toISOString().slice(0, 10), kind: 'holiday', name });
  }
  return rows;
}

export const CHINA_2009_DAYS: readonly CalendarDay[] = Object.freeze(
  [
    ...HOLIDAYS.flatMap(([name, from, to]) => weekdayHolidays(name, from, to)),
    ...MAKE_UP_DAYS.map(([name, day]): CalendarDay => ({ day, kind: 'workday', name })),
  ].sort((a, b) => a.day.localeCompare(b.day)),
);

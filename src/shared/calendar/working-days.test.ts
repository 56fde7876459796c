import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHINA_2009_DAYS } from './china-2009.js';
import { addDays, addWorkingDays, beijingDate, EMPTY_CALENDAR, isWorkingDay, noticePeriod, workCalendar, workingDaysBetween, type WorkCalendar } from './working-days.js';

const CN2009 = workCalendar(CHINA_2009_DAYS);

/** Random calendars: holidays and make-up days scattered over May–June 2009. */
const dayIn2009 = fc.integer({ min: 0, max: 120 }).map((n) => addDays('2009-04-20', n));
const calendarArb: fc.Arbitrary<WorkCalendar> = fc
  .array(fc.record({ day: dayIn2009, kind: fc.constantFrom('holiday' as const, 'workday' as const) }), { maxLength: 30 })
  .map((rows) => workCalendar([...new Map(rows.map((r) => [r.day, r])).values()]));
const momentArb = fc.integer({ min: Date.parse('2009-04-25T00:00:00Z'), max: Date.parse('2009-06-10T00:00:00Z') }).map((t) => new Date(t));

describe('工作日 (working days)', () => {
  it('lists the 2009 exceptions: weekday holidays and weekend make-up days', () => {
    const list = (kind: string) => CHINA_2009_DAYS.filter((d) => d.kind === kind).map((d) => d.day.slice(5));
    expect(list('holiday')).toEqual([
      '01-01', '01-02', '01-26', '01-27', '01-28', '01-29', '01-30', '04-06', '05-01', '05-28', '05-29',
      '10-01', '10-02', '10-05', '10-06', '10-07', '10-08',
    ]);
    expect(list('workday')).toEqual(['01-04', '01-24', '02-01', '05-31', '09-27', '10-10']);
  });

  it('knows weekdays, holidays and make-up days', () => {
    expect(isWorkingDay('2009-05-08', EMPTY_CALENDAR)).toBe(true); // Friday
    expect(isWorkingDay('2009-05-09', EMPTY_CALENDAR)).toBe(false); // Saturday
    expect(isWorkingDay('2009-05-01', CN2009)).toBe(false); // 劳动节, a Friday
    expect(isWorkingDay('2009-05-31', CN2009)).toBe(true); // 端午 make-up Sunday
    expect(isWorkingDay('2009-04-06', CN2009)).toBe(false); // 清明 Monday
    expect(() => isWorkingDay('2009-02-30', CN2009)).toThrow('日期格式应为 YYYY-MM-DD');
  });

  it('counts a notice published on Sunday 10 May 2009 from Monday to Friday, ending 24:00 Beijing time', () => {
    const p = noticePeriod(new Date('2009-05-10T02:00:00Z'), 5, CN2009);
    expect(p).toEqual({ startsOn: '2009-05-11', endsOn: '2009-05-15', endsAt: new Date('2009-05-15T16:00:00Z') });
    // Published on a working day: that day counts. Across 端午 (Thu–Fri off, Sunday worked).
    expect(noticePeriod(new Date('2009-05-26T01:00:00Z'), 5, CN2009)).toMatchObject({ startsOn: '2009-05-26', endsOn: '2009-06-02' });
    // 23:30 UTC on the 26th is already the 27th in Beijing.
    expect(noticePeriod(new Date('2009-05-26T23:30:00Z'), 1, CN2009)).toMatchObject({ startsOn: '2009-05-27', endsOn: '2009-05-27' });
    // Over 国庆: published on 30 September, five working days end on 13 October (10 October, a Saturday, worked).
    expect(noticePeriod(new Date('2009-09-30T02:00:00Z'), 5, CN2009)).toMatchObject({ startsOn: '2009-09-30', endsOn: '2009-10-13' });
    expect(() => noticePeriod(new Date(), 0, CN2009)).toThrow('公示期须至少 1 个工作日');
  });

  it('adds and counts working days', () => {
    expect(addWorkingDays('2009-04-30', 1, CN2009)).toBe('2009-05-04');
    expect(addWorkingDays('2009-05-27', 1, CN2009)).toBe('2009-05-31');
    expect(addWorkingDays('2009-05-09', 0, CN2009)).toBe('2009-05-09');
    expect(workingDaysBetween('2009-05-25', '2009-05-31', CN2009)).toBe(4);
    expect(workingDaysBetween('2009-05-31', '2009-05-25', CN2009)).toBe(0);
    expect(beijingDate(new Date('2009-05-21T16:30:00Z'))).toBe('2009-05-22');
  });

  it('n working days later: a working day (n ≥ 1) with exactly n working days after the start', () => {
    fc.assert(fc.property(dayIn2009, fc.integer({ min: 0, max: 30 }), calendarArb, (day, n, cal) => {
      const end = addWorkingDays(day, n, cal);
      if (n > 0) expect(isWorkingDay(end, cal)).toBe(true);
      expect(workingDaysBetween(addDays(day, 1), end, cal)).toBe(n);
      expect(end >= day).toBe(true);
    }));
  });

  it('a notice period never starts or ends on a non-working day and holds exactly n working days', () => {
    fc.assert(fc.property(momentArb, fc.integer({ min: 1, max: 15 }), calendarArb, (at, n, cal) => {
      const p = noticePeriod(at, n, cal);
      expect(isWorkingDay(p.startsOn, cal)).toBe(true);
      expect(isWorkingDay(p.endsOn, cal)).toBe(true);
      expect(workingDaysBetween(p.startsOn, p.endsOn, cal)).toBe(n);
      expect(p.startsOn >= beijingDate(at)).toBe(true);
      expect(workingDaysBetween(beijingDate(at), addDays(p.startsOn, -1), cal)).toBe(0); // no working day skipped
      expect(p.endsAt.getTime()).toBeGreaterThan(at.getTime());
      expect(beijingDate(new Date(p.endsAt.getTime() - 1))).toBe(p.endsOn);
    }));
  });

  it('a make-up Sunday counts and a holiday Monday does not', () => {
    fc.assert(fc.property(dayIn2009, calendarArb, (day, base) => {
      const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
      const before = workingDaysBetween('2009-04-20', '2009-08-31', base);
      if (weekday === 0 && !base.workdays.has(day)) {
        const cal = { ...base, workdays: new Set([...base.workdays, day]) };
        expect(isWorkingDay(day, cal)).toBe(true);
        expect(workingDaysBetween('2009-04-20', '2009-08-31', cal)).toBe(before + 1);
      }
      if (weekday === 1 && !base.holidays.has(day) && !base.workdays.has(day)) {
        const cal = { ...base, holidays: new Set([...base.holidays, day]) };
        expect(isWorkingDay(day, cal)).toBe(false);
        expect(workingDaysBetween('2009-04-20', '2009-08-31', cal)).toBe(before - 1);
      }
    }));
  });
});

import { z } from 'zod';
import { Ok } from '../../../shared/contracts/common.js';
import { CalendarDay } from '../../../shared/contracts/calendar.js';
import { COMPETITION_STAFF_ROLES } from '../../competition/competitions/policy.js';
import { ctxOf, type App, type Deps } from '../../http/types.js';
import { deleteCalendarDay, listCalendar, putCalendarDay } from './service.js';

const DayParam = z.object({ day: CalendarDay.shape.day });

export function calendarRoutes(app: App, deps: Deps): void {
  const tags = ['calendar'];
  app.get('/api/calendar', {
    config: { access: COMPETITION_STAFF_ROLES },
    schema: { tags, summary: '工作日历 Holidays and make-up working days', response: { 200: z.array(CalendarDay) } },
    handler: (req) => listCalendar(ctxOf(deps, req)),
  });
  app.put('/api/calendar/:day', {
    config: { access: COMPETITION_STAFF_ROLES },
    schema: { tags, summary: '设置节假日/调休上班日 Set a day', params: DayParam, body: CalendarDay.pick({ kind: true, name: true }), response: { 200: CalendarDay } },
    handler: (req) => putCalendarDay(ctxOf(deps, req), req.params.day, req.body),
  });
  app.delete('/api/calendar/:day', {
    config: { access: COMPETITION_STAFF_ROLES },
    schema: { tags, summary: '删除日历设置 Remove a day', params: DayParam, response: { 200: Ok } },
    handler: (req) => deleteCalendarDay(ctxOf(deps, req), req.params.day),
  });
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, makeTestEnv, sessionAs, type Session, type TestEnv } from '../../test/harness.js';
import { loadCalendar, seedCalendarDays } from './service.js';

let env: TestEnv;
let admin: Session;
beforeAll(async () => {
  env = await makeTestEnv();
  admin = await sessionAs(env, 'admin');
});
afterAll(() => env.close());

describe('working-day calendar (工作日历)', () => {
  it('sets holidays on weekdays and make-up days on weekends, and refuses the no-ops', async () => {
    expect((await call(env, admin, 'PUT', '/api/calendar/2009-10-01', { kind: 'holiday', name: '国庆节' })).json()).toEqual({ day: '2009-10-01', kind: 'holiday', name: '国庆节' });
    expect((await call(env, admin, 'PUT', '/api/calendar/2009-09-27', { kind: 'workday', name: '国庆调休上班' })).statusCode).toBe(200);
    expect((await call(env, admin, 'PUT', '/api/calendar/2009-10-01', { kind: 'holiday', name: '国庆节、中秋节' })).json().name).toBe('国庆节、中秋节');
    expect((await call(env, admin, 'PUT', '/api/calendar/2009-10-03', { kind: 'holiday', name: '国庆节' })).statusCode).toBe(400); // a Saturday
    expect((await call(env, admin, 'PUT', '/api/calendar/2009-10-09', { kind: 'workday', name: '上班' })).statusCode).toBe(400); // a Friday
    expect((await call(env, admin, 'PUT', '/api/calendar/2009-02-30', { kind: 'holiday', name: '无' })).statusCode).toBe(400);
    expect((await call(env, admin, 'PUT', '/api/calendar/20091001', { kind: 'holiday', name: '无' })).statusCode).toBe(400);
  });

  it('lists for bureau staff only, and removes a day', async () => {
    const committee = await sessionAs(env, 'committee');
    expect((await call(env, committee, 'GET', '/api/calendar')).json().map((d: { day: string }) => d.day)).toEqual(['2009-09-27', '2009-10-01']);
    expect((await call(env, await sessionAs(env, 'unit'), 'GET', '/api/calendar')).statusCode).toBe(403);
    expect((await call(env, admin, 'DELETE', '/api/calendar/2009-09-27')).statusCode).toBe(200);
    expect((await call(env, admin, 'DELETE', '/api/calendar/2009-09-27')).statusCode).toBe(404);
  });

  it('loads as sets for the working-day arithmetic; seeding keeps what is there', async () => {
    await seedCalendarDays(env.database.db, [{ day: '2009-10-01', kind: 'holiday', name: '覆盖？' }, { day: '2009-10-10', kind: 'workday', name: '国庆调休上班' }]);
    const cal = await loadCalendar(env.database.db);
    expect([...cal.holidays]).toEqual(['2009-10-01']);
    expect([...cal.workdays]).toEqual(['2009-10-10']);
    expect((await call(env, admin, 'GET', '/api/calendar')).json().find((d: { day: string }) => d.day === '2009-10-01').name).toBe('国庆节、中秋节');
  });
});

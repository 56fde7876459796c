import { z } from 'zod';
import { IdText } from '../../../shared/contracts/common.js';
import {
  CalendarSession, ClassInput, ClassListItem, ClassStatusChange, ClassUpdate, Programme, ProgrammeInput, ProgrammeUpdate, PublicClass, SessionCancel,
  SessionInput, SessionsCalendarQuery, SessionUpdate, TeacherOption, TrainingClass, TrainingSession,
} from '../../../shared/contracts/training.js';
import { ctxOf, type App, type Deps } from '../../http/types.js';
import { changeClassStatus, createClass, createProgramme, getClass, getProgramme, listClasses, listProgrammes, updateClass, updateProgramme } from './service.js';
import { cancelSession, createSession, listSessions, publicSchedule, sessionsCalendar, updateSession } from './sessions.js';
import { teacherOptions } from './teachers.js';

const Params = z.object({ id: IdText });
const tags = ['training'];

export function trainingProgrammeRoutes(app: App, deps: Deps): void {
  app.get('/api/training/programmes', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '培训项目 Training programmes', response: { 200: z.array(Programme) } },
    handler: (req) => listProgrammes(ctxOf(deps, req)),
  });
  app.post('/api/training/programmes', {
    config: { access: ['admin', 'committee'] },
    schema: { tags, summary: '新建培训项目 Create a programme', body: ProgrammeInput, response: { 200: Programme } },
    handler: (req) => createProgramme(ctxOf(deps, req), req.body),
  });
  app.get('/api/training/programmes/:id', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '培训项目（计划与实际） A programme, plan against actual', params: Params, response: { 200: Programme } },
    handler: (req) => getProgramme(ctxOf(deps, req), req.params.id),
  });
  app.put('/api/training/programmes/:id', {
    config: { access: ['admin', 'committee'] },
    schema: { tags, summary: '修改培训项目 Edit a programme', params: Params, body: ProgrammeUpdate, response: { 200: Programme } },
    handler: (req) => updateProgramme(ctxOf(deps, req), req.params.id, req.body),
  });
  app.get('/api/training/classes', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '培训班 Classes the actor may see', querystring: z.object({ programmeId: IdText.optional() }), response: { 200: z.array(ClassListItem) } },
    handler: (req) => listClasses(ctxOf(deps, req), req.query),
  });
  app.post('/api/training/classes', {
    config: { access: ['admin', 'committee'] },
    schema: { tags, summary: '新建培训班 Create a class', body: ClassInput, response: { 200: TrainingClass } },
    handler: (req) => createClass(ctxOf(deps, req), req.body),
  });
  app.get('/api/training/classes/:id', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '培训班详情 A class', params: Params, response: { 200: TrainingClass } },
    handler: (req) => getClass(ctxOf(deps, req), req.params.id),
  });
  app.put('/api/training/classes/:id', {
    config: { access: ['admin', 'committee'] },
    schema: { tags, summary: '修改培训班 Edit a class', params: Params, body: ClassUpdate, response: { 200: TrainingClass } },
    handler: (req) => updateClass(ctxOf(deps, req), req.params.id, req.body),
  });
  app.post('/api/training/classes/:id/status', {
    config: { access: ['admin', 'committee'] },
    schema: { tags, summary: '报名、开班、结业或取消 Change a class status', params: Params, body: ClassStatusChange, response: { 200: TrainingClass } },
    handler: (req) => changeClassStatus(ctxOf(deps, req), req.params.id, req.body),
  });
  app.get('/api/training/classes/:id/sessions', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '课次 A class sessions', params: Params, response: { 200: z.array(TrainingSession) } },
    handler: (req) => listSessions(ctxOf(deps, req), req.params.id),
  });
  app.post('/api/training/classes/:id/sessions', {
    config: { access: ['admin', 'committee', 'unit'] },
    schema: { tags, summary: '排课 Add a session', params: Params, body: SessionInput, response: { 200: TrainingSession } },
    handler: (req) => createSession(ctxOf(deps, req), req.params.id, req.body),
  });
  app.put('/api/training/sessions/:id', {
    config: { access: ['admin', 'committee', 'unit'] },
    schema: { tags, summary: '修改课次 Edit a session', params: Params, body: SessionUpdate, response: { 200: TrainingSession } },
    handler: (req) => updateSession(ctxOf(deps, req), req.params.id, req.body),
  });
  app.post('/api/training/sessions/:id/cancel', {
    config: { access: ['admin', 'committee', 'unit'] },
    schema: { tags, summary: '取消或恢复课次 Cancel or restore a session', params: Params, body: SessionCancel, response: { 200: TrainingSession } },
    handler: (req) => cancelSession(ctxOf(deps, req), req.params.id, req.body),
  });
  app.get('/api/training/sessions', {
    config: { access: ['admin', 'committee'] },
    schema: { tags, summary: '课程日历 Sessions across classes between two days', querystring: SessionsCalendarQuery, response: { 200: z.array(CalendarSession) } },
    handler: (req) => sessionsCalendar(ctxOf(deps, req), req.query),
  });
  app.get('/api/training/teachers', {
    config: { access: ['admin', 'committee'] },
    schema: { tags, summary: '可选授课教师 Accounts that may teach a class', response: { 200: z.array(TeacherOption) } },
    handler: (req) => teacherOptions(ctxOf(deps, req)),
  });
  app.get('/api/public/training/classes', {
    config: { access: 'public' },
    schema: { tags, summary: '开班课表（公开） Public class schedule', response: { 200: z.array(PublicClass) } },
    handler: (req) => publicSchedule(ctxOf(deps, req).db),
  });
}

import { insertAccount } from '../core/accounts/service.js';
import type { CommitteeBody } from '../../shared/contracts/auth.js';
import { buildPerson, buildTrade, buildUnit, call, login, PASSWORD, type Session, type TestEnv } from '../test/harness.js';
import crypto from 'node:crypto';

/** A logged-in committee account of a body (training by default: the programmes' staff). */
export async function committeeSession(env: TestEnv, body: CommitteeBody = 'training'): Promise<Session> {
  const username = `c_${body}_${crypto.randomBytes(4).toString('hex')}`;
  await insertAccount(env.database.db, env, { username, displayName: username, role: 'committee', committeeBody: body, password: PASSWORD });
  return login(env, username);
}

/** A person with a trainee account of their own (role person, linked to the person), logged in. */
export async function traineeSession(env: TestEnv, unitId: number, over: { name?: string; tradeId?: number } = {}) {
  const person = await buildPerson(env, unitId, { name: over.name ?? '学员', tradeId: over.tradeId, phone: `139${String(crypto.randomInt(0, 1e8)).padStart(8, '0')}` });
  const username = `t_${crypto.randomBytes(4).toString('hex')}`;
  await insertAccount(env.database.db, env, { username, displayName: person.name, role: 'person', personId: person.id, password: PASSWORD });
  return { person, session: await login(env, username) };
}

/** A logged-in account of a role tied to a unit (a college's or an employer's unit account, a teacher). */
export async function unitSession(env: TestEnv, unitId: number, role: 'unit' | 'judge' = 'unit'): Promise<Session> {
  const username = `${role}_${crypto.randomBytes(4).toString('hex')}`;
  await insertAccount(env.database.db, env, { username, displayName: username, role, unitId, password: PASSWORD });
  return login(env, username);
}

/**
 * A training world: the training department's staff, a college (school) with its unit account, a
 * teacher (judge account), an employer with its unit account, two trades, a new-technician
 * programme with one class and an entrepreneurship programme with one class (both planned).
 */
export async function trainingWorld(env: TestEnv) {
  const staff = await committeeSession(env, 'training');
  const college = await buildUnit(env, { kind: 'school', name: `技师学院-${crypto.randomBytes(3).toString('hex')}` });
  const employer = await buildUnit(env, { kind: 'enterprise' });
  const collegeSession = await unitSession(env, college.id);
  const employerSession = await unitSession(env, employer.id);
  const teacher = await unitSession(env, college.id, 'judge');
  const electrician = await buildTrade(env);
  const fitter = await buildTrade(env);
  const post = async (url: string, body: unknown) => {
    const r = await call(env, staff, 'POST', url, body);
    if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode} ${r.body}`);
    return r.json();
  };
  const newTech = await post('/api/training/programmes', { kind: 'new-technician', name: '新技师培养带动计划', plannedTrainees: 200, plannedClasses: 2, trainingFeeYuan: 2400, appraisalFeeYuan: 600 });
  const newTechClass = await post('/api/training/classes', {
    programmeId: newTech.id, name: '第一期（电工、钳工）', targetGroup: 'new-technicians', curriculum: 'syllabus', tradeIds: [electrician.id, fitter.id],
    collegeUnitId: college.id, plannedStartOn: '2009-05-13', plannedEndOn: '2009-06-21', plannedSize: 50, quota: 90, unitQuota: 10,
    teacherAccountIds: [teacher.accountId],
  });
  const entre = await post('/api/training/programmes', { kind: 'entrepreneurship', name: '创业培训', plannedTrainees: 1000, trainingFeeYuan: 800 });
  const gradClass = await post('/api/training/classes', {
    programmeId: entre.id, name: '高校毕业生SYB创业培训第1班', targetGroup: 'graduates', curriculum: 'SYB', venue: '市就业训练中心',
    organizers: ['江川市劳动和社会保障局'], plannedStartOn: '2009-03-28', plannedEndOn: '2009-05-27', graduationOn: '2009-05-27',
    plannedSize: 35, quota: 40, teacherAccountIds: [teacher.accountId],
  });
  return { staff, college, employer, collegeSession, employerSession, teacher, trades: { electrician, fitter }, newTech, newTechClass, entre, gradClass, post };
}

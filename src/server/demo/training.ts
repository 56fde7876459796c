import { asc, eq, inArray } from 'drizzle-orm';
import { defaultCompletionRule } from '../../shared/training/rules.js';
import { accounts } from '../core/accounts/tables.js';
import { hashPassword } from '../core/auth/password.js';
import { personValues } from '../core/people/service.js';
import { people, qualificationRecords } from '../core/people/tables.js';
import type { PiiCipher } from '../core/pii/cipher.js';
import { insertUnits } from '../core/units/service.js';
import { units } from '../core/units/tables.js';
import type { Actor, ServiceContext } from '../context.js';
import type { Db, Tx } from '../db/client.js';
import { trainingAttendance } from '../training/attendance/tables.js';
import { trainingBusinessPlans } from '../training/completion/tables.js';
import { trainingEnrolments } from '../training/enrolment/tables.js';
import { changeClassStatus, createClass, createProgramme } from '../training/programmes/service.js';
import { trainingClasses, trainingSessions } from '../training/programmes/tables.js';
import { importAppraisals } from '../training/appraisal/service.js';
import { issueTrainingCertificates } from '../training/completion/certificates.js';
import { appendPlanMarkEvents, type PlanMarkEvent } from '../training/completion/chain.js';
import { assignPlans, createPanel } from '../training/completion/panel.js';
import { trainingPlanAssignments, trainingPlanMarks } from '../training/completion/tables.js';
import { commendedPlans, planScore } from '../../shared/training/completion.js';
import { rubricScore } from '../../shared/selection/rubric.js';
import { computeClaim, reviewClaim, submitClaim } from '../training/appraisal/subsidy.js';
import { APPRAISAL_SHEET } from '../../shared/excel/appraisal-sheet.js';
import { exportRows } from '../excel/write.js';
import { actorOf, DemoClock } from './competition.js';
import { mulberry32 } from './data.js';
import {
  addDays, classAttendance, DEMO_PLAN_PANEL, DEMO_SUBSIDY_CLAIM, demoAppraisals, demoBusinessPlans, NEW_TECHNICIANS, demoTrainingClasses, examNumberOf, GRADUATES, TRAINING_ACCOUNTS as A, TRAINING_PROGRAMMES,
  TRAINING_UNITS, trainingPeople, type DemoClass, type ProgrammeKey,
} from './training-data.js';

/**
 * Loads the 2009 training programmes (training-data.ts) inside the demo's transaction, in phases:
 * 1. prepareDemoTraining — the university and township stations, the trainees (new people with their
 *    qualification records), the accounts (train01, college01/02, teacher01–04, trainee01) and the
 *    unit accounts of the employers who nominate the new technicians;
 * 2. createDemoClasses — both programmes and their classes through the programmes service, as train01;
 * 3. bulk inserts: enrolments, sessions, attendance, business plans;
 * 4. runDemoClassTimeline — every class through changeClassStatus (报名 → 开班 → 结业) on its dates:
 *    finishing runs the completion hook (once the completion module is merged);
 * 5. the phases that need services not yet merged (stubs below: the business-plan panel, certificates,
 *    the appraisal import, the subsidy claim).
 * Keeps no more than one class's attendance in memory at a time.
 */

export interface DemoTrainingWorld {
  tx: Tx;
  pii: PiiCipher;
  clock: DemoClock;
  acting: (actor: Actor) => ServiceContext;
  /** train01 (培训组). */
  staff: ServiceContext;
  accountsByUsername: Map<string, Actor>;
  unitIdByName: Map<string, number>;
  tradeIds: ReadonlyMap<string, number>;
  classes: DemoClass[];
  /** Per class key: the trainees' person ids, in the class's trainee order. */
  personIds: Map<string, number[]>;
  /** Per class key: the employer of each trainee (new technicians) or their school/station. */
  traineeUnitIds: Map<string, number[]>;
  /** Filled by the phases: class ids, versions, enrolment and session ids per class key. */
  classIds: Map<string, number>;
  classVersions: Map<string, number>;
  enrolmentIds: Map<string, number[]>;
  sessionIds: Map<string, number[]>;
  credentials: { username: string; password: string; role: string }[];
}

const at = (day: string, time = '09:00') => new Date(`${day}T${time}:00+08:00`);
const MINUTE = 60_000;

export async function prepareDemoTraining(opts: {
  tx: Tx; pii: PiiCipher; tradeIds: ReadonlyMap<string, number>; taken: { ids: Iterable<string>; phones: Iterable<string> };
}): Promise<DemoTrainingWorld> {
  const { tx, pii, tradeIds } = opts;
  const clock = new DemoClock(at('2009-01-12'));
  const db = tx as unknown as Db;
  const acting = (actor: Actor): ServiceContext => ({ db, pii, clock, actor, ip: '127.0.0.1' });

  await insertUnits(tx, { pii }, TRAINING_UNITS);
  const unitIdByName = new Map((await tx.select({ id: units.id, name: units.name }).from(units)).map((u) => [u.name, u.id]));
  const unitId = (name: string) => {
    const id = unitIdByName.get(name);
    if (id == null) throw new Error(`the training demo needs the unit ${name}`);
    return id;
  };

  // The trainees: new people, 500 a statement.
  const list = trainingPeople(opts.taken);
  const personIds = new Map<string, number[]>();
  const traineeUnitIds = new Map<string, number[]>();
  const now = clock.now();
  for (let i = 0; i < list.length; i += 500) {
    const chunk = list.slice(i, i + 500);
    const rows = await tx.insert(people).values(chunk.map((p) => personValues({ pii }, {
      name: p.name, gender: p.gender, idNumber: p.idNumber, phone: p.phone, unitId: unitId(p.unitName),
      tradeId: p.tradeCode ? tradeIds.get(p.tradeCode) ?? null : null, level: p.level, frontLine: p.frontLine, yearsInTrade: p.yearsInTrade,
    }))).returning({ id: people.id, unitId: people.unitId });
    const quals = chunk.flatMap((p, k) => p.qualifications.map((q) => ({
      personId: rows[k]!.id, level: q.level, tradeId: tradeIds.get(q.tradeCode) ?? null, obtainedOn: q.obtainedOn, source: q.source, recordedAt: now,
    })));
    if (quals.length) await tx.insert(qualificationRecords).values(quals);
    chunk.forEach((p, k) => {
      if (!personIds.has(p.classKey)) {
        personIds.set(p.classKey, []);
        traineeUnitIds.set(p.classKey, []);
      }
      personIds.get(p.classKey)!.push(rows[k]!.id);
      traineeUnitIds.get(p.classKey)!.push(rows[k]!.unitId);
    });
  }

  // Accounts: one hash per distinct password (a hash takes most of a second).
  const hashes = new Map<string, string>();
  const hashOf = async (password: string) => {
    if (!hashes.has(password)) hashes.set(password, await hashPassword(password));
    return hashes.get(password)!;
  };
  const classes = demoTrainingClasses();
  const firstBatch = classes.find((c) => c.traineeUnits === 'employers' && c.size > 0)!;
  const trainee = list.find((p) => p.classKey === firstBatch.key)!;
  const rows: (typeof accounts.$inferInsert)[] = [
    { username: A.staff.username, displayName: A.staff.displayName, role: 'committee', committeeBody: 'training', passwordHash: await hashOf(A.staff.password) },
    ...await Promise.all(A.colleges.map(async (c) => ({ username: c.username, displayName: c.unitName, role: 'unit' as const, unitId: unitId(c.unitName), passwordHash: await hashOf(c.password) }))),
    ...await Promise.all(A.teachers.map(async (t) => ({ username: t.username, displayName: t.displayName, role: 'judge' as const, unitId: unitId(t.unitName), passwordHash: await hashOf(A.teacherPassword) }))),
    { username: A.trainee.username, displayName: trainee.name, role: 'person', personId: personIds.get(firstBatch.key)![0]!, passwordHash: await hashOf(A.trainee.password) },
  ];
  await tx.insert(accounts).values(rows.map((r) => ({ ...r, createdAt: now, updatedAt: now })));
  await employerAccounts(tx, [...new Set(traineeUnitIds.get(firstBatch.key))], now);
  const accountsByUsername = new Map((await tx.select().from(accounts)).map((a) => [a.username, actorOf(a)]));

  return {
    tx, pii, clock, acting, staff: acting(accountsByUsername.get(A.staff.username)!), accountsByUsername, unitIdByName, tradeIds, classes,
    personIds, traineeUnitIds, classIds: new Map(), classVersions: new Map(), enrolmentIds: new Map(), sessionIds: new Map(),
    credentials: [
      { username: A.staff.username, password: A.staff.password, role: 'committee' },
      ...A.colleges.map((c) => ({ username: c.username, password: c.password, role: 'unit' })),
      ...A.teachers.map((t) => ({ username: t.username, password: A.teacherPassword, role: 'judge' })),
      { username: A.trainee.username, password: A.trainee.password, role: 'person' },
    ],
  };
}

/** The nominating employers' unit accounts: those that exist are kept, the others made sharing unit01's password. */
async function employerAccounts(tx: Tx, unitIds: number[], now: Date): Promise<void> {
  const existing = await tx.select({ unitId: accounts.unitId, username: accounts.username, passwordHash: accounts.passwordHash }).from(accounts).where(eq(accounts.role, 'unit'));
  const have = new Set(existing.map((a) => a.unitId));
  const unit01 = existing.find((a) => a.username === 'unit01')!;
  const missing = unitIds.filter((u) => !have.has(u)).sort((a, b) => a - b);
  if (missing.length === 0) return;
  const names = new Map((await tx.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, missing))).map((u) => [u.id, u.name]));
  await tx.insert(accounts).values(missing.map((unitId) => ({
    username: `unit${String(unitId).padStart(3, '0')}`, displayName: names.get(unitId)!, role: 'unit' as const, unitId, passwordHash: unit01.passwordHash, createdAt: now, updatedAt: now,
  })));
}

const accountId = (w: DemoTrainingWorld, username: string) => {
  const a = w.accountsByUsername.get(username);
  if (!a) throw new Error(`the training demo needs the account ${username}`);
  return a.id;
};
const collegeAccount = (w: DemoTrainingWorld, c: DemoClass) => A.colleges.find((x) => x.unitName === c.college)?.username ?? null;

/** Phase 2: the programmes and their classes, as train01 on the days they were set up. */
export async function createDemoClasses(w: DemoTrainingWorld, campaignId: number): Promise<void> {
  const programmeIds = new Map<ProgrammeKey, number>();
  for (const c of w.classes) {
    w.clock.set(at(c.createdOn, '10:00'));
    if (!programmeIds.has(c.programme)) {
      const { kind, name, description, plannedTrainees, plannedClasses, trainingFeeYuan, appraisalFeeYuan } = TRAINING_PROGRAMMES[c.programme];
      const p = await createProgramme(w.staff, { campaignId, kind, name, description, plannedTrainees, plannedClasses, trainingFeeYuan, appraisalFeeYuan });
      programmeIds.set(c.programme, p.id);
    }
    const created = await createClass(w.staff, {
      programmeId: programmeIds.get(c.programme)!, name: c.name, targetGroup: c.targetGroup, curriculum: c.curriculum, syllabus: c.syllabus,
      tradeIds: c.tradeCodes.map((t) => w.tradeIds.get(t)!), collegeUnitId: c.college ? w.unitIdByName.get(c.college)! : null, venue: c.venue,
      organizers: c.organizers, plannedStartOn: c.plannedStartOn, plannedEndOn: c.plannedEndOn, graduationOn: c.graduationOn, plannedSize: c.plannedSize,
      quota: c.quota, unitQuota: c.unitQuota, completionRule: c.completionRule ?? defaultCompletionRule(TRAINING_PROGRAMMES[c.programme].kind, c.targetGroup),
      teacherAccountIds: c.teachers.map((u) => accountId(w, u)),
    });
    w.classIds.set(c.key, created.id);
    w.classVersions.set(c.key, created.version);
  }
}

/**
 * Phase 3a: enrolments. Entrepreneurship trainees are enrolled by the organizer (migrant workers on
 * screen, graduates and students from the schools' Excel lists); the new technicians are nominated by
 * their employers (高级工 confirmed) and accepted by the college, each with an exam number.
 */
export async function enrolDemoTrainees(w: DemoTrainingWorld): Promise<number> {
  let n = 0;
  const staffId = w.staff.actor!.id;
  // An employer's first unit account nominates.
  const employerAccount = new Map<number, number>();
  for (const a of await w.tx.select({ id: accounts.id, unitId: accounts.unitId }).from(accounts).where(eq(accounts.role, 'unit')).orderBy(asc(accounts.id))) {
    if (a.unitId != null && !employerAccount.has(a.unitId)) employerAccount.set(a.unitId, a.id);
  }
  for (const c of w.classes) {
    const persons = w.personIds.get(c.key) ?? [];
    if (persons.length === 0) continue;
    const unitIds = w.traineeUnitIds.get(c.key)!;
    const employers = c.traineeUnits === 'employers';
    const college = collegeAccount(w, c);
    const rows = persons.map((personId, i) => {
      const created = new Date(at(addDays(c.plannedStartOn, employers ? -14 : -5), '09:00').getTime() + i * 7 * MINUTE);
      const decided = employers ? at(addDays(c.plannedStartOn, -3), '15:00') : created;
      return {
        classId: w.classIds.get(c.key)!, personId, status: 'enrolled' as const,
        source: employers ? 'employer' as const : c.targetGroup === 'migrant-workers' ? 'organizer' as const : 'excel' as const,
        unitId: unitIds[i]!, nominatedBy: employers ? employerAccount.get(unitIds[i]!) ?? null : null, confirmedLevel: employers ? 3 : null,
        examNumber: employers ? examNumberOf(i) : null, decidedBy: employers && college ? accountId(w, college) : staffId, decidedAt: decided,
        createdAt: created, updatedAt: decided,
      };
    });
    const ids = (await w.tx.insert(trainingEnrolments).values(rows).returning({ id: trainingEnrolments.id })).map((r) => r.id);
    w.enrolmentIds.set(c.key, ids);
    n += ids.length;
  }
  return n;
}

/** Phase 3b: every class's sessions (the planned second batch has none yet), with the QR windows of those signed in by QR. */
export async function scheduleDemoSessions(w: DemoTrainingWorld): Promise<number> {
  let n = 0;
  for (const c of w.classes) {
    if (c.sessions.length === 0) continue;
    const created = at(c.createdOn, '11:00');
    // The QR window of each session signed in by QR: opened ten minutes before the start, closed 40 minutes after.
    const qr = classAttendance(c).map((line) => line.some((a) => a.method === 'qr'));
    const rows = c.sessions.map((s, k) => {
      const start = at(s.day, s.startsAt).getTime();
      return {
        classId: w.classIds.get(c.key)!, day: s.day, startsAt: s.startsAt, endsAt: s.endsAt, room: s.room, topic: s.topic, teacherName: s.teacherName,
        teacherAccountId: s.teacher ? accountId(w, s.teacher) : null, createdAt: created, updatedAt: created,
        ...(qr[k] ? { checkinOpenedAt: new Date(start - 10 * MINUTE), checkinClosedAt: new Date(start + 40 * MINUTE) } : {}),
      };
    });
    const ids = (await w.tx.insert(trainingSessions).values(rows).returning({ id: trainingSessions.id })).map((r) => r.id);
    w.sessionIds.set(c.key, ids);
    n += ids.length;
  }
  return n;
}

/**
 * Phase 3c: attendance for every held session, one class at a time, up to 5,000 rows a statement. QR
 * sign-ins are the trainee's own (trainee01's account; the others have none in the demo); the roster
 * is the teacher's; sheets are keyed back the next morning by the college (or 培训组).
 */
export async function recordDemoAttendance(w: DemoTrainingWorld): Promise<number> {
  let n = 0;
  const trainee01 = w.accountsByUsername.get(A.trainee.username)!;
  for (const c of w.classes) {
    const sessionIds = w.sessionIds.get(c.key);
    const enrolmentIds = w.enrolmentIds.get(c.key);
    if (!sessionIds || !enrolmentIds) continue;
    const persons = w.personIds.get(c.key)!;
    const college = collegeAccount(w, c);
    const keyer = college ? accountId(w, college) : w.staff.actor!.id;
    const grid = classAttendance(c);
    let rows: (typeof trainingAttendance.$inferInsert)[] = [];
    for (const [s, line] of grid.entries()) {
      const session = c.sessions[s]!;
      const start = at(session.day, session.startsAt).getTime();
      const teacher = session.teacher ? accountId(w, session.teacher) : keyer;
      for (const [t, a] of line.entries()) {
        const recordedAt = a.method === 'sheet' ? new Date(at(addDays(session.day, 1), '10:00').getTime() + t * 20_000) : new Date(start + a.minutes * MINUTE);
        const recordedBy = a.method === 'qr' ? (persons[t] === trainee01.personId ? trainee01.id : null) : a.method === 'roster' ? teacher : keyer;
        rows.push({ sessionId: sessionIds[s]!, enrolmentId: enrolmentIds[t]!, status: a.status, method: a.method, recordedBy, recordedAt });
        if (rows.length === 5000) {
          await w.tx.insert(trainingAttendance).values(rows);
          n += rows.length;
          rows = [];
        }
      }
    }
    if (rows.length) await w.tx.insert(trainingAttendance).values(rows);
    n += rows.length;
  }
  return n;
}

/**
 * Phase 3d: the business plans (SYB classes), handed in on the last days; the graduates' plans carry
 * the panel's score and the 64 best are commended at the graduation (27 May). The panel's own
 * records (members, assignments, chained marks) are the stub markDemoBusinessPlans's.
 */
export async function submitDemoBusinessPlans(w: DemoTrainingWorld): Promise<{ plans: number; commended: number }> {
  const plans = demoBusinessPlans(w.classes);
  const byKey = new Map(w.classes.map((c) => [c.key, c]));
  const rows = plans.map((p, i) => {
    const c = byKey.get(p.classKey)!;
    const submittedAt = new Date(at(c.sessions.at(-1)!.day, '16:00').getTime() - (i % 97) * 41 * MINUTE);
    return {
      enrolmentId: w.enrolmentIds.get(p.classKey)![p.trainee]!, classId: w.classIds.get(p.classKey)!, title: p.title, summary: p.summary, submittedAt,
      score: p.score, commended: p.commended, commendedOn: p.commended ? GRADUATES.graduationOn : null,
      updatedAt: p.commended ? at(GRADUATES.graduationOn, '15:00') : submittedAt,
    };
  });
  for (let i = 0; i < rows.length; i += 1000) await w.tx.insert(trainingBusinessPlans).values(rows.slice(i, i + 1000));
  return { plans: rows.length, commended: plans.filter((p) => p.commended).length };
}

/**
 * Phase 4: each class on its dates through the status service, in date order: 报名 the day after it
 * was set up, 开班 on its first session, 结业 on its last day (the graduates' at the graduation).
 */
export async function runDemoClassTimeline(w: DemoTrainingWorld): Promise<number> {
  const steps = w.classes.filter((c) => c.status === 'finished').flatMap((c) => [
    { c, to: 'enrolling' as const, when: at(addDays(c.createdOn, 1), '09:00'), on: addDays(c.createdOn, 1) },
    { c, to: 'running' as const, when: at(c.sessions[0]!.day, '08:00'), on: c.sessions[0]!.day },
    { c, to: 'finished' as const, when: at(c.graduationOn ?? c.sessions.at(-1)!.day, '17:30'), on: c.graduationOn ?? c.sessions.at(-1)!.day },
  ]).sort((a, b) => a.when.getTime() - b.when.getTime());
  for (const s of steps) {
    w.clock.set(s.when);
    const r = await changeClassStatus(w.staff, w.classIds.get(s.c.key)!, { to: s.to, version: w.classVersions.get(s.c.key)!, on: s.on });
    w.classVersions.set(s.c.key, r.version);
  }
  return steps.length;
}

// ── Phase 5: stubs for the services other helpers are building (the lead wires them on merge) ────

/**
 * 创业计划书评审: the graduates' plans marked by the panel DEMO_PLAN_PANEL (created and assigned
 * through the panel service, so the judges' recusal applies), each assigned member's marks on the
 * rubric around the plan's quality, appended to the panel's hash-chained log in one batch as the
 * reviewers would have keyed them; each plan's score is then the mean of its reviewers' rubric
 * scores (the service's rule), and the best GRADUATES.commended (ties at the line included) are
 * commended at the graduation. Returns the marks written.
 */
export async function markDemoBusinessPlans(w: DemoTrainingWorld): Promise<number> {
  const programmeId = (await w.tx.select({ id: trainingClasses.programmeId }).from(trainingClasses).where(eq(trainingClasses.id, w.classIds.values().next().value!)))[0]!.id;
  const graduates = w.classes.filter((c) => c.targetGroup === 'graduates' && c.status === 'finished');
  w.clock.set(at(addDays(GRADUATES.graduationOn, -6), '09:00'));
  const panel = await createPanel(w.staff, {
    programmeId, name: DEMO_PLAN_PANEL.name, rubric: DEMO_PLAN_PANEL.rubric, commendCount: DEMO_PLAN_PANEL.commendCount, commendMinScore: null,
    members: DEMO_PLAN_PANEL.members.map((m) => ({ accountId: w.accountsByUsername.get(m.username)!.id, chair: m.chair })),
  });
  for (const c of graduates) await assignPlans(w.staff, panel.id, w.classIds.get(c.key)!);
  const classIds = graduates.map((c) => w.classIds.get(c.key)!);
  const plans = await w.tx.select({ id: trainingBusinessPlans.id, quality: trainingBusinessPlans.score }).from(trainingBusinessPlans)
    .where(inArray(trainingBusinessPlans.classId, classIds)).orderBy(asc(trainingBusinessPlans.id));
  const assigned = await w.tx.select().from(trainingPlanAssignments).where(eq(trainingPlanAssignments.panelId, panel.id)).orderBy(asc(trainingPlanAssignments.planId), asc(trainingPlanAssignments.reviewerId));
  const rng = mulberry32(2009_05_21);
  const quality = new Map(plans.map((p) => [p.id, (p.quality ?? 70) / 100]));
  const marks: (typeof trainingPlanMarks.$inferInsert)[] = [];
  const events: PlanMarkEvent[] = [];
  const byPlan = new Map<number, Record<string, number>[]>();
  const now = at(addDays(GRADUATES.graduationOn, -3), '17:00');
  w.clock.set(now);
  for (const a of assigned) {
    const mine: Record<string, number> = {};
    for (const c of DEMO_PLAN_PANEL.rubric) {
      const v = Math.max(0, Math.min(c.max, Math.round((quality.get(a.planId)! * c.max + (rng() - 0.5) * c.max * 0.12) * 2) / 2));
      mine[c.code] = v;
      marks.push({ planId: a.planId, reviewerId: a.reviewerId, criterionCode: c.code, value: v, version: 1, updatedAt: now });
      events.push({ kind: 'mark', planId: a.planId, reviewerId: a.reviewerId, criterionCode: c.code, value: v, previousValue: null, version: 1, reason: null });
    }
    byPlan.set(a.planId, [...(byPlan.get(a.planId) ?? []), mine]);
  }
  for (let i = 0; i < marks.length; i += 2000) await w.tx.insert(trainingPlanMarks).values(marks.slice(i, i + 2000));
  for (let i = 0; i < events.length; i += 2000) await appendPlanMarkEvents(w.tx, w.staff, panel.id, events.slice(i, i + 2000));
  const scored = plans.map((p) => ({ id: p.id, score: planScore((byPlan.get(p.id) ?? []).map((m) => rubricScore(DEMO_PLAN_PANEL.rubric, m))) }));
  const commended = new Set(commendedPlans(scored, { count: DEMO_PLAN_PANEL.commendCount, minScore: null }));
  for (const p of scored) {
    const isCommended = commended.has(p.id);
    await w.tx.update(trainingBusinessPlans).set({ score: p.score, commended: isCommended, commendedOn: isCommended ? GRADUATES.graduationOn : null })
      .where(eq(trainingBusinessPlans.id, p.id));
  }
  return marks.length;
}

/**
 * Certificates (结业证书 for every completer of every finished class, 优秀创业计划书 for every
 * commended plan) issued as train01 through the certificate service, each class on its last day.
 * Returns the certificates issued.
 */
export async function issueDemoCertificates(w: DemoTrainingWorld): Promise<number> {
  let n = 0;
  for (const c of w.classes.filter((k) => k.status === 'finished')) {
    w.clock.set(at(c.graduationOn ?? c.sessions.at(-1)!.day, '18:00'));
    const r = await issueTrainingCertificates(w.staff, w.classIds.get(c.key)!, {});
    n += r.completion + r.plans;
  }
  return n;
}

/**
 * 技师鉴定 of the first batch: the appraisal centre's sheet (by exam number, 4 July 2009) imported
 * as train01 through the appraisal service, which writes the 技师 (level 2) record of each pass.
 * Returns the results imported.
 */
export async function importDemoAppraisals(w: DemoTrainingWorld): Promise<number> {
  const key = DEMO_SUBSIDY_CLAIM.classKey;
  const personIds = w.personIds.get(key)!;
  const names = new Map((await w.tx.select({ id: people.id, name: people.name }).from(people).where(inArray(people.id, personIds))).map((p) => [p.id, p.name]));
  const rows = demoAppraisals().map((a) => ({ ...a, name: names.get(personIds[a.trainee]!)! }));
  const buf = await exportRows(APPRAISAL_SHEET.title, [
    { header: '准考证号', value: (r: (typeof rows)[number]) => r.examNumber },
    { header: '姓名', value: (r) => r.name },
    { header: '理论成绩', value: (r) => r.theory },
    { header: '实操成绩', value: (r) => r.practical },
    { header: '缺考', value: (r) => (r.absent ? '是' : '否') },
    { header: '鉴定日期', value: () => NEW_TECHNICIANS.appraisedOn },
  ], [rows]);
  w.clock.set(at(NEW_TECHNICIANS.appraisedOn, '16:00'));
  const r = await importAppraisals(w.staff, w.classIds.get(key)!, buf);
  return r.written;
}

/**
 * The first batch's subsidy claim: computed from attendance and appraisal by college01 (2,400 +
 * 600 yuan per trainee who met the attendance rule), submitted, approved by finance01. Returns the
 * claim's total (yuan).
 */
export async function claimDemoSubsidy(w: DemoTrainingWorld): Promise<number> {
  const classId = w.classIds.get(DEMO_SUBSIDY_CLAIM.classKey)!;
  const college = w.acting(w.accountsByUsername.get(DEMO_SUBSIDY_CLAIM.college)!);
  w.clock.set(at(DEMO_SUBSIDY_CLAIM.computedOn, '10:00'));
  const computed = await computeClaim(college, classId, {});
  w.clock.set(at(DEMO_SUBSIDY_CLAIM.submittedOn, '15:00'));
  const submitted = await submitClaim(college, computed.id, { version: computed.version });
  w.clock.set(at(DEMO_SUBSIDY_CLAIM.reviewedOn, '10:00'));
  const finance = w.acting(w.accountsByUsername.get(DEMO_SUBSIDY_CLAIM.reviewer)!);
  const approved = await reviewClaim(finance, submitted.id, { version: submitted.version, decision: 'approve', note: '经审核，出勤与鉴定记录相符，同意拨付。' });
  return approved.totalYuan;
}

/** Phases 2–5 (phase 1 is prepareDemoTraining). */
export async function loadDemoTraining(w: DemoTrainingWorld, campaignId: number): Promise<{ summary: Record<string, number> }> {
  const t0 = performance.now();
  const timing = process.env.DEMO_TIMING ? (label: string) => console.log(`demo training: ${label} ${Math.round(performance.now() - t0)} ms`) : () => {};
  await createDemoClasses(w, campaignId);
  timing('programmes and classes');
  const enrolments = await enrolDemoTrainees(w);
  const sessions = await scheduleDemoSessions(w);
  timing('enrolments and sessions');
  const attendance = await recordDemoAttendance(w);
  timing('attendance');
  const plans = await submitDemoBusinessPlans(w);
  timing('business plans');
  const statusChanges = await runDemoClassTimeline(w);
  timing('class timeline');
  const marks = await markDemoBusinessPlans(w);
  const certificates = await issueDemoCertificates(w);
  const appraisals = await importDemoAppraisals(w);
  const subsidyYuan = await claimDemoSubsidy(w);
  timing('panel, certificates, appraisal, subsidy');
  return {
    summary: {
      trainingClasses: w.classIds.size, trainingEnrolments: enrolments, trainingSessions: sessions, trainingAttendance: attendance,
      trainingBusinessPlans: plans.plans, trainingPlansCommended: plans.commended, trainingStatusChanges: statusChanges,
      trainingPlanMarks: marks, trainingCertificates: certificates, trainingAppraisals: appraisals, trainingSubsidyYuan: subsidyYuan,
    },
  };
}

import { and, asc, count, eq, inArray, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { EnrolmentSource, EnrolmentStatus } from '../../../shared/training/rules.js';
import {
  bestLevel, datesOverlap, ENROLMENT_STATUS_NAMES, HOLDS_PLACE, holdsPlace, newTechnicianLevelProblem, nextExamNumbers,
  type Decision, type EnrolInput, type EnrolmentView, type NominationInput, type VersionBody, type WithdrawInput,
} from '../../../shared/training/enrolment.js';
import type { Level } from '../../../shared/levels.js';
import { recordAudit } from '../../core/audit/service.js';
import { insertAccount } from '../../core/accounts/service.js';
import { accounts } from '../../core/accounts/tables.js';
import { personValues } from '../../core/people/service.js';
import { people, qualificationRecords } from '../../core/people/tables.js';
import { requireUnitExists } from '../../core/units/service.js';
import { units } from '../../core/units/tables.js';
import type { ServiceContext } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { AppError, conflict, forbidden, invalid, notFound } from '../../http/errors.js';
import { requireRole } from '../../policy.js';
import { classRow, lockClass, requireClassStatus, requireTrainingStaff } from '../programmes/policy.js';
import { trainingClasses, type ClassRow } from '../programmes/tables.js';
import { enrolmentScope, requireAdmitter } from './policy.js';
import { trainingEnrolments, type EnrolmentRow } from './tables.js';

type Who = Pick<ServiceContext, 'actor' | 'clock' | 'ip'>;
type PersonFacts = { id: number; name: string; unitId: number };

const viewColumns = {
  id: trainingEnrolments.id, classId: trainingEnrolments.classId, personId: trainingEnrolments.personId, name: people.name, gender: people.gender,
  idNumberMasked: people.idNumberMasked, phoneMasked: people.phoneMasked, level: people.level, unitId: trainingEnrolments.unitId, unitName: units.name,
  status: trainingEnrolments.status, source: trainingEnrolments.source, confirmedLevel: trainingEnrolments.confirmedLevel,
  examNumber: trainingEnrolments.examNumber, reason: trainingEnrolments.reason, version: trainingEnrolments.version,
  hasAccount: sql<boolean>`exists (select 1 from ${accounts} a where a.person_id = ${trainingEnrolments.personId})`.mapWith(Boolean),
  createdAt: trainingEnrolments.createdAt, decidedAt: trainingEnrolments.decidedAt,
};

/** Rows as lists show them: ID numbers and phones only in their masked form (the stored *_masked columns). */
async function views(db: DbOrTx, where: ReturnType<typeof and>): Promise<EnrolmentView[]> {
  const rows = await db.select(viewColumns).from(trainingEnrolments).innerJoin(people, eq(people.id, trainingEnrolments.personId))
    .leftJoin(units, eq(units.id, trainingEnrolments.unitId)).where(where).orderBy(asc(trainingEnrolments.id));
  return rows.map((r) => ({ ...r, level: r.level as Level | null, createdAt: r.createdAt.toISOString(), decidedAt: r.decidedAt?.toISOString() ?? null }));
}

async function viewOf(db: DbOrTx, id: number): Promise<EnrolmentView> {
  const [v] = await views(db, and(eq(trainingEnrolments.id, id)));
  if (!v) throw notFound('学员');
  return v;
}

/** 学员名单: staff and committee readers and the college see every row; an employer its own unit's. */
export async function listEnrolments(ctx: ServiceContext, classId: number): Promise<EnrolmentView[]> {
  const c = await classRow(ctx.db, classId);
  const scope = enrolmentScope(ctx, c);
  return views(ctx.db, and(eq(trainingEnrolments.classId, classId), scope === 'all' ? undefined : eq(trainingEnrolments.unitId, scope)));
}

const statusName = (s: EnrolmentStatus) => ENROLMENT_STATUS_NAMES[s].zh;

async function enrolledCount(tx: DbOrTx, classId: number): Promise<number> {
  const [r] = await tx.select({ n: count() }).from(trainingEnrolments).where(and(eq(trainingEnrolments.classId, classId), eq(trainingEnrolments.status, 'enrolled')));
  return r?.n ?? 0;
}

/** 名额: the class's quota is counted in enrolled trainees (nominations wait for the college). */
async function requireSeat(tx: DbOrTx, c: ClassRow): Promise<void> {
  const n = await enrolledCount(tx, c.id);
  if (n >= c.quota) throw conflict(`名额已满：已录取 ${n} 人，名额 ${c.quota}`, 'quota');
}

/** 每单位名额: an employer's places in a class, nominated and enrolled. */
async function requireUnitSeat(tx: DbOrTx, c: ClassRow, unitId: number): Promise<void> {
  if (c.unitQuota == null) return;
  const [r] = await tx.select({ n: count() }).from(trainingEnrolments)
    .where(and(eq(trainingEnrolments.classId, c.id), eq(trainingEnrolments.unitId, unitId), inArray(trainingEnrolments.status, [...HOLDS_PLACE])));
  const n = r?.n ?? 0;
  if (n >= c.unitQuota) throw conflict(`本单位名额已满：已推荐或录取 ${n} 人，每单位名额 ${c.unitQuota}`, 'unitQuota');
}

/** The same person may not hold a place in two classes of one programme whose planned dates overlap. */
async function requireNoClash(tx: DbOrTx, c: ClassRow, person: PersonFacts): Promise<void> {
  const others = await tx.select({ name: trainingClasses.name, start: trainingClasses.plannedStartOn, end: trainingClasses.plannedEndOn, status: trainingEnrolments.status })
    .from(trainingEnrolments).innerJoin(trainingClasses, eq(trainingClasses.id, trainingEnrolments.classId))
    .where(and(eq(trainingEnrolments.personId, person.id), ne(trainingEnrolments.classId, c.id), eq(trainingClasses.programmeId, c.programmeId),
      inArray(trainingEnrolments.status, [...HOLDS_PLACE]), ne(trainingClasses.status, 'cancelled')));
  const clash = others.find((o) => datesOverlap(o, { start: c.plannedStartOn, end: c.plannedEndOn }));
  if (clash) {
    throw conflict(`${person.name}已在同一项目的培训班「${clash.name}」（${clash.start} 至 ${clash.end}，${statusName(clash.status)}），与本班时间重叠`, 'personId');
  }
}

async function existingRow(tx: DbOrTx, classId: number, personId: number): Promise<EnrolmentRow | undefined> {
  const [r] = await tx.select().from(trainingEnrolments).where(and(eq(trainingEnrolments.classId, classId), eq(trainingEnrolments.personId, personId)));
  return r;
}

interface Placement {
  status: 'enrolled' | 'nominated';
  source: EnrolmentSource;
  confirmedLevel?: number;
}

/**
 * Gives a person a place in a locked class, or refuses with the reason: already in it, in a
 * class of the same programme at the same time, the class full (enrolled) or the employer's
 * places used (nominated). A refused or withdrawn row of the same person is reused.
 */
async function place(tx: DbOrTx, ctx: Who & Pick<ServiceContext, 'actor'>, c: ClassRow, person: PersonFacts, p: Placement): Promise<number> {
  const actor = ctx.actor!;
  const before = await existingRow(tx, c.id, person.id);
  if (before && holdsPlace(before.status)) throw conflict(`${person.name}已在培训班「${c.name}」中（${statusName(before.status)}）`, 'personId');
  await requireNoClash(tx, c, person);
  if (p.status === 'enrolled') await requireSeat(tx, c);
  if (p.source === 'employer') await requireUnitSeat(tx, c, person.unitId);
  const now = ctx.clock.now();
  const decided = p.status === 'enrolled' ? { decidedBy: actor.id, decidedAt: now } : { decidedBy: null, decidedAt: null };
  const values = {
    status: p.status, source: p.source, unitId: person.unitId, nominatedBy: p.source === 'employer' ? actor.id : null,
    confirmedLevel: p.confirmedLevel ?? null, reason: null, ...decided, updatedAt: now,
  };
  let id: number;
  if (before) {
    await tx.update(trainingEnrolments).set({ ...values, examNumber: null, version: before.version + 1 }).where(eq(trainingEnrolments.id, before.id));
    id = before.id;
  } else {
    const [row] = await tx.insert(trainingEnrolments).values({ ...values, classId: c.id, personId: person.id, createdAt: now }).returning({ id: trainingEnrolments.id });
    id = row!.id;
  }
  const after = { classId: c.id, personId: person.id, ...values };
  if (p.source === 'employer') await recordAudit(tx, ctx, { action: 'training.enrolment.nominate', entity: 'training_enrolment', entityId: id, before, after });
  else await recordAudit(tx, ctx, { action: 'training.enrolment.enrol', entity: 'training_enrolment', entityId: id, before, after });
  return id;
}

async function personFacts(tx: DbOrTx, id: number, unitId?: number): Promise<PersonFacts | undefined> {
  const [p] = await tx.select({ id: people.id, name: people.name, unitId: people.unitId }).from(people)
    .where(and(eq(people.id, id), unitId === undefined ? undefined : eq(people.unitId, unitId)));
  return p;
}

/** The person registered under this ID-number hash, if any. */
export async function personByHash(tx: DbOrTx, hash: string): Promise<PersonFacts | undefined> {
  const [p] = await tx.select({ id: people.id, name: people.name, unitId: people.unitId }).from(people).where(eq(people.idNumberHash, hash));
  return p;
}

/** The person registered under this ID number, if any. */
export const personByIdNumber = (tx: DbOrTx, ctx: Pick<ServiceContext, 'pii'>, idNumber: string) => personByHash(tx, ctx.pii.hash('idNumber', idNumber));

/** Registers a new person inside the enrolment's transaction, as the people page would. */
export async function registerPerson(tx: DbOrTx, ctx: Who & Pick<ServiceContext, 'pii'>, values: ReturnType<typeof personValues>): Promise<PersonFacts> {
  await requireUnitExists(tx, values.unitId);
  const [row] = await tx.insert(people).values(values).returning({ id: people.id, name: people.name, unitId: people.unitId });
  await recordAudit(tx, ctx, { action: 'person.create', entity: 'person', entityId: row!.id, after: { name: values.name, idNumberMasked: values.idNumberMasked, unitId: values.unitId } });
  return row!;
}

/** An ID number registered under another name is refused: a typing slip must not enrol someone else. */
export function sameName(found: PersonFacts, name: string): string | null {
  return found.name === name ? null : `该身份证号已登记为「${found.name}」，与填写的姓名「${name}」不一致`;
}

/** 组织方录入: the staff enrol an existing person, or a new one (registered once, by ID number). */
export async function enrol(ctx: ServiceContext, classId: number, input: z.output<typeof EnrolInput>): Promise<EnrolmentView> {
  requireTrainingStaff(ctx);
  const { personId, name, idNumber, unitId } = input;
  const fresh = personId != null ? null : personValues(ctx, { ...input, name: name!, idNumber: idNumber!, unitId: unitId!, frontLine: true });
  const id = await ctx.db.transaction(async (tx) => {
    const c = await lockClass(tx, classId);
    requireClassStatus(c, ['enrolling', 'running'], '录入学员');
    let person: PersonFacts | undefined;
    if (personId != null) {
      person = await personFacts(tx, personId);
      if (!person) throw invalid('personId', '人员不存在');
    } else {
      person = await personByIdNumber(tx, ctx, idNumber!);
      const mismatch = person && sameName(person, name!);
      if (mismatch) throw conflict(mismatch, 'name');
      person ??= await registerPerson(tx, ctx, fresh!);
    }
    return place(tx, ctx, c, person, { status: 'enrolled', source: 'organizer' });
  });
  return viewOf(ctx.db, id);
}

/** Places from an import: each person in order; the first refusal names its index. */
export async function enrolMany(tx: DbOrTx, ctx: ServiceContext, c: ClassRow, persons: PersonFacts[]): Promise<{ index: number; reason: string }[]> {
  const refused: { index: number; reason: string }[] = [];
  for (const [index, person] of persons.entries()) {
    try {
      await place(tx, ctx, c, person, { status: 'enrolled', source: 'excel' });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      refused.push({ index, reason: e.message });
    }
  }
  return refused;
}

/** The best level on record: the person's own and their qualification records'. */
async function recordedLevel(tx: DbOrTx, personId: number): Promise<Level | null> {
  const [p] = await tx.select({ level: people.level }).from(people).where(eq(people.id, personId));
  const q = await tx.select({ level: qualificationRecords.level }).from(qualificationRecords).where(eq(qualificationRecords.personId, personId));
  return bestLevel([p?.level as Level | null, ...q.map((r) => r.level as Level)]);
}

/**
 * 单位推荐 (新技师): a unit account nominates a worker of its own unit, confirming 高级工 or higher;
 * the class must be a new-technician class taking enrolments. The college decides.
 */
export async function nominate(ctx: ServiceContext, classId: number, input: z.output<typeof NominationInput>): Promise<EnrolmentView> {
  const actor = requireRole(ctx, 'unit');
  if (actor.unitId == null) throw forbidden('该单位账号未关联单位');
  const id = await ctx.db.transaction(async (tx) => {
    const c = await lockClass(tx, classId);
    if (c.targetGroup !== 'new-technicians') throw conflict(`培训班「${c.name}」不是新技师培训班，不接受单位推荐`);
    requireClassStatus(c, ['enrolling'], '推荐学员');
    // Another unit's person reads as not found: an employer cannot probe the registry.
    const person = await personFacts(tx, input.personId, actor.unitId!);
    if (!person) throw notFound('人员');
    const problem = newTechnicianLevelProblem(await recordedLevel(tx, person.id), input.confirmedLevel as Level);
    if (problem?.on === 'confirmed') throw invalid('confirmedLevel', problem.reason);
    if (problem) throw conflict(`${person.name}：${problem.reason}`, 'personId');
    return place(tx, ctx, c, person, { status: 'nominated', source: 'employer', confirmedLevel: input.confirmedLevel });
  });
  return viewOf(ctx.db, id);
}

/** A row of the locked class, read again inside the transaction, at the version the user saw. */
async function lockedRow(tx: DbOrTx, id: number, version: number): Promise<{ row: EnrolmentRow; c: ClassRow }> {
  const [first] = await tx.select({ classId: trainingEnrolments.classId }).from(trainingEnrolments).where(eq(trainingEnrolments.id, id));
  if (!first) throw notFound('学员');
  const c = await lockClass(tx, first.classId);
  const [row] = await tx.select().from(trainingEnrolments).where(eq(trainingEnrolments.id, id));
  if (row!.version !== version) throw conflict('该学员记录已被他人修改，请刷新后再试', 'version');
  return { row: row!, c };
}

async function enrolmentClass(ctx: ServiceContext, id: number): Promise<ClassRow> {
  const [r] = await ctx.db.select({ classId: trainingEnrolments.classId }).from(trainingEnrolments).where(eq(trainingEnrolments.id, id));
  if (!r) throw notFound('学员');
  return classRow(ctx.db, r.classId);
}

/** The employer takes back its own nomination while the college has not decided. */
export async function withdrawNomination(ctx: ServiceContext, id: number, input: z.output<typeof VersionBody>): Promise<EnrolmentView> {
  const actor = requireRole(ctx, 'unit');
  await ctx.db.transaction(async (tx) => {
    const [mine] = await tx.select({ id: trainingEnrolments.id }).from(trainingEnrolments)
      .where(and(eq(trainingEnrolments.id, id), eq(trainingEnrolments.source, 'employer'), eq(trainingEnrolments.unitId, actor.unitId ?? -1)));
    if (!mine) throw notFound('推荐');
    const { row } = await lockedRow(tx, id, input.version);
    if (row.status !== 'nominated') throw conflict(`该推荐${statusName(row.status)}，不能撤回`, 'status');
    const after = { status: 'withdrawn' as const, reason: '推荐单位撤回', updatedAt: ctx.clock.now(), version: row.version + 1 };
    await tx.update(trainingEnrolments).set(after).where(eq(trainingEnrolments.id, id));
    await recordAudit(tx, ctx, { action: 'training.enrolment.nomination.withdraw', entity: 'training_enrolment', entityId: id, before: { status: row.status }, after });
  });
  return viewOf(ctx.db, id);
}

/**
 * 院校录取: the college (or the staff) accepts a nomination — a seat must be free and the person
 * not in an overlapping class — or refuses it with the reason the employer will read.
 */
export async function decide(ctx: ServiceContext, id: number, input: z.output<typeof Decision>): Promise<EnrolmentView> {
  requireAdmitter(ctx, await enrolmentClass(ctx, id), '录取或不录取学员');
  const reason = input.reason?.trim() || null;
  if (input.decision === 'reject' && !reason) throw invalid('reason', '请填写不录取的原因');
  await ctx.db.transaction(async (tx) => {
    const { row, c } = await lockedRow(tx, id, input.version);
    requireClassStatus(c, ['enrolling', 'running'], '录取学员');
    if (row.status !== 'nominated') throw conflict(`该学员${statusName(row.status)}，已处理过`, 'status');
    if (input.decision === 'accept') {
      const person = (await personFacts(tx, row.personId))!;
      await requireNoClash(tx, c, person);
      await requireSeat(tx, c);
    }
    const after = {
      status: input.decision === 'accept' ? ('enrolled' as const) : ('rejected' as const), reason,
      decidedBy: ctx.actor!.id, decidedAt: ctx.clock.now(), updatedAt: ctx.clock.now(), version: row.version + 1,
    };
    await tx.update(trainingEnrolments).set(after).where(eq(trainingEnrolments.id, id));
    await recordAudit(tx, ctx, { action: 'training.enrolment.decide', entity: 'training_enrolment', entityId: id, before: { status: row.status }, after });
  });
  return viewOf(ctx.db, id);
}

/** 退出: the staff take a trainee out of the class with the reason; the row is kept. */
export async function withdrawTrainee(ctx: ServiceContext, id: number, input: z.output<typeof WithdrawInput>): Promise<EnrolmentView> {
  requireTrainingStaff(ctx);
  await ctx.db.transaction(async (tx) => {
    const { row, c } = await lockedRow(tx, id, input.version);
    requireClassStatus(c, ['enrolling', 'running'], '办理学员退出');
    if (!holdsPlace(row.status)) throw conflict(`该学员${statusName(row.status)}，不能退出`, 'status');
    const after = { status: 'withdrawn' as const, reason: input.reason, decidedBy: ctx.actor!.id, decidedAt: ctx.clock.now(), updatedAt: ctx.clock.now(), version: row.version + 1 };
    await tx.update(trainingEnrolments).set(after).where(eq(trainingEnrolments.id, id));
    await recordAudit(tx, ctx, { action: 'training.enrolment.withdraw', entity: 'training_enrolment', entityId: id, before: { status: row.status }, after });
  });
  return viewOf(ctx.db, id);
}

/** 准考证号 (新技师): numbers the enrolled trainees without one, in enrolment order, after the last given. */
export async function assignExamNumbers(ctx: ServiceContext, classId: number): Promise<{ assigned: number }> {
  requireAdmitter(ctx, await classRow(ctx.db, classId), '编排准考证号');
  return ctx.db.transaction(async (tx) => {
    const c = await lockClass(tx, classId);
    if (c.targetGroup !== 'new-technicians') throw conflict(`培训班「${c.name}」不是新技师培训班，没有技师鉴定`);
    requireClassStatus(c, ['enrolling', 'running', 'finished'], '编排准考证号');
    const rows = await tx.select({ id: trainingEnrolments.id, status: trainingEnrolments.status, examNumber: trainingEnrolments.examNumber })
      .from(trainingEnrolments).where(eq(trainingEnrolments.classId, classId)).orderBy(asc(trainingEnrolments.id));
    const without = rows.filter((r) => r.status === 'enrolled' && !r.examNumber);
    const numbers = nextExamNumbers(c.plannedStartOn.slice(0, 4), c.id, rows.map((r) => r.examNumber), without.length);
    for (const [i, r] of without.entries()) {
      await tx.update(trainingEnrolments).set({ examNumber: numbers[i]!, updatedAt: ctx.clock.now() }).where(eq(trainingEnrolments.id, r.id));
    }
    if (without.length) {
      await recordAudit(tx, ctx, { action: 'training.enrolment.exam-numbers', entity: 'training_class', entityId: classId, after: { numbers: without.map((r, i) => ({ enrolmentId: r.id, examNumber: numbers[i] })) } });
    }
    return { assigned: without.length };
  });
}

/** A username for a trainee: 学员 + the person's id, or the first free variant of it. */
async function freeUsername(tx: DbOrTx, personId: number): Promise<string> {
  const base = `xy${personId}`;
  const taken = new Set((await tx.select({ u: accounts.username }).from(accounts).where(sql`${accounts.username} like ${`${base}%`}`)).map((r) => r.u));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * 学员账号: a role-'person' account for each enrolled trainee who has none, with a one-time
 * password shown once (changed at the first login). A person with an account keeps it.
 */
export async function issueAccounts(ctx: ServiceContext, classId: number) {
  requireAdmitter(ctx, await classRow(ctx.db, classId), '开通学员账号');
  return ctx.db.transaction(async (tx) => {
    const c = await lockClass(tx, classId);
    requireClassStatus(c, ['enrolling', 'running', 'finished'], '开通学员账号');
    const rows = await tx.select({ personId: people.id, name: people.name, accountId: accounts.id })
      .from(trainingEnrolments).innerJoin(people, eq(people.id, trainingEnrolments.personId)).leftJoin(accounts, eq(accounts.personId, people.id))
      .where(and(eq(trainingEnrolments.classId, classId), eq(trainingEnrolments.status, 'enrolled'))).orderBy(asc(trainingEnrolments.id));
    const need = rows.filter((r, i) => r.accountId == null && rows.findIndex((x) => x.personId === r.personId) === i);
    const created: { personId: number; name: string; username: string; oneTimePassword: string }[] = [];
    for (const r of need) {
      const username = await freeUsername(tx, r.personId);
      const { row, oneTimePassword } = await insertAccount(tx, ctx, { username, displayName: r.name, role: 'person', personId: r.personId });
      await recordAudit(tx, ctx, { action: 'training.enrolment.account', entity: 'account', entityId: row.id, after: { username, personId: r.personId, classId } });
      created.push({ personId: r.personId, name: r.name, username, oneTimePassword: oneTimePassword! });
    }
    const kept = new Set(rows.filter((r) => r.accountId != null).map((r) => r.personId)).size;
    return { created, kept };
  });
}

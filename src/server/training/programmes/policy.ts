import { and, eq } from 'drizzle-orm';
import type { ClassStatus } from '../../../shared/training/rules.js';
import { CLASS_STATUS_NAMES } from '../../../shared/training/rules.js';
import type { Actor, ServiceContext } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { conflict, forbidden, notFound } from '../../http/errors.js';
import { requireActor } from '../../policy.js';
import { trainingClasses, trainingClassTeachers, trainingProgrammes, type ClassRow, type ProgrammeRow } from './tables.js';

/** 培训组 runs the programmes: administrators and the committee's training department (and its office). */
export const isTrainingStaff = (a: Actor | null): boolean =>
  !!a && (a.role === 'admin' || (a.role === 'committee' && (a.committeeBody === 'training' || a.committeeBody === 'office')));

export function requireTrainingStaff(ctx: ServiceContext): Actor {
  const a = requireActor(ctx);
  if (!isTrainingStaff(a)) throw forbidden('只有培训组可以管理培训项目');
  return a;
}

/** Committee members (any body, e.g. finance) and staff read every programme and class. */
export const isTrainingReader = (a: Actor | null): boolean => !!a && (a.role === 'admin' || a.role === 'committee');

export async function programmeRow(db: DbOrTx, id: number): Promise<ProgrammeRow> {
  const [r] = await db.select().from(trainingProgrammes).where(eq(trainingProgrammes.id, id));
  if (!r) throw notFound('培训项目');
  return r;
}

export async function classRow(db: DbOrTx, id: number): Promise<ClassRow> {
  const [r] = await db.select().from(trainingClasses).where(eq(trainingClasses.id, id));
  if (!r) throw notFound('培训班');
  return r;
}

/** The class's row, locked: call first in every transaction that changes the class or its trainees. */
export async function lockClass(db: DbOrTx, id: number): Promise<ClassRow> {
  const [r] = await db.select().from(trainingClasses).where(eq(trainingClasses.id, id)).for('update');
  if (!r) throw notFound('培训班');
  return r;
}

/** Refuses unless the class is in one of `statuses`; says what it is. */
export function requireClassStatus(c: ClassRow, statuses: readonly ClassStatus[], doing: string): void {
  if (!statuses.includes(c.status)) throw conflict(`培训班「${c.name}」${CLASS_STATUS_NAMES[c.status].zh}，不能${doing}`);
}

/** The college that trains the class: its unit accounts accept nominations and see their trainees. */
export const isCollegeOf = (c: ClassRow, a: Actor | null): boolean => !!a && a.role === 'unit' && a.unitId != null && a.unitId === c.collegeUnitId;

export async function isTeacherOf(db: DbOrTx, classId: number, a: Actor | null): Promise<boolean> {
  if (!a) return false;
  const [r] = await db.select({ id: trainingClassTeachers.accountId }).from(trainingClassTeachers)
    .where(and(eq(trainingClassTeachers.classId, classId), eq(trainingClassTeachers.accountId, a.id)));
  return !!r;
}

/** Who runs a class's sessions (QR, roster, sign-in sheet): staff, its teachers, its college. */
export async function mayTeach(db: DbOrTx, c: ClassRow, a: Actor | null): Promise<boolean> {
  return isTrainingStaff(a) || isCollegeOf(c, a) || (await isTeacherOf(db, c.id, a));
}

export async function requireTeacher(ctx: ServiceContext, c: ClassRow, db: DbOrTx = ctx.db): Promise<Actor> {
  const a = requireActor(ctx);
  if (!(await mayTeach(db, c, a))) throw forbidden('只有本班教师、承训院校或培训组可以操作');
  return a;
}

/** Who may read a class in the console: readers, its college, its teachers (trainees use their own page). */
export async function requireClassReader(ctx: ServiceContext, c: ClassRow): Promise<Actor> {
  const a = requireActor(ctx);
  if (isTrainingReader(a) || (await mayTeach(ctx.db, c, a))) return a;
  throw notFound('培训班');
}

/**
 * Who may read a class's particulars (not its trainees): its readers, and employers (unit
 * accounts) a new-technician class, to which they nominate their workers.
 */
export async function requireClassViewer(ctx: ServiceContext, c: ClassRow): Promise<Actor> {
  const a = requireActor(ctx);
  if (a.role === 'unit' && c.targetGroup === 'new-technicians') return a;
  return requireClassReader(ctx, c);
}

import { and, asc, count, eq, inArray, lte } from 'drizzle-orm';
import type { ClassCompletions } from '../../../shared/training/completion-contracts.js';
import { completionOf } from '../../../shared/training/completion.js';
import { recordAudit } from '../../core/audit/service.js';
import { certificates } from '../../core/certificates/tables.js';
import { people } from '../../core/people/tables.js';
import { units } from '../../core/units/tables.js';
import type { ServiceContext } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { conflict } from '../../http/errors.js';
import { trainingAppraisals } from '../appraisal/tables.js';
import { trainingAttendance } from '../attendance/tables.js';
import { trainingEnrolments } from '../enrolment/tables.js';
import { classRow, requireClassReader } from '../programmes/policy.js';
import { trainingSessions, type ClassRow } from '../programmes/tables.js';
import { trainingBusinessPlans, trainingCompletions } from './tables.js';

/**
 * 结业: when a class finishes, each enrolled trainee's outcome is written once — the sessions held
 * (not cancelled, on or before the end day), those attended (present or late), the business plan
 * and the appraisal, the rule that decided, and the reason when not completed. Runs inside the
 * status change's transaction (the class is locked); a second write is refused (and the primary
 * key on the enrolment backs that up).
 */
export async function writeCompletions(tx: DbOrTx, ctx: ServiceContext, c: ClassRow, endOn: string): Promise<number> {
  const [written] = await tx.select({ n: count() }).from(trainingCompletions).where(eq(trainingCompletions.classId, c.id));
  if (written!.n > 0) throw conflict(`培训班「${c.name}」的结业结果已写入，不能重写`);
  const enrolled = await tx.select({ id: trainingEnrolments.id }).from(trainingEnrolments)
    .where(and(eq(trainingEnrolments.classId, c.id), eq(trainingEnrolments.status, 'enrolled'))).orderBy(asc(trainingEnrolments.id));
  if (enrolled.length === 0) return 0;
  const ids = enrolled.map((e) => e.id);
  const held = await tx.select({ id: trainingSessions.id }).from(trainingSessions)
    .where(and(eq(trainingSessions.classId, c.id), eq(trainingSessions.status, 'scheduled'), lte(trainingSessions.day, endOn)));
  const heldIds = held.map((s) => s.id);
  const [attendedRows, plans, appraisals] = await Promise.all([
    heldIds.length
      ? tx.select({ enrolmentId: trainingAttendance.enrolmentId, n: count() }).from(trainingAttendance)
        .where(and(inArray(trainingAttendance.sessionId, heldIds), inArray(trainingAttendance.enrolmentId, ids), inArray(trainingAttendance.status, ['present', 'late'])))
        .groupBy(trainingAttendance.enrolmentId)
      : [],
    tx.select({ enrolmentId: trainingBusinessPlans.enrolmentId }).from(trainingBusinessPlans).where(inArray(trainingBusinessPlans.enrolmentId, ids)),
    tx.select({ enrolmentId: trainingAppraisals.enrolmentId, passed: trainingAppraisals.passed }).from(trainingAppraisals).where(inArray(trainingAppraisals.enrolmentId, ids)),
  ]);
  const attended = new Map(attendedRows.map((r) => [r.enrolmentId, r.n]));
  const planned = new Set(plans.map((p) => p.enrolmentId));
  const appraised = new Map(appraisals.map((a) => [a.enrolmentId, a.passed]));
  const now = ctx.clock.now();
  const rows = ids.map((enrolmentId) => {
    const facts = { held: heldIds.length, attended: attended.get(enrolmentId) ?? 0, planSubmitted: planned.has(enrolmentId), appraisalPassed: appraised.get(enrolmentId) ?? null };
    const o = completionOf(c.completionRule, facts);
    return {
      enrolmentId, classId: c.id, completed: o.completed, sessionsHeld: facts.held, sessionsAttended: facts.attended, attendancePct: o.pct,
      planSubmitted: facts.planSubmitted, appraisalPassed: facts.appraisalPassed, reason: o.reason, rule: c.completionRule,
      decidedOn: endOn, decidedBy: ctx.actor?.id ?? null, createdAt: now,
    };
  });
  for (let i = 0; i < rows.length; i += 500) await tx.insert(trainingCompletions).values(rows.slice(i, i + 500));
  const completed = rows.filter((r) => r.completed).length;
  await recordAudit(tx, ctx, { action: 'training.completion.write', entity: 'training_class', entityId: c.id, after: { trainees: rows.length, completed, held: heldIds.length, rule: c.completionRule, decidedOn: endOn } });
  return rows.length;
}

/** 结业情况 of a class: readers, its college and teachers; the ID masked. Before it finishes: the rule and no rows. */
export async function listCompletions(ctx: ServiceContext, classId: number): Promise<ClassCompletions> {
  const c = await classRow(ctx.db, classId);
  await requireClassReader(ctx, c);
  const rows = await ctx.db.select({ o: trainingCompletions, personName: people.name, idNumberMasked: people.idNumberMasked, unitName: units.name, cert: { id: certificates.id, serial: certificates.serial, status: certificates.status } })
    .from(trainingCompletions)
    .innerJoin(trainingEnrolments, eq(trainingEnrolments.id, trainingCompletions.enrolmentId))
    .innerJoin(people, eq(people.id, trainingEnrolments.personId))
    .leftJoin(units, eq(units.id, trainingEnrolments.unitId))
    .leftJoin(certificates, and(eq(certificates.sourceKind, 'training-completion'), eq(certificates.sourceId, trainingCompletions.enrolmentId)))
    .where(eq(trainingCompletions.classId, classId)).orderBy(asc(people.name), asc(trainingCompletions.enrolmentId));
  return {
    classId, rule: c.completionRule, decided: c.status === 'finished',
    rows: rows.map(({ o, personName, idNumberMasked, unitName, cert }) => ({
      enrolmentId: o.enrolmentId, personName, idNumberMasked, unitName, completed: o.completed, sessionsHeld: o.sessionsHeld, sessionsAttended: o.sessionsAttended,
      attendancePct: o.attendancePct, planSubmitted: o.planSubmitted, appraisalPassed: o.appraisalPassed, reason: o.reason, decidedOn: o.decidedOn,
      certificate: cert?.id != null ? cert : null,
    })),
  };
}

import { and, count, eq, inArray, lte, ne, sql } from 'drizzle-orm';
import type { PlanActual } from '../../../shared/contracts/training.js';
import type { DbOrTx } from '../../db/client.js';
import { trainingCompletions } from '../completion/tables.js';
import { trainingEnrolments } from '../enrolment/tables.js';
import { trainingSessions, type ClassRow } from './tables.js';

/** Today in Beijing, yyyy-mm-dd. */
export const beijingDay = (d: Date): string => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * 计划与实际: per class, the planned size and dates beside the enrolled trainees, the actual dates,
 * the completions (once the class finished) and the sessions planned and held by `today`.
 */
export async function planActualOf(db: DbOrTx, classes: readonly ClassRow[], today: string): Promise<Map<number, PlanActual>> {
  const ids = classes.map((c) => c.id);
  const out = new Map<number, PlanActual>();
  if (ids.length === 0) return out;
  const [enrolled, completed, sessions] = await Promise.all([
    db.select({ classId: trainingEnrolments.classId, n: count() }).from(trainingEnrolments)
      .where(and(inArray(trainingEnrolments.classId, ids), eq(trainingEnrolments.status, 'enrolled'))).groupBy(trainingEnrolments.classId),
    db.select({ classId: trainingCompletions.classId, n: count(), done: sql<number>`count(*) filter (where ${trainingCompletions.completed})`.mapWith(Number) })
      .from(trainingCompletions).where(inArray(trainingCompletions.classId, ids)).groupBy(trainingCompletions.classId),
    db.select({ classId: trainingSessions.classId, n: count(), held: sql<number>`count(*) filter (where ${lte(trainingSessions.day, today)})`.mapWith(Number) })
      .from(trainingSessions).where(and(inArray(trainingSessions.classId, ids), ne(trainingSessions.status, 'cancelled'))).groupBy(trainingSessions.classId),
  ]);
  const e = new Map(enrolled.map((r) => [r.classId, r.n]));
  const c = new Map(completed.map((r) => [r.classId, r]));
  const s = new Map(sessions.map((r) => [r.classId, r]));
  for (const k of classes) {
    out.set(k.id, {
      plannedSize: k.plannedSize,
      enrolled: e.get(k.id) ?? 0,
      completed: c.has(k.id) ? c.get(k.id)!.done : null,
      plannedStartOn: k.plannedStartOn,
      plannedEndOn: k.plannedEndOn,
      actualStartOn: k.actualStartOn,
      actualEndOn: k.actualEndOn,
      sessionsPlanned: s.get(k.id)?.n ?? 0,
      sessionsHeld: s.get(k.id)?.held ?? 0,
    });
  }
  return out;
}

/** A programme's plan and actual: its classes' figures summed, the earliest and latest dates. */
export function sumPlanActual(rows: readonly PlanActual[]): PlanActual {
  const min = (xs: (string | null)[]) => xs.filter((x): x is string => !!x).sort()[0] ?? null;
  const max = (xs: (string | null)[]) => xs.filter((x): x is string => !!x).sort().at(-1) ?? null;
  const anyCompleted = rows.some((r) => r.completed != null);
  return {
    plannedSize: rows.reduce((a, r) => a + r.plannedSize, 0),
    enrolled: rows.reduce((a, r) => a + r.enrolled, 0),
    completed: anyCompleted ? rows.reduce((a, r) => a + (r.completed ?? 0), 0) : null,
    plannedStartOn: min(rows.map((r) => r.plannedStartOn)),
    plannedEndOn: max(rows.map((r) => r.plannedEndOn)),
    actualStartOn: min(rows.map((r) => r.actualStartOn)),
    actualEndOn: rows.length && rows.every((r) => r.actualEndOn) ? max(rows.map((r) => r.actualEndOn)) : null,
    sessionsPlanned: rows.reduce((a, r) => a + r.sessionsPlanned, 0),
    sessionsHeld: rows.reduce((a, r) => a + r.sessionsHeld, 0),
  };
}

import { eq, inArray } from 'drizzle-orm';
import { people } from '../../core/people/tables.js';
import { units } from '../../core/units/tables.js';
import type { DbOrTx } from '../../db/client.js';
import { selectionCandidates } from '../nominations/tables.js';

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * What the exam and panel screens show of a candidate: name, unit, masked ID, exam seat — ordered
 * by unit name, then name, then id, compared by code point (the same order on every database).
 */
export async function candidateRows(db: DbOrTx, ids: readonly number[]) {
  if (ids.length === 0) return [];
  const rows = await db.select({
    id: selectionCandidates.id, personId: selectionCandidates.personId, name: people.name, idMasked: people.idNumberMasked,
    unitId: people.unitId, unitName: units.name, examNumber: selectionCandidates.examNumber, examRoom: selectionCandidates.examRoom,
    examSeat: selectionCandidates.examSeat,
  }).from(selectionCandidates)
    .innerJoin(people, eq(people.id, selectionCandidates.personId))
    .innerJoin(units, eq(units.id, people.unitId))
    .where(inArray(selectionCandidates.id, [...ids]));
  return rows.sort((a, b) => byCodePoint(a.unitName, b.unitName) || byCodePoint(a.name, b.name) || a.id - b.id);
}
export type CandidateRow = Awaited<ReturnType<typeof candidateRows>>[number];

import { and, asc, eq, inArray } from 'drizzle-orm';
import { composePanel, recusalReason, type JudgeConflicts } from '../../../shared/competition/recusal.js';
import { accounts } from '../../core/accounts/tables.js';
import { competitionStaff } from '../competitions/tables.js';
import type { DbOrTx } from '../../db/client.js';
import { entries } from '../entries/tables.js';
import type { CurrentScheme } from '../schemes/service.js';
import { aspectJudges, judgeConflicts } from './tables.js';

/** Judgement aspects are scored by a panel of three; a measurement by one judge. */
export const panelSize = (kind: 'measurement' | 'judgement') => (kind === 'judgement' ? 3 : 1);

/** What a declared conflict is with: a unit, a person, or one drawn entry (reported by code). */
export const declaredId = (d: { kind: 'unit' | 'person' | 'entry'; unitId: number | null; personId: number | null; entryId?: number | null }) =>
  (d.kind === 'unit' ? d.unitId : d.kind === 'person' ? d.personId : d.entryId ?? null);

/** Every judge's conflicts: their own unit plus what they declared. */
export async function conflictsOf(db: DbOrTx, judgeIds: number[]): Promise<Map<number, JudgeConflicts>> {
  const out = new Map<number, JudgeConflicts>();
  if (judgeIds.length === 0) return out;
  const js = await db.select({ id: accounts.id, unitId: accounts.unitId }).from(accounts).where(inArray(accounts.id, judgeIds));
  const declared = await db.select().from(judgeConflicts).where(inArray(judgeConflicts.judgeId, judgeIds));
  for (const j of js) {
    out.set(j.id, {
      judgeId: j.id, unitId: j.unitId,
      declared: declared.filter((d) => d.judgeId === j.id && declaredId(d) != null)
        .map((d) => ({ kind: d.kind, id: declaredId(d)!, reason: d.reason, note: d.note ?? undefined })),
    });
  }
  return out;
}

/**
 * The panels of a competition: for every approved entry and aspect, who marks it. Computed from
 * the marking teams, the substitutes and every conflict, so the API and the screens agree.
 */
export async function loadPanels(db: DbOrTx, competitionId: number, scheme: CurrentScheme) {
  const teams = await db.select().from(aspectJudges).where(eq(aspectJudges.competitionId, competitionId)).orderBy(asc(aspectJudges.seat));
  const substitutes = (await db.select({ id: competitionStaff.accountId }).from(competitionStaff)
    .where(and(eq(competitionStaff.competitionId, competitionId), eq(competitionStaff.role, 'substitute'))).orderBy(asc(competitionStaff.accountId))).map((r) => r.id);
  const list = await db.select({ entryId: entries.id, personId: entries.personId, unitId: entries.unitId, code: entries.code })
    .from(entries).where(and(eq(entries.competitionId, competitionId), eq(entries.status, 'approved'))).orderBy(asc(entries.code));
  const judges = await conflictsOf(db, [...new Set([...teams.map((t) => t.judgeId), ...substitutes])]);
  const teamOf = new Map<number, number[]>();
  for (const t of teams) teamOf.set(t.aspectId, [...(teamOf.get(t.aspectId) ?? []), t.judgeId]);
  const panels = new Map<string, ReturnType<typeof composePanel>>();
  for (const a of scheme.aspects) {
    for (const e of list) {
      panels.set(`${e.entryId}:${a.id}`, composePanel({ assigned: teamOf.get(a.id) ?? [], substitutes, judges, entry: e, size: panelSize(a.kind) }));
    }
  }
  return { entries: list, judges, teamOf, substitutes, panel: (entryId: number, aspectId: number) => panels.get(`${entryId}:${aspectId}`) };
}
export type Panels = Awaited<ReturnType<typeof loadPanels>>;

export { recusalReason };

/** One panel (for a mark write): the aspect's team and the substitutes, against this entry's conflicts. */
export async function panelFor(db: DbOrTx, competitionId: number, aspect: { id: number; kind: 'measurement' | 'judgement' }, entry: { entryId: number; personId: number; unitId: number }) {
  const assigned = (await db.select({ id: aspectJudges.judgeId }).from(aspectJudges).where(eq(aspectJudges.aspectId, aspect.id)).orderBy(asc(aspectJudges.seat))).map((r) => r.id);
  const substitutes = (await db.select({ id: competitionStaff.accountId }).from(competitionStaff)
    .where(and(eq(competitionStaff.competitionId, competitionId), eq(competitionStaff.role, 'substitute'))).orderBy(asc(competitionStaff.accountId))).map((r) => r.id);
  const judges = await conflictsOf(db, [...new Set([...assigned, ...substitutes])]);
  return composePanel({ assigned, substitutes, judges, entry, size: panelSize(aspect.kind) });
}

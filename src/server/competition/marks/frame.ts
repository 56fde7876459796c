import { and, asc, eq, inArray } from 'drizzle-orm';
import type { JudgeConflicts } from '../../../shared/competition/recusal.js';
import { accounts } from '../../core/accounts/tables.js';
import { competitionStaff } from '../competitions/tables.js';
import type { DbOrTx } from '../../db/client.js';
import { entries } from '../entries/tables.js';
import { declaredId } from '../judging/panels.js';
import { aspectJudges } from '../judging/tables.js';
import { currentScheme } from '../schemes/service.js';

/**
 * What does not change while a competition is being marked — the locked scheme's aspects, the
 * marking teams and substitutes, the judges' own units, and the drawn codes — read once and kept
 * per competition version. Everything here is frozen by the services once marking starts (the
 * scheme is locked; staff, teams, entries and the draw refuse changes), and any change of status
 * bumps the version, so a frame is never used past its time. Declared conflicts, marks, sign-offs
 * and the chain are NOT in the frame: they are read in each write's transaction.
 */
export interface MarkingFrame {
  version: number;
  aspects: Map<number, { id: number; code: string; criterionCode: string; kind: 'measurement' | 'judgement'; maxMark: number; bands: { label: string; mark: number }[] | null }>;
  teams: Map<number, number[]>;
  substitutes: number[];
  judgeUnits: Map<number, number | null>;
  codes: Map<string, { entryId: number; personId: number; unitId: number }>;
}

/** Per database (a process may hold several, as tests do), per competition. */
const frames = new WeakMap<object, Map<number, MarkingFrame>>();

/** `database` keys the cache (the root handle); `db` reads (the caller's transaction). */
export async function markingFrame(database: object, db: DbOrTx, competitionId: number, version: number): Promise<MarkingFrame> {
  if (!frames.has(database)) frames.set(database, new Map());
  const mine = frames.get(database)!;
  const cached = mine.get(competitionId);
  if (cached?.version === version) return cached;
  const scheme = await currentScheme(db, competitionId);
  const teams = new Map<number, number[]>();
  for (const t of await db.select().from(aspectJudges).where(eq(aspectJudges.competitionId, competitionId)).orderBy(asc(aspectJudges.seat))) {
    teams.set(t.aspectId, [...(teams.get(t.aspectId) ?? []), t.judgeId]);
  }
  const staff = await db.select({ id: competitionStaff.accountId, role: competitionStaff.role }).from(competitionStaff)
    .where(and(eq(competitionStaff.competitionId, competitionId), inArray(competitionStaff.role, ['judge', 'chief', 'substitute']))).orderBy(asc(competitionStaff.accountId));
  const judgeIds = [...new Set(staff.map((s) => s.id))];
  const units = judgeIds.length ? await db.select({ id: accounts.id, unitId: accounts.unitId }).from(accounts).where(inArray(accounts.id, judgeIds)) : [];
  const list = await db.select({ entryId: entries.id, personId: entries.personId, unitId: entries.unitId, code: entries.code })
    .from(entries).where(and(eq(entries.competitionId, competitionId), eq(entries.status, 'approved')));
  const frame: MarkingFrame = {
    version,
    aspects: new Map((scheme?.aspects ?? []).map((a) => [a.id, { id: a.id, code: a.code, criterionCode: a.criterionCode, kind: a.kind, maxMark: a.maxMark, bands: a.bands ?? null }])),
    teams,
    substitutes: staff.filter((s) => s.role === 'substitute').map((s) => s.id),
    judgeUnits: new Map(units.map((u) => [u.id, u.unitId])),
    codes: new Map(list.filter((e) => e.code).map((e) => [e.code!, { entryId: e.entryId, personId: e.personId, unitId: e.unitId }])),
  };
  mine.set(competitionId, frame);
  return frame;
}

/** The conflicts of these judges: their unit from the frame, their declarations as read now. */
export function conflictsFrom(frame: MarkingFrame, judgeIds: number[], declared: { judgeId: number; kind: 'unit' | 'person' | 'entry'; unitId: number | null; personId: number | null; entryId?: number | null; reason: string }[]) {
  const out = new Map<number, JudgeConflicts>();
  for (const id of judgeIds) {
    out.set(id, {
      judgeId: id, unitId: frame.judgeUnits.get(id) ?? null,
      declared: declared.filter((d) => d.judgeId === id && declaredId(d) != null)
        .map((d) => ({ kind: d.kind, id: declaredId(d)!, reason: d.reason as JudgeConflicts['declared'][number]['reason'] })),
    });
  }
  return out;
}

import { z } from 'zod';
import { Id, Text } from '../contracts/common.js';

/**
 * 回避: a judge never marks a contestant of their own unit, nor one they declared a conflict with
 * (申报: a former employer, a master–apprentice tie, a relative). A marking panel (评分组, three
 * judges for a judgement aspect, one for a measurement) is composed per contestant: the assigned
 * judges who need not recuse, then substitutes (替补裁判) in order for the empty seats.
 */

export const ConflictReason = z.enum(['former_employer', 'master_apprentice', 'relative', 'other']);
export type ConflictReason = z.infer<typeof ConflictReason>;

export const CONFLICT_REASON_NAMES: Record<ConflictReason, string> = {
  former_employer: '曾任职/雇佣关系',
  master_apprentice: '师徒关系',
  relative: '亲属关系',
  other: '其他利害关系',
};

/**
 * One declared conflict: with a unit or with a person (by id), declared before the draw; or with
 * one drawn entry (kind 'entry', by entry id), reported by a judge after the draw for a code they
 * mark ("认识该选手") — the only conflict a judge can add once codes exist.
 */
export const ConflictDeclaration = z.object({
  kind: z.enum(['unit', 'person', 'entry']),
  id: Id,
  reason: ConflictReason,
  note: Text.max(200).optional(),
});
export type ConflictDeclaration = z.infer<typeof ConflictDeclaration>;

export interface JudgeConflicts {
  judgeId: number;
  /** The judge's own unit (null for an independent expert). */
  unitId: number | null;
  declared: ConflictDeclaration[];
}

/**
 * Who is marked: a contestant's entry in a competition, or a candidate in the selection (which
 * has no entry, so no reported-entry conflict applies).
 */
export interface EntryParty {
  entryId?: number;
  personId: number;
  unitId: number;
}

export type RecusalCode = 'own_unit' | 'declared_unit' | 'declared_person' | 'reported_entry';

/** The recusal message of a conflict a judge reported for a code they were marking. */
export const REPORTED_ENTRY_MESSAGE = '裁判报告认识该选手，须回避';

export interface Recusal {
  code: RecusalCode;
  reason?: ConflictReason;
  /** The judge's own note on the declaration, kept out of `message`. */
  note?: string;
  message: string;
}

/** The words of the messages: who marks and who is marked (a competition's 裁判 and 选手 by default). */
export interface RecusalWords { marker: string; marked: string }
export const COMPETITION_WORDS: RecusalWords = { marker: '裁判', marked: '选手' };

const UNIT_MESSAGES: Record<ConflictReason, (w: RecusalWords) => string> = {
  former_employer: (w) => `${w.marker}申报曾在该单位任职，须回避`,
  master_apprentice: (w) => `${w.marker}申报与该单位人员有师徒关系，须回避`,
  relative: (w) => `${w.marker}申报有亲属在该单位，须回避`,
  other: (w) => `${w.marker}申报与该单位存在利害关系，须回避`,
};

const PERSON_MESSAGES: Record<ConflictReason, (w: RecusalWords) => string> = {
  former_employer: (w) => `${w.marker}申报与该${w.marked}曾有雇佣关系，须回避`,
  master_apprentice: (w) => `${w.marker}申报与该${w.marked}有师徒关系，须回避`,
  relative: (w) => `${w.marker}申报与该${w.marked}有亲属关系，须回避`,
  other: (w) => `${w.marker}申报与该${w.marked}存在利害关系，须回避`,
};

/**
 * Why `judge` must not mark `entry` (own unit first, then a declared unit, a declared person, a
 * reported entry), or null — in the words of the caller (a selection says 评审专家 and 候选人).
 */
export function recusalReason(judge: JudgeConflicts, entry: EntryParty, words: RecusalWords = COMPETITION_WORDS): Recusal | null {
  if (judge.unitId !== null && judge.unitId === entry.unitId) return { code: 'own_unit', message: `${words.marker}与${words.marked}同属一个单位，须回避` };
  const declared = (kind: ConflictDeclaration['kind'], id: number) => judge.declared.find((d) => d.kind === kind && d.id === id);
  const unit = declared('unit', entry.unitId);
  if (unit) return { code: 'declared_unit', reason: unit.reason, ...(unit.note ? { note: unit.note } : {}), message: UNIT_MESSAGES[unit.reason](words) };
  const person = declared('person', entry.personId);
  if (person) return { code: 'declared_person', reason: person.reason, ...(person.note ? { note: person.note } : {}), message: PERSON_MESSAGES[person.reason](words) };
  if (entry.entryId !== undefined && declared('entry', entry.entryId)) return { code: 'reported_entry', message: REPORTED_ENTRY_MESSAGE };
  return null;
}

export interface PanelInput {
  /** The aspect's judges in seat order. */
  assigned: readonly number[];
  /** Substitutes in the order they are called. */
  substitutes: readonly number[];
  /** Conflicts of every judge and substitute named above (a missing one is an error, never a pass). */
  judges: ReadonlyMap<number, JudgeConflicts>;
  entry: EntryParty;
  /** Seats: 3 for a judgement aspect, 1 for a measurement. */
  size?: number;
}

export interface Panel {
  panel: number[];
  /** Every assigned judge who must recuse, then every substitute skipped for the same reason. */
  recused: { judgeId: number; message: string }[];
  substitutesUsed: number[];
  /** Seats left empty: the organizer must name more substitutes. */
  short: number;
}

/**
 * The panel that marks one contestant: assigned judges who need not recuse (up to `size`, in
 * order), then substitutes in order who need not recuse and are not yet seated.
 */
export function composePanel({ assigned, substitutes, judges, entry, size = 3 }: PanelInput): Panel {
  if (!Number.isSafeInteger(size) || size < 1) throw new RangeError(`评分组人数须为正整数：${String(size)}`);
  const panel: number[] = [];
  const recused: Panel['recused'] = [];
  const substitutesUsed: number[] = [];
  const considered = new Set<number>();
  const consider = (judgeId: number): boolean => {
    if (considered.has(judgeId)) return false;
    considered.add(judgeId);
    const judge = judges.get(judgeId);
    if (!judge) throw new Error(`缺少裁判 ${judgeId} 的回避信息`);
    const why = recusalReason(judge, entry);
    if (why) {
      recused.push({ judgeId, message: why.message });
      return false;
    }
    if (panel.length >= size) return false;
    panel.push(judgeId);
    return true;
  };
  for (const id of assigned) consider(id);
  for (const id of substitutes) {
    if (panel.length >= size) break;
    if (consider(id)) substitutesUsed.push(id);
  }
  return { panel, recused, substitutesUsed, short: size - panel.length };
}

import { and, desc, eq, inArray } from 'drizzle-orm';
import type { NoticeKind } from '../../../shared/contracts/notices.js';
import type { SelectionRules, StageDef } from '../../../shared/selection/rules.js';
import { cutBefore, stageIndex } from '../../../shared/selection/stages.js';
import type { DbOrTx } from '../../db/client.js';
import { notices } from '../../core/notices/tables.js';
import type { RoundRow } from '../rounds/policy.js';
import { selectionCuts } from './tables.js';

export type CutRecord = typeof selectionCuts.$inferSelect;
type CutDef = Extract<StageDef, { kind: 'cut' }>;

/** The cut in force at a stage: the last frozen (not superseded) one. */
export async function currentCut(db: DbOrTx, roundId: number, stageKey: string): Promise<CutRecord | null> {
  const [c] = await db.select().from(selectionCuts)
    .where(and(eq(selectionCuts.roundId, roundId), eq(selectionCuts.stageKey, stageKey), eq(selectionCuts.status, 'frozen')))
    .orderBy(desc(selectionCuts.id)).limit(1);
  return c ?? null;
}

/** The final list's cut stage: the last cut before the approval (or, without one, the notice) stage. */
export function finalCutStage(rules: SelectionRules): CutDef | null {
  const at = rules.stages.findIndex((s) => s.kind === 'approval' || s.kind === 'notice');
  return cutBefore(rules, at < 0 ? rules.stages.length : at);
}

/** The published shortlist's cut stage: the last reached cut stage marked `publish`. */
export function shortlistStage(round: RoundRow): CutDef | null {
  const reached = round.status === 'finished' ? round.rules.stages.length : round.stage + 1;
  return (round.rules.stages.slice(0, reached).filter((s) => s.kind === 'cut' && s.publish) as CutDef[]).pop() ?? null;
}

/** Which cut stage a selection notice publishes (shortlist: the published cut; experts: the final list). */
export function noticeStage(round: RoundRow, kind: NoticeKind): CutDef | null {
  return kind === 'selection-shortlist' ? shortlistStage(round) : finalCutStage(round.rules);
}

export async function latestNotice(db: DbOrTx, kind: NoticeKind, roundId: number) {
  const [n] = await db.select().from(notices).where(and(eq(notices.kind, kind), eq(notices.subjectId, roundId))).orderBy(desc(notices.round)).limit(1);
  return n ?? null;
}

/**
 * Whether a cut may be frozen at `def` now: at its own open stage (a re-freeze supersedes the
 * earlier one, unless its list is under notice); or, once the round has moved on, as the correction
 * after an upheld objection suspended the notice of this stage's list, when no later cut is frozen.
 * Returns why not, or null.
 */
export async function whyNoFreeze(db: DbOrTx, round: RoundRow, def: CutDef): Promise<string | null> {
  if (round.status === 'finished') return '评选已结束';
  const at = stageIndex(round.rules, def.key);
  const kinds: NoticeKind[] = (['selection-shortlist', 'selection-experts'] as const).filter((k) => noticeStage(round, k)?.key === def.key);
  const states = await Promise.all(kinds.map((k) => latestNotice(db, k, round.id)));
  if (states.some((n) => n?.status === 'open')) return '该名单正在公示中，公示期间不能重新冻结（异议成立、公示中止后方可更正）';
  if (states.some((n) => n?.status === 'final')) return '该名单已公示期满生效，不能再更改';
  if (at === round.stage) return null;
  if (at > round.stage) return `尚未进入「${def.name}」阶段`;
  if (!states.some((n) => n?.status === 'suspended')) return `「${def.name}」阶段已结束；只有公示异议成立、公示中止后才能更正名单`;
  const laterCuts = round.rules.stages.slice(at + 1).filter((s) => s.kind === 'cut').map((s) => s.key);
  if (laterCuts.length) {
    const [later] = await db.select({ id: selectionCuts.id }).from(selectionCuts)
      .where(and(eq(selectionCuts.roundId, round.id), inArray(selectionCuts.stageKey, laterCuts), eq(selectionCuts.status, 'frozen'))).limit(1);
    if (later) return '后续阶段已据此名单冻结入围名单，不能再更正';
  }
  return null;
}

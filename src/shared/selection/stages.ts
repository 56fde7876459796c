import { canonicalJson } from '../canonical-json.js';
import type { SelectionRules, StageDef, StageKind } from './rules.js';

/**
 * The stages of a round run in order; `stage` is the position of the one now open. A stage is done
 * (已完成) before it, open (进行中) at it, pending (未开始) after it; once the last stage is done the
 * round is finished. Advancing closes the open stage (when its gate has no blocker) and opens the
 * next; there is no way back — a cut is redone by an objection, not by rewinding.
 */
export type StageState = 'done' | 'open' | 'pending';

export function stageStates(rules: SelectionRules, stage: number, finished: boolean): { def: StageDef; state: StageState }[] {
  return rules.stages.map((def, i) => ({ def, state: finished || i < stage ? 'done' : i === stage ? 'open' : 'pending' }));
}

export function stageIndex(rules: SelectionRules, key: string): number {
  return rules.stages.findIndex((s) => s.key === key);
}

/** The stage with this key, of the expected kind, or null. */
export function stageDef<K extends StageKind>(rules: SelectionRules, key: string, kind: K): Extract<StageDef, { kind: K }> | null {
  const s = rules.stages.find((x) => x.key === key);
  return s && s.kind === kind ? (s as Extract<StageDef, { kind: K }>) : null;
}

/** The last cut before position `i` (the one whose list the stage works on), or null. */
export function cutBefore(rules: SelectionRules, i: number): Extract<StageDef, { kind: 'cut' }> | null {
  for (let j = i - 1; j >= 0; j--) {
    const s = rules.stages[j]!;
    if (s.kind === 'cut') return s;
  }
  return null;
}

/**
 * A stage's rules are fixed once it opens: a change of rules may only touch stages not yet
 * reached. Returns the keys of reached stages whose definition differs (empty when allowed).
 */
export function changedReachedStages(before: SelectionRules, after: SelectionRules, stage: number): string[] {
  const out: string[] = [];
  for (let i = 0; i <= stage && i < before.stages.length; i++) {
    const a = before.stages[i]!;
    const b = after.stages[i];
    if (!b || canonicalJson(a) !== canonicalJson(b)) out.push(a.key);
  }
  const eligibilityReached = before.stages.findIndex((s) => s.kind === 'eligibility') <= stage;
  if (eligibilityReached && (before.minLevel !== after.minLevel || before.minConditions !== after.minConditions
    || canonicalJson(before.conditions) !== canonicalJson(after.conditions))) out.push('conditions');
  return out;
}

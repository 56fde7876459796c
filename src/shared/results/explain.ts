import type { CompetitionRules } from '../contracts/competitions.js';
import type { RankStep } from '../contracts/results.js';
import type { z } from 'zod';
import { tieKeyCost, tieKeyValue } from './ranking.js';
import type { Ranking, ScoreColumns } from './types.js';

type Step = z.infer<typeof RankStep>;

/**
 * 名次说明: contestant i compared with contestant j (column indices) key by key — the total, then
 * each key of the tie-break chain — up to the step that decided their order (`decisive`). When
 * every key is equal the last step is 'shared' (并列), decisive. Compares exactly as
 * rankContestants does (a missing value loses to a present one).
 */
export function rankSteps(i: number, j: number, cols: ScoreColumns, ranking: Ranking, rules: CompetitionRules): Step[] {
  const num = (v: number) => (Number.isNaN(v) ? null : v);
  const mine = num(ranking.total[i]!);
  const theirs = num(ranking.total[j]!);
  const steps: Step[] = [{ key: 'total', mine, theirs, decisive: mine !== theirs }];
  if (mine !== theirs) return steps;
  for (const key of rules.tieBreak) {
    const a = tieKeyValue(key, cols, i);
    const b = tieKeyValue(key, cols, j);
    const decisive = tieKeyCost(key, a ?? NaN) !== tieKeyCost(key, b ?? NaN);
    steps.push({ key, mine: a, theirs: b, decisive });
    if (decisive) return steps;
  }
  steps.push({ key: 'shared', mine: null, theirs: null, decisive: true });
  return steps;
}

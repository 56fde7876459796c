import type { TieRule } from './rules.js';

/**
 * 择优入围: a cut ranks the candidates still in by the weighted stage scores of its basis and takes
 * the first `size`. Ties at the line: a chain of stage scores decides (candidates equal on every key
 * share the rank and are all taken), or every tied candidate is taken ('take_all'); either way the
 * list may exceed `size` only by candidates tied at the line, and says so. Everything a cut needs is
 * in CutRules and the rows' scores, so the cut — and its hash — can be recomputed from its export.
 */

export interface CutRules {
  roundId: number;
  roundName: string;
  stageKey: string;
  stageName: string;
  size: number;
  /** Stage key → weight (percent, summing to 100). */
  basis: Record<string, number>;
  tie: TieRule;
  /** The hash of the cut this one is drawn from (null for the first cut). */
  fromCutHash: string | null;
}

export interface CutRow {
  candidateId: number;
  examNumber: string | null;
  name: string;
  unit: string;
  /** Each basis stage's score (0–100, two decimals), null when missing. */
  scores: Record<string, number | null>;
  /** Weighted total in points (two decimals), null when a basis score is missing. */
  total: number | null;
  rank: number | null;
  selected: boolean;
}

export interface CutRanking {
  rows: CutRow[];
}

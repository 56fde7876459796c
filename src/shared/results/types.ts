import type { CompetitionPart, PartKey } from '../competition/parts.js';
import type { CompetitionRules } from '../contracts/competitions.js';
import type { DecidedBy, ProposedOutcome } from '../contracts/results.js';
import type { Level } from '../levels.js';

/**
 * The contestants of one competition as columns (one index per contestant), so that 100,000 of
 * them rank in about the time a typed-array sort of their totals takes. NaN = missing.
 * Scores are out of 100 with two decimals; seconds are the practical's completion time.
 */
export interface ScoreColumns {
  n: number;
  entryId: Int32Array;
  unitId: Int32Array;
  practical: Float64Array;
  theory: Float64Array;
  oral: Float64Array;
  seconds: Float64Array;
}

export interface RankingInput {
  cols: ScoreColumns;
  parts: readonly CompetitionPart[];
  rules: CompetitionRules;
}

/** Per contestant (by column index), plus the order best first. */
export interface Ranking {
  /** Column indices, best first; contestants without a total (a part missing) come last, unranked. */
  order: Uint32Array;
  /** How many are ranked (have a total); order[0 .. ranked-1]. */
  ranked: number;
  /** Weighted total to 0.01 (NaN when a part is missing). */
  total: Float64Array;
  /** 1-based rank, shared ranks equal (1, 2, 2, 4); 0 = unranked. */
  rank: Int32Array;
  /** What separated this contestant from the one just above (see DECIDED_BY_CODES); -1 for the first and the unranked. */
  decidedBy: Int8Array;
  /** Pass of every part: 1 passed all, 0 failed one, 2 undecided (a part missing). */
  passedAll: Uint8Array;
  /** WorldSkills-style standardized score (see standardized.ts); NaN when unranked. */
  standardized: Float64Array;
}

/** decidedBy codes: 0 total, 1 practical, 2 time, 3 theory, 4 oral, 5 shared. */
export const DECIDED_BY_CODES: readonly DecidedBy[] = ['total', 'practical', 'time', 'theory', 'oral', 'shared'];

export interface IndividualAwards {
  /** null when awards are given; otherwise the reason (fewer entrants than rules.minEntrantsForAwards). */
  withheld: string | null;
  /** Column indices honoured (rank ≤ topN; a tie at the boundary includes all who share it), best first. */
  honoured: number[];
}

export interface TeamStanding {
  unitId: number;
  entrants: number;
  /** Column indices of the best k totals counted (fewer when the unit has fewer ranked contestants). */
  counted: number[];
  /** Sum of the best k totals to 0.01; null when the unit is not eligible (fewer than k ranked contestants and the rule teamBelowK leaves it out, or none). */
  sum: number | null;
  /** 1-based, shared when sums are equal after the tie-break (see teams.ts); null when not eligible. */
  rank: number | null;
}

export interface OrganizationStanding {
  unitId: number;
  entrants: number;
  honoured: number;
  score: number;
  rank: number;
  award: boolean;
}

export interface OutcomeInput {
  rank: number | null;
  /** "第1名" when honoured (top N, awards not withheld), else null. */
  award: string | null;
  passedAll: boolean | null;
  /** The person's highest level held now (null = none). */
  currentLevel: Level | null;
  rules: CompetitionRules;
}

export type { PartKey, ProposedOutcome };

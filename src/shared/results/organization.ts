import type { CompetitionRules } from '../contracts/competitions.js';
import type { OrganizationStanding, Ranking, ScoreColumns } from './types.js';
import { unitSlots } from './unit-slots.js';

/**
 * 组织奖: each unit scores entrants × perEntrant + honoured × perTopN, where entrants are its
 * contestants holding a total and honoured those among the individual award winners. The best
 * `count` units win; equal scores share a rank and the award when that rank is within `count`.
 * A unit scoring 0 wins nothing. Scores are kept to 0.0001 so that equal formulas compare equal.
 */
export function organizationStandings(
  cols: ScoreColumns,
  ranking: Ranking,
  honoured: readonly number[],
  rules: CompetitionRules,
): OrganizationStanding[] {
  const { perEntrant, perTopN, count } = rules.organizationAward;
  const { slot, unitIds } = unitSlots(cols);
  const entrants = new Int32Array(unitIds.length);
  const honouredBy = new Int32Array(unitIds.length);
  for (let p = 0; p < ranking.ranked; p++) entrants[slot[ranking.order[p]!]!]!++;
  for (const i of honoured) honouredBy[slot[i]!]!++;
  const list = Array.from(unitIds, (unitId, u): OrganizationStanding => ({ unitId, entrants: entrants[u]!, honoured: honouredBy[u]!, score: 0, rank: 0, award: false }));
  for (const s of list) s.score = Math.round((s.entrants * perEntrant + s.honoured * perTopN) * 1e4) / 1e4;
  list.sort((a, b) => b.score - a.score || a.unitId - b.unitId);
  list.forEach((s, p) => {
    const above = list[p - 1];
    s.rank = above && above.score === s.score ? above.rank : p + 1;
    s.award = s.score > 0 && s.rank <= count;
  });
  return list;
}

import type { TeamBelowK } from '../contracts/competitions.js';
import type { Ranking, ScoreColumns, TeamStanding } from './types.js';
import { unitSlots } from './unit-slots.js';

/**
 * 团体奖: each unit is scored by the sum of its best k totals (default k = 3). A unit with fewer
 * than k contestants holding a total is, by the competition's rule `teamBelowK`, either left out
 * ('excluded', the default: sum and rank null) or ranked on what it has ('ranked': the sum of its
 * fewer totals, which competes as it is — no unit is topped up). A unit with no total is never
 * ranked. Equal sums are separated by the unit's best single total; units equal on both share a
 * rank (1, 2, 2, 4). Sorted best first, the ineligible units last (by unit id). `entrants` counts
 * the unit's contestants with a total, as the organization award does.
 */
export function teamStandings(cols: ScoreColumns, ranking: Ranking, k: number, belowK: TeamBelowK = 'excluded'): TeamStanding[] {
  const { slot, unitIds } = unitSlots(cols);
  const byUnit = Array.from(unitIds, (unitId): TeamStanding => ({ unitId, entrants: 0, counted: [], sum: null, rank: null }));
  // Walking the order best first, each unit's first k are its best k.
  for (let p = 0; p < ranking.ranked; p++) {
    const i = ranking.order[p]!;
    const s = byUnit[slot[i]!]!;
    s.entrants++;
    if (s.counted.length < k) s.counted.push(i);
  }
  const hundredths = (i: number) => Math.round(ranking.total[i]! * 100);
  const sumH = new Map<number, number>();
  for (const s of byUnit) {
    if (k < 1 || s.counted.length === 0 || (s.counted.length < k && belowK !== 'ranked')) continue;
    const h = s.counted.reduce((a, i) => a + hundredths(i), 0);
    sumH.set(s.unitId, h);
    s.sum = h / 100;
  }
  const best = (s: TeamStanding) => hundredths(s.counted[0]!);
  const eligible = byUnit.filter((s) => sumH.has(s.unitId));
  eligible.sort((a, b) => sumH.get(b.unitId)! - sumH.get(a.unitId)! || best(b) - best(a) || a.unitId - b.unitId);
  eligible.forEach((s, p) => {
    const above = eligible[p - 1];
    const tied = above && sumH.get(above.unitId) === sumH.get(s.unitId) && best(above) === best(s);
    s.rank = tied ? above.rank : p + 1;
  });
  const ineligible = byUnit.filter((s) => !sumH.has(s.unitId)).sort((a, b) => a.unitId - b.unitId);
  return [...eligible, ...ineligible];
}

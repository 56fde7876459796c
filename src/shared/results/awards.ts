import type { CompetitionRules } from '../contracts/competitions.js';
import type { IndividualAwards, Ranking } from './types.js';

/**
 * 个人奖项: the top N of the trade (default 前6名) are honoured, each named by their rank; a tie at
 * the boundary honours everyone sharing that rank (ranks are shared only on a full tie). Awards are
 * withheld when fewer contestants have a total than the competition's minimum.
 */

/** 3 → "第3名". */
export function awardName(rank: number): string {
  return `第${rank}名`;
}

export function individualAwards(ranking: Ranking, rules: CompetitionRules): IndividualAwards {
  if (ranking.ranked < rules.minEntrantsForAwards) {
    return {
      withheld: `取得总成绩的选手 ${ranking.ranked} 人，少于评奖所需的 ${rules.minEntrantsForAwards} 人，本次不评个人奖项`,
      honoured: [],
    };
  }
  const honoured: number[] = [];
  for (let k = 0; k < ranking.ranked; k++) {
    const i = ranking.order[k]!;
    if (ranking.rank[i]! > rules.topN) break; // ranks only grow along the order
    honoured.push(i);
  }
  return { withheld: null, honoured };
}

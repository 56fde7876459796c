import { PART_NAMES, type CompetitionPart } from '../competition/parts.js';
import type { CompetitionRules } from '../contracts/competitions.js';
import type { CompetitionResults } from '../contracts/results.js';
import { LEVEL_NAMES, isLevel } from '../levels.js';
import { STANDARDIZED_FORMULA } from './standardized.js';

/** The rules as printed under the results (公式说明), in Chinese, from the competition's own parts and rules. */

const TIE_KEY_TEXT: Record<CompetitionRules['tieBreak'][number], string> = {
  practical: '操作技能考核成绩高者在前',
  time: '实操完成用时短者在前',
  theory: '理论知识考试成绩高者在前',
  oral: '答辩成绩高者在前',
};

const levelName = (n: number) => (isLevel(n) ? LEVEL_NAMES[n].zh : `${n}级`);

export function resultFormulas(parts: readonly CompetitionPart[], rules: CompetitionRules): CompetitionResults['formulas'] {
  const terms = parts.map((p) => `${PART_NAMES[p.key]}成绩 × ${p.weight}%`).join(' + ');
  const passes = parts.map((p) => `${PART_NAMES[p.key]} ${p.passMark} 分`).join('，');
  const chain = rules.tieBreak.map((k, i) => `（${i + 1}）${TIE_KEY_TEXT[k]}`).join('；');
  const { perEntrant, perTopN, count } = rules.organizationAward;
  const { winnerLevel, winnerTitle, passBothLevel } = rules.outcomes;
  return {
    total: `总成绩 = ${terms}，精确到 0.01 分（四舍五入）；合格线：${passes}；任一部分缺考不计总成绩、不参加排名`,
    tieBreak: `按总成绩从高到低排名；总成绩相同时${chain ? `依次比较：${chain}；缺少该项成绩者在后；以上均相同者` : ''}名次并列，下一名次顺延（如 1、2、2、4）`,
    standardized: STANDARDIZED_FORMULA,
    team: `团体成绩 = 本单位总成绩最高的 ${rules.teamBestK} 名选手总成绩之和；${rules.teamBelowK === 'ranked' ? `取得总成绩的选手不足 ${rules.teamBestK} 人的单位按已有选手的总成绩之和参加团体排名` : `取得总成绩的选手不足 ${rules.teamBestK} 人的单位不参加团体排名`}；团体成绩相同时本单位个人最高总成绩高者在前，仍相同者并列；前 ${rules.teamAwards} 名获团体奖`,
    organization: `组织奖得分 = 取得总成绩的参赛人数 × ${perEntrant} + 个人获奖人数 × ${perTopN}；得分最高的 ${count} 个单位获组织奖，得分相同者并列`,
    outcomes: `个人前 ${rules.topN} 名获奖（参赛取得总成绩者不少于 ${rules.minEntrantsForAwards} 人时评奖）；第1名且各部分成绩合格者授予「${winnerTitle}」称号，晋升${levelName(winnerLevel)}，已持有${levelName(winnerLevel)}或更高等级者获上一等级考评资格；各部分成绩均合格者认定${levelName(passBothLevel)}，已持有该等级或更高等级者不再认定；等级只升不降`,
  };
}

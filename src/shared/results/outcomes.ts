import { isLevel, LEVEL_NAMES, type Level } from '../levels.js';
import type { OutcomeInput, ProposedOutcome } from './types.js';

/**
 * 拟认定结果: what a contestant's result earns, proposed until the results are final.
 *   - an individual award (第N名) when honoured;
 *   - rank 1 with every part passed: promotion to the winner level (技师) when the person holds a
 *     lower level or none, plus the winner title (市技术能手); a winner already at that level or
 *     higher becomes eligible for evaluation at the level above their own instead (none at 高级技师);
 *   - every part passed: the pass level (高级工) unless already held at that level or higher, or
 *     the promotion gives that level or higher.
 * A level is only ever proposed when it is higher (a smaller number) than the one held: never lowered.
 */

const LEVEL_GRADE: Record<Level, string> = { 1: '一', 2: '二', 3: '三', 4: '四', 5: '五' };

/** "高级工（国家职业资格三级）". */
export function levelTitle(level: Level): string {
  return `${LEVEL_NAMES[level].zh}（国家职业资格${LEVEL_GRADE[level]}级）`;
}

/** True when `a` is a strictly higher level than `b` (null = none held). */
function above(a: Level, b: Level | null): boolean {
  return b === null || a < b;
}

function asLevel(n: number): Level {
  if (!isLevel(n)) throw new RangeError(`职业资格等级须为 1 到 5：${n}`);
  return n;
}

export function proposeOutcomes(input: OutcomeInput): ProposedOutcome[] {
  const { rank, award, passedAll, currentLevel, rules } = input;
  const out: ProposedOutcome[] = [];
  if (award) out.push({ kind: 'award', level: null, title: award, reason: `个人${award}（前${rules.topN}名获奖）` });

  let promotedTo: Level | null = null;
  if (rank === 1 && passedAll === true) {
    const winner = asLevel(rules.outcomes.winnerLevel);
    const winnerName = LEVEL_NAMES[winner].zh;
    if (above(winner, currentLevel)) {
      promotedTo = winner;
      out.push({ kind: 'promotion', level: winner, title: `晋升${winnerName}`, reason: `第1名且各部分成绩合格，晋升${winnerName}` });
    } else if (currentLevel !== null && currentLevel > 1) {
      const next = asLevel(currentLevel - 1);
      const held = LEVEL_NAMES[currentLevel].zh;
      out.push({
        kind: 'eligibility', level: next, title: `${LEVEL_NAMES[next].zh}考评资格`,
        reason: `第1名，已持有${held}，获${LEVEL_NAMES[next].zh}考评资格`,
      });
    }
    out.push({ kind: 'title', level: null, title: rules.outcomes.winnerTitle, reason: `第1名且各部分成绩合格，授予「${rules.outcomes.winnerTitle}」称号` });
  }

  if (passedAll === true) {
    const pass = asLevel(rules.outcomes.passBothLevel);
    if (above(pass, currentLevel) && (promotedTo === null || above(pass, promotedTo))) {
      out.push({ kind: 'level', level: pass, title: levelTitle(pass), reason: `各部分成绩均合格，认定${LEVEL_NAMES[pass].zh}` });
    }
  }
  return out;
}

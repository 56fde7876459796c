import type { OutcomeKind } from '../contracts/results.js';
import { isLevel, LEVEL_NAMES } from '../levels.js';

/**
 * What a certificate says, from the outcome it certifies. An honour (an award, a title, a team or
 * organization award) prints as 荣誉证书; a level or an eligibility as 职业资格证明.
 */
export function certificateHeading(kind: OutcomeKind): string {
  return kind === 'promotion' || kind === 'level' || kind === 'eligibility' ? '职业资格证明' : '荣誉证书';
}

const LEVEL_NUMERALS = ['', '一', '二', '三', '四', '五'];

/** "高级工（国家职业资格三级）" */
export function levelText(level: number): string {
  return isLevel(level) ? `${LEVEL_NAMES[level].zh}（国家职业资格${LEVEL_NUMERALS[level]}级）` : `国家职业资格${level}级`;
}

export interface OutcomeForTitle {
  kind: OutcomeKind;
  title: string;
  level: number | null;
  rank: number | null;
}

/**
 * The award or level as printed: "车工 第1名", "晋升技师", "市技术能手", "高级工（国家职业资格三级）",
 * "高级技师考评资格", "团体第1名", "组织奖". The outcome's own title is kept where it already says it.
 */
export function certificateTitle(o: OutcomeForTitle, tradeName: string): string {
  switch (o.kind) {
    case 'award':
      return o.title.startsWith(tradeName) ? o.title : `${tradeName} ${o.title || `第${o.rank}名`}`;
    case 'promotion':
      return o.level != null && isLevel(o.level) ? `晋升${LEVEL_NAMES[o.level].zh}` : o.title;
    case 'level':
      return o.level != null ? levelText(o.level) : o.title;
    case 'eligibility':
      return o.level != null && isLevel(o.level) ? `${LEVEL_NAMES[o.level].zh}考评资格` : o.title;
    case 'team':
      return o.title || `团体第${o.rank}名`;
    case 'organization':
      return o.title || '组织奖';
    case 'title':
      return o.title;
  }
}

/** Whether the holder is a unit (team and organization awards) rather than a person. */
export const heldByUnit = (kind: OutcomeKind) => kind === 'team' || kind === 'organization';

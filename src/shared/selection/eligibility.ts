import { LEVEL_NAMES, isLevel } from '../levels.js';
import type { SelectionRules } from './rules.js';

/**
 * 资格审查 by rule: works in the city; holds the round's minimum level (高级工, level 3) or higher in
 * the qualification records, or claims an equivalent skill the verifier decides; works in
 * front-line production; claims at least `minConditions` of the round's achievement conditions,
 * each with evidence. The machine check runs first and names each rule that failed; a verifier
 * signs off every candidate.
 */

export type EligibilityRule = 'works_in_city' | 'level' | 'front_line' | 'conditions' | 'consent';

export interface EligibilityCheckItem {
  rule: EligibilityRule;
  passed: boolean;
  /** 'pending' when a person must decide (an equivalent-skill claim). */
  pending?: boolean;
  message: string;
}

export interface EligibilityCheck {
  ok: boolean;
  items: EligibilityCheckItem[];
}


/** Unit kinds that count as working in the city (a district or industry body is a nominator, not an employer). */
export const CITY_UNIT_KINDS = ['enterprise', 'school', 'department'] as const;

/** What the machine check reads of one candidate (from the registry, the claims and their evidence). */
export interface EligibilityInput {
  /** The kind of the person's unit; null when the unit is not in the registry. */
  unitKind: string | null;
  /** The highest level held (people.level and qualification records); a smaller number is higher. */
  level: number | null;
  /** An equivalent-skill claim (同等技能水平) the verifier decides. */
  equivalentSkill: boolean;
  frontLine: boolean;
  /** Each claimed condition with how many evidence files stand behind it. */
  claims: { conditionKey: string; evidence: number }[];
  consent: boolean;
}

export type EligibilityRules = Pick<SelectionRules, 'minLevel' | 'minConditions' | 'conditions'>;

export const ELIGIBILITY_RULE_NAMES: Record<EligibilityRule, string> = {
  works_in_city: '在本市工作', level: '高级工及以上等级', front_line: '生产一线', conditions: '业绩条件', consent: '本人同意',
};

const levelName = (l: number) => (isLevel(l) ? LEVEL_NAMES[l].zh : `${l}级`);

/**
 * 机器初审: each rule passed or failed, with a message a clerk can act on. `ok` when nothing failed
 * (an equivalent-skill claim leaves the level rule pending, for the verifier).
 */
export function checkEligibility(input: EligibilityInput, rules: EligibilityRules): EligibilityCheck {
  const items: EligibilityCheckItem[] = [];
  const inCity = input.unitKind !== null && (CITY_UNIT_KINDS as readonly string[]).includes(input.unitKind);
  items.push({ rule: 'works_in_city', passed: inCity, message: inCity ? '所在单位为本市登记的企业、院校或机关' : input.unitKind === null ? '所在单位不在本市单位库中' : '所在单位不是企业、院校或机关' });

  const need = levelName(rules.minLevel);
  if (input.level !== null && input.level <= rules.minLevel) items.push({ rule: 'level', passed: true, message: `持有${levelName(input.level)}（要求${need}及以上）` });
  else if (input.equivalentSkill) items.push({ rule: 'level', passed: false, pending: true, message: `未持有${need}及以上等级，申报同等技能水平，待审查人员认定` });
  else items.push({ rule: 'level', passed: false, message: input.level === null ? `没有职业资格等级记录，要求${need}及以上` : `持有${levelName(input.level)}，低于要求的${need}` });

  items.push({ rule: 'front_line', passed: input.frontLine, message: input.frontLine ? '在生产一线工作' : '不在生产一线工作' });

  const known = new Set(rules.conditions.map((c) => c.key));
  const backed = input.claims.filter((c) => known.has(c.conditionKey) && c.evidence > 0).length;
  const bare = input.claims.filter((c) => known.has(c.conditionKey) && c.evidence === 0).map((c) => rules.conditions.find((k) => k.key === c.conditionKey)!.name);
  const condOk = backed >= rules.minConditions;
  items.push({
    rule: 'conditions', passed: condOk,
    message: condOk ? `申报 ${backed} 项业绩条件并附证明材料（至少 ${rules.minConditions} 项）`
      : `附证明材料的业绩条件 ${backed} 项，少于 ${rules.minConditions} 项${bare.length ? `；未附材料：${bare.join('、')}` : ''}`,
  });

  items.push({ rule: 'consent', passed: input.consent, message: input.consent ? '已确认本人同意' : '尚未取得本人同意（上传签字的同意书或由本人登录确认）' });
  return { ok: items.every((i) => i.passed || i.pending === true), items };
}

/** The rules that failed (pending ones left out), for messages and tests. */
export const failedRules = (c: EligibilityCheck): EligibilityRule[] => c.items.filter((i) => !i.passed && !i.pending).map((i) => i.rule);

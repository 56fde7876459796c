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

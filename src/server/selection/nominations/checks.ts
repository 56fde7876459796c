import { and, eq, sql, type SQL } from 'drizzle-orm';
import { checkEligibility, type EligibilityCheck, type EligibilityRules } from '../../../shared/selection/eligibility.js';
import type { DbOrTx } from '../../db/client.js';
import { rowsOf } from '../../db/sql-helpers.js';
import { selectionCandidates } from './tables.js';

/** id, unit kind, best level, front line, equivalent skill claimed, consent, "key:n,key:n". */
type Tuple = [number, string | null, number | null, boolean, boolean, boolean, string | null];

/**
 * The machine eligibility check of many candidates at once, from stored data, in one statement:
 * the person and their unit, the best level held (people.level or any qualification record), the
 * claims with how many evidence files each has (as "key:n,key:n"), the consent. `where` filters
 * the candidates (a round, or one candidate).
 */
export async function machineChecks(db: DbOrTx, rules: EligibilityRules, where: SQL): Promise<Map<number, EligibilityCheck>> {
  // One row holding every candidate as a JSON array: far cheaper to hand over than 100k rows.
  const [all] = await rowsOf<{ rows: Tuple[] | string | null }>(db, sql`
    select json_agg(json_build_array(c.id, u.kind, coalesce(least(p.level, q.best), p.level, q.best), p.front_line, c.equivalent_skill is not null, c.consent_kind is not null, k.claims)) as rows
    from selection_candidates c
    join people p on p.id = c.person_id
    left join units u on u.id = p.unit_id
    left join (
      select r.person_id, min(r.level) as best from qualification_records r
      where r.person_id in (select c.person_id from selection_candidates c where ${where}) group by r.person_id
    ) q on q.person_id = p.id
    left join (
      select cl.candidate_id, string_agg(cl.condition_key || ':' || coalesce(ev.n, 0), ',') as claims
      from selection_claims cl
      join selection_candidates c on c.id = cl.candidate_id
      left join (
        select e.claim_id, count(*) as n from selection_evidence e join selection_candidates c on c.id = e.candidate_id
        where ${where} and e.claim_id is not null group by e.claim_id
      ) ev on ev.claim_id = cl.id
      where ${where} group by cl.candidate_id
    ) k on k.candidate_id = c.id
    where ${where}`);
  const rows: Tuple[] = typeof all?.rows === 'string' ? JSON.parse(all.rows) as Tuple[] : all?.rows ?? [];
  const out = new Map<number, EligibilityCheck>();
  for (const [id, unitKind, level, frontLine, eq, consent, claimText] of rows) {
    const claims = claimText ? claimText.split(',').map((s) => {
      const at = s.lastIndexOf(':');
      return { conditionKey: s.slice(0, at), evidence: Number(s.slice(at + 1)) };
    }) : [];
    out.set(id, checkEligibility({ unitKind, level, equivalentSkill: eq, frontLine, claims, consent }, rules));
  }
  return out;
}

/** Re-runs the machine check of one candidate and stores it on the candidate. */
export async function recheck(tx: DbOrTx, rules: EligibilityRules, candidateId: number): Promise<EligibilityCheck> {
  const check = (await machineChecks(tx, rules, sql`c.id = ${candidateId}`)).get(candidateId)!;
  await tx.update(selectionCandidates).set({ check }).where(eq(selectionCandidates.id, candidateId));
  return check;
}

/** The candidates of a round, for machineChecks. */
export const ofRound = (roundId: number) => sql`c.round_id = ${roundId}`;
export const inRound = (roundId: number, ...more: (SQL | undefined)[]) => and(eq(selectionCandidates.roundId, roundId), ...more)!;

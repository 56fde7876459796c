import { and, eq, sql, type SQL } from 'drizzle-orm';
import { checkEligibility, type EligibilityCheck, type EligibilityRules } from '../../../shared/selection/eligibility.js';
import type { DbOrTx } from '../../db/client.js';
import { rowsOf } from '../../db/sql-helpers.js';
import { selectionCandidates } from './tables.js';

interface Row { id: number; unit_kind: string | null; level: number | null; best: number | null; front_line: boolean; eq: boolean; consent: boolean; claims: string | null }

/**
 * The machine eligibility check of many candidates at once, from stored data, in one statement:
 * the person and their unit, the best level held (people.level or any qualification record), the
 * claims with how many evidence files each has (as "key:n,key:n"), the consent. `where` filters
 * the candidates (a round, or one candidate).
 */
export async function machineChecks(db: DbOrTx, rules: EligibilityRules, where: SQL): Promise<Map<number, EligibilityCheck>> {
  const rows = await rowsOf<Row>(db, sql`
    select c.id, u.kind as unit_kind, p.level, q.best, p.front_line, c.equivalent_skill is not null as eq, c.consent_kind is not null as consent, k.claims
    from selection_candidates c
    join people p on p.id = c.person_id
    left join units u on u.id = p.unit_id
    left join lateral (select min(r.level) as best from qualification_records r where r.person_id = p.id) q on true
    left join lateral (
      select string_agg(cl.condition_key || ':' || (select count(*) from selection_evidence e where e.candidate_id = c.id and e.claim_id = cl.id), ',') as claims
      from selection_claims cl where cl.candidate_id = c.id
    ) k on true
    where ${where}`);
  const out = new Map<number, EligibilityCheck>();
  for (const r of rows) {
    const level = r.level == null ? r.best : r.best == null ? r.level : Math.min(r.level, r.best);
    const claims = r.claims ? r.claims.split(',').map((s) => {
      const at = s.lastIndexOf(':');
      return { conditionKey: s.slice(0, at), evidence: Number(s.slice(at + 1)) };
    }) : [];
    out.set(Number(r.id), checkEligibility({ unitKind: r.unit_kind, level: level == null ? null : Number(level), equivalentSkill: r.eq, frontLine: r.front_line, claims, consent: r.consent }, rules));
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
